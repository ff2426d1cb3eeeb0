import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distEntry, RunningProcess, startProcess } from './support/processes';

/**
 * `npm start` stopped as a terminal stops it, and started again after a crash (issue 14): Ctrl-C
 * signals the whole foreground process group (and npm forwards it once more), yet the API stops
 * first, then the jobs it works, then the embedded PostgreSQL, with no error line; after a SIGKILL
 * the orphaned PostgreSQL is adopted by the next start, which stops it when it stops.
 */
describe('the product as a process group: clean stops, an orphaned PostgreSQL adopted', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wmo-stop-'));
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  const started: RunningProcess[] = [];
  afterAll(() => {
    for (const api of started) if (api.child.exitCode === null) api.child.kill('SIGKILL');
    // A server this spec left running would keep the folder busy: stop it by its pid file.
    if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const api = startProcess([distEntry('api')], { DATA_DIR: dataDir, PORT: '0' }, { processGroup: true });
    started.push(api);
    await api.waitFor(/Luisterend oor platform is running/, 120_000);
    return api;
  };
  const postmasterPid = () => Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  /** Running, and not a zombie waiting for a parent that does not reap it. */
  const alive = (pid: number) => {
    try {
      return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };
  const logLines = (api: RunningProcess) =>
    api
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string; err?: { message: string } });

  it('Ctrl-C to the group (and once more from npm): HTTP, then jobs, then PostgreSQL; exit 0, no error line', async () => {
    const api = await start();
    const postgres = postmasterPid();
    process.kill(-api.child.pid!, 'SIGINT');
    process.kill(api.child.pid!, 'SIGINT'); // what `npm start` forwards to its child
    expect(await api.exited()).toEqual({ code: 0, signal: null });

    const lines = logLines(api);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    expect(api.output()).not.toContain('terminating connection due to administrator command');
    const order = [
      'Shutting down',
      'HTTP server closed',
      'Job queue stopped',
      'Stopping the embedded PostgreSQL',
      'Stopped cleanly',
    ];
    const at = order.map((msg) => lines.findIndex((line) => line.msg === msg));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(existsSync(pidFile)).toBe(false);
    expect(alive(postgres)).toBe(false);
  });

  it('after a SIGKILL the next start adopts the orphaned PostgreSQL and stops it cleanly when it stops', async () => {
    const crashed = await start();
    const orphan = postmasterPid();
    crashed.child.kill('SIGKILL');
    await crashed.exited();
    expect(alive(orphan)).toBe(true); // in a session of its own, it outlives its owner

    const next = await start();
    expect(postmasterPid()).toBe(orphan);
    expect(logLines(next).find((line) => line.msg === 'Embedded PostgreSQL is ready')).toMatchObject({
      adopted: true,
    });
    process.kill(-next.child.pid!, 'SIGTERM');
    expect(await next.exited()).toEqual({ code: 0, signal: null });
    expect(logLines(next).filter((line) => line.level >= 50)).toEqual([]);
    expect(existsSync(pidFile)).toBe(false);
    expect(alive(orphan)).toBe(false);
  });
});
