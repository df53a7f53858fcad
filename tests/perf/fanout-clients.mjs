// One process of the fan-out benchmark's socket clients (forked by run.mjs). 2,000 sockets in the process that
// also times them would measure that process's own parsing, one message after another, more than the server's
// fan-out; so the sockets are spread over a few such processes, each reporting arrival instants.
// argv: apiBase, count, teamId; the manager's cookie comes in env BENCH_COOKIE.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { io } = require('socket.io-client');
const [apiBase, count, teamId] = process.argv.slice(2);
const sockets = [];
let arrivals = [];
// An instant comparable across processes (the parent's `performance.timeOrigin + performance.now()` too).
const now = () => performance.timeOrigin + performance.now();

for (let i = 0; i < Number(count); i += 100) {
  const batch = Array.from({ length: Math.min(100, Number(count) - i) }, () => {
    const socket = io(apiBase, {
      transports: ['websocket'],
      extraHeaders: { cookie: process.env.BENCH_COOKIE },
      reconnection: false,
      forceNew: true,
      timeout: 30_000,
    });
    socket.on('caseload:updated', (payload) => {
      if (payload.teamId !== teamId) return;
      arrivals.push(now());
      if (arrivals.length === sockets.length) flush();
    });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
  });
  try {
    await Promise.all(batch);
  } catch (err) {
    process.send({ type: 'error', message: String(err?.message ?? err) });
    process.exit(1);
  }
}
process.send({ type: 'ready' });

/** Hands this round's arrivals to the parent: when every socket has one, or when the parent stops waiting. */
function flush() {
  process.send({ type: 'arrivals', arrivals });
  arrivals = [];
}

process.on('message', (msg) => {
  if (msg.type === 'flush') flush();
  else if (msg.type === 'close') {
    for (const socket of sockets) socket.disconnect();
    process.disconnect();
  }
});
