import { Meeting, SetWorkingHours, WorkingHours } from '@tvaers/contracts';
import { componentSchemas, openApiSchema } from './openapi-schema';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('componentSchemas', () => {
  it('gives a schema used both ways, whose forms differ, a component per direction', () => {
    const { paths, schemas } = componentSchemas({
      read: openApiSchema(WorkingHours, 'output'),
      write: openApiSchema(SetWorkingHours, 'input'),
    });
    expect(paths).toEqual({ read: ref('WorkingHours'), write: ref('SetWorkingHours') });
    expect(schemas.WorkingHours.properties).toMatchObject({ hours: { type: 'array', items: ref('WeeklyHours') } });
    expect(schemas.SetWorkingHours.properties).toMatchObject({ hours: { items: ref('WeeklyHoursInput') } });
    // A response has no other fields; a request may carry some (they are dropped).
    expect(schemas.WeeklyHours.additionalProperties).toBe(false);
    expect(schemas.WeeklyHoursInput).not.toHaveProperty('additionalProperties');
  });

  it('names a schema used one way only by its own name', () => {
    const { schemas } = componentSchemas({ write: openApiSchema(SetWorkingHours, 'input') });
    expect(Object.keys(schemas)).toEqual(['SetWorkingHours', 'WeeklyHours']);
    expect(schemas.WeeklyHours).not.toHaveProperty('additionalProperties');
  });

  it('keeps a nullable named schema inline, as OpenAPI 3.0 cannot mark a $ref nullable', () => {
    const { schemas } = componentSchemas({ read: openApiSchema(Meeting, 'output') });
    expect(schemas.Meeting.properties).toMatchObject({ outcome: { nullable: true, type: 'object' } });
    expect(schemas).not.toHaveProperty('MeetingOutcome');
  });
});
