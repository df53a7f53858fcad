import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { ProblemError } from './problem';
import { toProblem } from './to-problem';

describe('toProblem', () => {
  it('keeps a domain error with its code and field errors', () => {
    const p = toProblem(new ProblemError(409, 'CASE_EXISTS', 'exists', [{ path: 'citizenId', message: 'taken' }]));
    expect(p).toMatchObject({ status: 409, title: 'Conflict', code: 'CASE_EXISTS', errors: [{ path: 'citizenId' }] });
  });

  it('takes only codes of the one list', () => {
    // @ts-expect-error an unknown code does not compile
    expect(new ProblemError(400, 'NOT_A_CODE', 'x').code).toBe('NOT_A_CODE');
  });

  it("names fastify's body errors", () => {
    expect(
      toProblem(new HttpException("Body is not valid JSON but content-type is set to 'application/json'", 400)).code,
    ).toBe('MALFORMED_JSON');
    expect(
      toProblem(new BadRequestException("Body cannot be empty when content-type is set to 'application/json'")).code,
    ).toBe('EMPTY_BODY');
    expect(toProblem(new HttpException('Unsupported Media Type', 415)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(toProblem(new NotFoundException()).code).toBe('NOT_FOUND');
  });

  it('reveals nothing about unexpected errors', () => {
    const p = toProblem(new Error('password=hemmelig at db.ts:42'));
    expect(p.status).toBe(500);
    expect(JSON.stringify(p)).not.toContain('hemmelig');
  });
});
