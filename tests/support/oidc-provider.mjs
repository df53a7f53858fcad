// A local OpenID provider for tests (oidc-provider, in memory, with its dev login and consent pages), in a
// process of its own: the package is ESM-only, which jest's module system does not load.
// Protocol, one JSON object a line: it prints `{"issuer"}` once it listens; then it reads
// `{"clientId","clientSecret","redirectUris"}` (answers `{"ok":true}`), and any number of
// `{"account":{"sub","email","verified"}}` (answers `{"ok":true}`). The login typed at its page is the subject.
import http from 'node:http';
import readline from 'node:readline';
import Provider from 'oidc-provider';

const accounts = new Map();
let handler;
const server = http.createServer((req, res) => {
  if (handler) return handler(req, res);
  res.statusCode = 503;
  res.end();
});

function configure(issuer, { clientId, clientSecret, redirectUris }) {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['tvaers-test-only'] },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => {
        const a = accounts.get(sub);
        return a ? { sub, email: a.email, email_verified: a.verified } : { sub };
      },
    }),
  });
  handler = provider.callback();
}

server.listen(0, '127.0.0.1', () => {
  const issuer = `http://localhost:${server.address().port}`;
  process.stdout.write(JSON.stringify({ issuer }) + '\n');
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    const msg = JSON.parse(line);
    if (msg.account) accounts.set(msg.account.sub, msg.account);
    else configure(issuer, msg);
    process.stdout.write(JSON.stringify({ ok: true }) + '\n');
  });
});

process.stdin.on('end', () => server.close(() => process.exit(0)));
