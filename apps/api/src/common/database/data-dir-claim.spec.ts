import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { claimDataDir } from './embedded-postgres';

/** A live process running `command`, until the test ends it. */
const running: ChildProcess[] = [];
function live(command: string, args: string[]): number {
  const child = spawn(command, args, { stdio: 'ignore' });
  running.push(child);
  return child.pid!;
}
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('claimDataDir (one process per embedded data directory)', () => {
  const dir = () => {
    dirs.push(fs.mkdtempSync(path.join(os.tmpdir(), 'tvaers-claim-')));
    return dirs[dirs.length - 1];
  };
  const pidFile = (d: string) => path.join(d, 'tvaers.pid');

  it('claims a free directory with its own pid and gives it back on release', () => {
    const d = dir();
    const release = claimDataDir(d);
    expect(fs.readFileSync(pidFile(d), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(fs.existsSync(pidFile(d))).toBe(false);
  });

  it('refuses while another live Node process holds it, naming DATABASE_URL', () => {
    const d = dir();
    const other = live(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    fs.writeFileSync(pidFile(d), `${other}\n`);
    expect(() => claimDataDir(d)).toThrow(
      new RegExp(`in use by another Tværs process \\(pid ${other}\\).*DATABASE_URL`),
    );
    expect(fs.readFileSync(pidFile(d), 'utf8').trim()).toBe(String(other));
  });

  it("takes over a file left by a killed process, or whose pid is now another program's", () => {
    const d = dir();
    fs.writeFileSync(pidFile(d), '999999999\n');
    claimDataDir(d)();
    fs.writeFileSync(pidFile(d), `${live('sleep', ['60'])}\n`);
    const release = claimDataDir(d);
    expect(fs.readFileSync(pidFile(d), 'utf8').trim()).toBe(String(process.pid));
    release();
  });
});
