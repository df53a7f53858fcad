// The typed test client fails a test when a response drifts from the contract (a fake server answers here).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiProblem, apiClient, problem } from '../support/client';

const me = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Test',
  email: 'test@test.tvaers.dk',
  roles: ['caseworker'],
  discipline: 'employment',
  teamIds: [],
};

let answer: { status: number; type: string; body: unknown };
let server: http.Server;
let fake: { url: string };
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(answer.status, { 'content-type': answer.type }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const json = (body: unknown, status = 200) => (answer = { status, type: 'application/json', body });

it('returns a response that matches the contract', async () => {
  json(me);
  expect(await apiClient(fake).auth.me()).toEqual(me);
});

it('fails on a response missing a field of the contract', async () => {
  json({ ...me, teamIds: undefined });
  await expect(apiClient(fake).auth.me()).rejects.toThrow('does not match the contract');
});

it('fails on a response with a field the contract does not declare', async () => {
  json({ ...me, passwordHash: 'x' });
  await expect(apiClient(fake).auth.me()).rejects.toThrow('fields the contract does not declare');
});

it('fails on a success with another status than the route answers', async () => {
  json(me, 201);
  await expect(apiClient(fake).auth.me()).rejects.toThrow('expected 200, got 201');
});

it('gives a failure as a problem with its status, code and sorted field paths', async () => {
  answer = {
    status: 400,
    type: 'application/problem+json',
    body: {
      status: 400,
      title: 'Bad',
      code: 'VALIDATION_FAILED',
      errors: [
        { path: 'b', message: 'x' },
        { path: 'a', message: 'y' },
      ],
    },
  };
  const res = await problem(apiClient(fake).auth.me());
  expect(res).toBeInstanceOf(ApiProblem);
  expect(res).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', paths: ['a', 'b'] });
});

it('fails on an error that is not a problem document', async () => {
  json({ error: 'nope' }, 500);
  await expect(apiClient(fake).auth.me()).rejects.toThrow('without a problem document');
});

it('fails a test that expected a failure when the call succeeds', async () => {
  json(me);
  await expect(problem(apiClient(fake).auth.me())).rejects.toThrow('expected the call to fail');
});
