import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

/** The client Tværs is registered as at the local provider. */
export const OIDC_CLIENT = { clientId: 'tvaers', clientSecret: 'test-secret-that-is-long-enough' };

/** The local provider: started, configured, and told its accounts one JSON line at a time. */
export class LocalProvider {
  private lines: AsyncIterator<string, undefined>;
  stderr = '';
  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
  }

  static async start(): Promise<{ provider: LocalProvider; issuer: string }> {
    const child = spawn(process.execPath, [path.join(__dirname, 'oidc-provider.mjs')]);
    const provider = new LocalProvider(child);
    const { issuer } = JSON.parse(await provider.next()) as { issuer: string };
    return { provider, issuer };
  }

  /** The next protocol line; the package's own warnings go to the same output. */
  private async next(): Promise<string> {
    for (;;) {
      const { value, done } = await this.lines.next();
      if (done) throw new Error(`the OIDC provider ended: ${this.stderr}`);
      const line: string = value;
      if (line.startsWith('{')) return line;
    }
  }

  async send(message: object): Promise<void> {
    this.child.stdin.write(JSON.stringify(message) + '\n');
    expect(JSON.parse(await this.next())).toEqual({ ok: true });
  }

  account(sub: string, email: string, verified = true) {
    return this.send({ account: { sub, email, verified } });
  }

  stop(): void {
    this.child.stdin.end();
  }
}
