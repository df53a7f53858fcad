#!/usr/bin/env node
// `npm run bench`: starts the built server on a throwaway embedded PostgreSQL (loopback only) and measures
// requests per second of the main read and write paths against GET /api/health in the same run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const freePort = () =>
  new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvaers-bench-'));
// Reachable by the postgres user (when run as root), so the cluster stays inside dataDir and goes with it.
fs.chmodSync(dataDir, 0o755);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// Always the embedded database: the benchmark must not touch a configured server.
const env = { ...process.env };
delete env.DATABASE_URL;
const server = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
  env: { ...env, DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = async () => {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
};

try {
  for (let i = 0; ; i++) {
    if (i > 300) throw new Error('server did not start');
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sagsbehandler@demo.tvaers.dk', password: 'tvaers-demo' }),
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const headers = { cookie, 'content-type': 'application/json' };
  const cases = await (await fetch(`${base}/api/cases?status=active`, { headers })).json();
  const caseIds = cases.items.map((c) => c.id);
  const monday = new Date();
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const week = `from=${monday.toISOString().slice(0, 10)}T00:00:00Z&to=${new Date(monday.getTime() + 7 * 864e5).toISOString()}`;

  /** Bounded closed-loop load: CONCURRENCY workers for SECONDS seconds. */
  async function measure(name, request) {
    const deadline = Date.now() + SECONDS * 1000;
    let done = 0;
    let failed = 0;
    const latencies = [];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, w) => {
        let n = 0;
        while (Date.now() < deadline) {
          const t0 = performance.now();
          const res = await request(w, n++);
          latencies.push(performance.now() - t0);
          if (res.ok) done++;
          else failed++;
          await res.arrayBuffer();
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    return { name, rps: done / SECONDS, failed, p95: latencies[Math.floor(latencies.length * 0.95)] ?? 0 };
  }

  const versions = new Map();
  const results = [];
  results.push(await measure('GET /api/health (baseline)', () => fetch(`${base}/api/health`)));
  results.push(await measure('GET /api/me', () => fetch(`${base}/api/me`, { headers })));
  results.push(await measure('GET /api/meetings (week)', () => fetch(`${base}/api/meetings?${week}`, { headers })));
  results.push(await measure('GET /api/cases (mine)', () => fetch(`${base}/api/cases?status=active`, { headers })));
  results.push(
    await measure('GET /api/cases/:id/plan', (w, n) =>
      fetch(`${base}/api/cases/${caseIds[(w + n) % caseIds.length]}/plan`, { headers }),
    ),
  );
  // Each worker edits its own case, following its version (If-Match), so every write is a real new version.
  results.push(
    await measure('PUT /api/cases/:id/plan', async (w, n) => {
      const id = caseIds[w % caseIds.length];
      if (!versions.has(id))
        versions.set(id, (await (await fetch(`${base}/api/cases/${id}/plan`, { headers })).json()).version);
      const res = await fetch(`${base}/api/cases/${id}/plan`, {
        method: 'PUT',
        headers: { ...headers, 'if-match': `"${versions.get(id)}"` },
        body: JSON.stringify({ jobGoal: `Mål ${n}` }),
      });
      if (res.ok) versions.set(id, versions.get(id) + 1);
      return res;
    }),
  );
  const baseline = results[0].rps;
  console.log(
    `\nTværs benchmark: ${CONCURRENCY} concurrent clients, ${SECONDS}s per route, ${os.cpus().length} cores\n`,
  );
  console.log('route'.padEnd(34) + 'req/s'.padStart(9) + 'p95 ms'.padStart(9) + '  vs baseline' + '  failed');
  for (const r of results) {
    console.log(
      r.name.padEnd(34) +
        r.rps.toFixed(0).padStart(9) +
        r.p95.toFixed(1).padStart(9) +
        `  ${(r.rps / baseline).toFixed(2)}x`.padStart(12) +
        String(r.failed).padStart(8),
    );
  }
  if (results.some((r) => r.failed > 0)) process.exitCode = 1;
} finally {
  await stop();
}
