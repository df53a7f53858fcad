// A meeting's mail survives a crash of the API: the mail jobs are written in the change's
// own transaction, so once the change is answered its mails exist, and a killed process loses none of them.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { Queues } from '@tvaers/api/src/jobs/job-queue';
import { freePort, startTestApp, type TestApp } from '../support/app';
import { createCase, createStaff } from '../support/factories';
import { apiDir } from '../support/paths';
import { testSmtp } from '../support/smtp';
import { eventually } from '../support/wait';

const main = path.join(apiDir, 'dist', 'main.js');
const smtp = testSmtp();

/** The built server (`npm start`'s entry point) on the run's database, as a child process it can kill. */
async function startServer(
  env: Record<string, string>,
): Promise<{ proc: ChildProcess; url: string; exited: Promise<unknown> }> {
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const proc = spawn(process.execPath, [main], {
    env: {
      ...inherited,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATA_DIR: process.env.TEST_DATA_DIR!,
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      MIGRATION_DATABASE_URL: process.env.TEST_OWNER_DATABASE_URL!,
      SMTP_URL: smtp.url,
      PORT: String(port),
      ...env,
    },
    stdio: 'pipe',
  });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  try {
    await eventually(
      () => `the server to become healthy:\n${out}`,
      async () => {
        if (proc.exitCode !== null) throw new Error(`server exited early:\n${out}`);
        // Not listening yet answers undefined, as a health check that fails.
        const res = await fetch(`${url}/api/health`).catch(() => undefined);
        return res?.ok ? true : undefined;
      },
      60_000,
    );
  } catch (err) {
    proc.kill('SIGKILL');
    throw err;
  }
  return { proc, url, exited };
}

let t: TestApp;
let ds: DataSource;
beforeAll(async () => {
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  t = await startTestApp();
  ds = t.app.get(DataSource);
});
afterAll(() => t.close());

const mailJobs = (meetingId: string) =>
  ds.query<{ state: string; to: string }[]>(
    `SELECT state, data->>'participantId' AS to FROM pgboss.job WHERE name = $1 AND data->>'meetingId' = $2`,
    [Queues.mail, meetingId],
  );

describe('a crash after a meeting change commits', () => {
  it('loses no invitation: after a restart each recipient gets the mail exactly once', async () => {
    const sw = await createStaff(t);
    const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    const doctorEmail = `laege-crash-${Date.now()}@example.dk`;
    const start = new Date(Date.now() + 9 * 24 * 3600_000);
    start.setUTCHours(8, 0, 0, 0);

    // A process that queues but sends nothing (no worker), so the mail is still waiting when it dies.
    const first = await startServer({ JOB_WORKERS: 'false' });
    const res = await fetch(`${first.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: sw.cookie },
      body: JSON.stringify({
        caseId: kase.id,
        start: start.toISOString(),
        end: new Date(start.getTime() + 3600_000).toISOString(),
        participants: [{ kind: 'doctor', name: 'Læge Krak', email: doctorEmail }],
      }),
    });
    expect(res.status).toBe(201);
    const meeting = (await res.json()) as { id: string; participants: { id: string }[] };
    // Answered means committed with its mails: one job per recipient (doctor and organiser) exists now.
    expect((await mailJobs(meeting.id)).map((j) => j.state).sort()).toEqual(['created', 'created']);
    first.proc.kill('SIGKILL');
    await first.exited;
    expect(smtp.inbox.filter((m) => m.to.includes(doctorEmail) || m.to.includes(sw.email))).toEqual([]);

    const second = await startServer({ JOB_WORKERS: 'true' });
    try {
      await eventually('both mail jobs completed', async () => {
        const jobs = await mailJobs(meeting.id);
        return jobs.length === 2 && jobs.every((j) => j.state === 'completed') ? jobs : undefined;
      });
      for (const address of [doctorEmail, sw.email]) {
        expect(smtp.inbox.filter((m) => m.to.includes(address))).toHaveLength(1);
      }
    } finally {
      second.proc.kill('SIGTERM');
      await second.exited;
    }
  }, 120_000);
});
