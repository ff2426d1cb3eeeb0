/**
 * npm run bench: throughput and tail latency of the API against a bare floor, measured in one run
 * on this machine. The API and the bare server run as separate processes on the same database;
 * the load generator (autocannon) runs here. Results go to stdout as a Markdown table and to
 * .bench/results.json.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { EmbeddedPostgresServer } from '@wmo/database';
import { defaultReferenceDataDir } from '@wmo/reference-data';

const ROOT = join(defaultReferenceDataDir(), '..', '..');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
// A spread of real codes so the database does real lookups, not one cached row.
const CODES = ['GM0014', 'GM0106', 'GM0363', 'GM0599', 'GM0518', 'GM0344', 'GM1966', 'GM0053', 'GM0457', 'GM1945', 'GM0080', 'GM0796'];

interface Measurement {
  name: string;
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
}

function startNode(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', script)], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(?:API: +|listening )(http:\/\/[\w.:]+)/.exec(output);
      if (match) {
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume(); // keep draining the logs
        resolve({ child, base: match[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${output.slice(-2000)}`)));
  });
}

async function measure(name: string, base: string, path: (code: string) => string, headers: Record<string, string> = {}): Promise<Measurement> {
  let i = 0;
  const options = {
    url: base,
    connections: CONNECTIONS,
    headers,
    requests: [{ setupRequest: (req: { path?: string }) => ({ ...req, path: path(CODES[i++ % CODES.length]) }) }],
  };
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, pool, caches
  const result = await autocannon({ ...options, duration: DURATION_S });
  return { name, requestsPerSecond: Math.round(result.requests.average), p99Ms: result.latency.p99, errors: result.errors + result.non2xx };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wmo-bench-'));
  let server: EmbeddedPostgresServer | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    server = await EmbeddedPostgresServer.start({ dataDir, database: 'wmo_bench' });
    url = server.url;
  } else {
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS wmo_bench WITH (FORCE)');
    await admin.query('CREATE DATABASE wmo_bench');
    await admin.end();
    const parsed = new URL(url);
    parsed.pathname = '/wmo_bench';
    url = parsed.toString();
  }
  const children: ChildProcess[] = [];
  try {
    const env = {
      DATABASE_URL: url,
      DEMO: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      DB_POOL_SIZE: '10',
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      RATE_LIMIT_PER_MINUTE: '1000000',
    };
    const api = await startNode('apps/api/src/main.js', env);
    children.push(api.child);
    const bare = await startNode('scripts/bench-bare-server.js', env);
    children.push(bare.child);

    const results: Record<string, Measurement> = {};
    results.bare = await measure('bare Fastify + 1 primary-key SELECT', bare.base, (code) => `/bare/municipalities/${code}`);
    // The API as a signed-in officer uses it: JWT verification and the tenant context included.
    const login = await fetch(`${api.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'officer.gm0106@demo.nl', password: 'welkom-demo' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    results.api = await measure('GET /api/v1/municipalities/{code} (signed in)', api.base, (code) => `/api/v1/municipalities/${code}`, {
      authorization: `Bearer ${accessToken}`,
    });
    const ratio = results.api.requestsPerSecond / results.bare.requestsPerSecond;

    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${server ? 'embedded PostgreSQL' : 'DATABASE_URL'}`;
    const lines = [
      `Benchmark, ${new Date().toISOString().slice(0, 10)}: ${machine}; ${CONNECTIONS} connections, ${DURATION_S} s per scenario after a 2 s warm-up.`,
      '',
      '| scenario | requests/s | p99 latency | errors |',
      '|---|---|---|---|',
      ...Object.values(results).map((r) => `| ${r.name} | ${r.requestsPerSecond.toLocaleString('en')} | ${r.p99Ms} ms | ${r.errors} |`),
      '',
      `API / bare floor: ${(ratio * 100).toFixed(0)}% (target: at least 60%).`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n`);
    mkdirSync(join(ROOT, '.bench'), { recursive: true });
    writeFileSync(join(ROOT, '.bench', 'results.json'), JSON.stringify({ machine, results, ratio }, null, 2));
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
