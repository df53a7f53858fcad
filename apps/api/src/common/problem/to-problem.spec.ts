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

  it('answers 503 DATABASE_UNAVAILABLE for a database that does not answer, not for a failing statement', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    for (const err of [refused, shutdown, new Error('Connection terminated unexpectedly')]) {
      expect(toProblem(err)).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    }
    const wrapped = Object.assign(new Error('x'), { name: 'QueryFailedError', driverError: shutdown });
    expect(toProblem(wrapped).code).toBe('DATABASE_UNAVAILABLE');
    const syntax = Object.assign(new Error('invalid input syntax'), { code: '22P02' });
    expect(toProblem(syntax).code).toBe('INTERNAL_ERROR');
  });
});
