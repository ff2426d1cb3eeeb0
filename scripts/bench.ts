/**
 * npm run bench: throughput and tail latency of the API against a bare floor, then invoice runs
 * (see bench-invoicing.ts), measured in one run on this machine. The API, the bare server and the
 * workers run as separate processes on the same database; the load generator (autocannon) runs
 * here. Results go to stdout as Markdown tables and to .bench/results.json.
 *
 * BENCH_CONNECTIONS (50), BENCH_DURATION (10 s) and BENCH_PARTICIPANTS (100000) tune it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { EmbeddedPostgresServer } from '@wmo/database';
import { ApiClient, NodeProcess, ROOT, startNode, stopNode } from './bench-support';
import { benchInvoicing, InvoicingResults, invoicingReport } from './bench-invoicing';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
// A spread of real codes so the database does real lookups, not one cached row.
const CODES = [
  'GM0014',
  'GM0106',
  'GM0363',
  'GM0599',
  'GM0518',
  'GM0344',
  'GM1966',
  'GM0053',
  'GM0457',
  'GM1945',
  'GM0080',
  'GM0796',
];

interface Measurement {
  name: string;
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
}

async function measure(
  name: string,
  base: string,
  path: (code: string) => string,
  headers: Record<string, string> = {},
): Promise<Measurement> {
  let i = 0;
  const options = {
    url: base,
    connections: CONNECTIONS,
    headers,
    requests: [{ setupRequest: (req: { path?: string }) => ({ ...req, path: path(CODES[i++ % CODES.length]) }) }],
  };
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, pool, caches
  const result = await autocannon({ ...options, duration: DURATION_S });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const OVERVIEW_WARMUP = 5;

/** The national overview as the VNG asks for it: one request at a time, every municipality computed afresh. */
async function measureOverview(
  base: string,
): Promise<{ rows: number; samples: number; medianMs: number; p95Ms: number; maxMs: number }> {
  const token = await new ApiClient(base, 'vng@demo.nl').accessToken();
  const once = async () => {
    const started = performance.now();
    const res = await fetch(`${base}/api/v1/compliance/overview?year=2025&limit=500`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { items: unknown[] };
    if (!res.ok) throw new Error(`overview: ${res.status}`);
    return { ms: performance.now() - started, rows: body.items.length };
  };
  for (let i = 0; i < OVERVIEW_WARMUP; i++) await once();
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < 50; i++) {
    const result = await once();
    samples.push(result.ms);
    rows = result.rows;
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]);
  return {
    rows,
    samples: samples.length,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    maxMs: Math.round(samples[samples.length - 1]),
  };
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
  const children: NodeProcess[] = [];
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
    // Invoice runs go to worker processes of their own (see bench-invoicing.ts), not to the API.
    const api = await startNode('apps/api/src/main.js', { ...env, WORKER: '0' });
    children.push(api);
    const bare = await startNode('scripts/bench-bare-server.js', env);
    children.push(bare);

    const results: Record<string, Measurement> = {};
    results.bare = await measure(
      'bare Fastify + 1 primary-key SELECT',
      bare.base,
      (code) => `/bare/municipalities/${code}`,
    );
    // The API as a signed-in officer uses it: JWT verification and the tenant context included.
    const accessToken = await new ApiClient(api.base, 'officer.gm0106@demo.nl').accessToken();
    results.api = await measure(
      'GET /api/v1/municipalities/{code} (signed in)',
      api.base,
      (code) => `/api/v1/municipalities/${code}`,
      {
        authorization: `Bearer ${accessToken}`,
      },
    );
    const ratio = results.api.requestsPerSecond / results.bare.requestsPerSecond;
    await stopNode(bare.child);

    const overview = await measureOverview(api.base);

    const invoicing: InvoicingResults = await benchInvoicing(url, api.base, api.child.pid!, {
      ...env,
      LOG_LEVEL: 'warn',
    });

    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${server ? 'embedded PostgreSQL' : 'DATABASE_URL'}`;
    const lines = [
      `Benchmark, ${new Date().toISOString().slice(0, 10)}: ${machine}; ${CONNECTIONS} connections, ${DURATION_S} s per scenario after a 2 s warm-up.`,
      '',
      '| scenario | requests/s | p99 latency | errors |',
      '|---|---|---|---|',
      ...Object.values(results).map(
        (r) => `| ${r.name} | ${r.requestsPerSecond.toLocaleString('en')} | ${r.p99Ms} ms | ${r.errors} |`,
      ),
      '',
      `API / bare floor: ${(ratio * 100).toFixed(0)}% (target: at least 60%).`,
      '',
      `National overview (GET /api/v1/compliance/overview?year=2025&limit=500, ${overview.rows} municipalities, signed in as the VNG, one request at a time, ${overview.samples} requests after ${OVERVIEW_WARMUP} warm-up): median ${overview.medianMs} ms, p95 ${overview.p95Ms} ms, max ${overview.maxMs} ms (target: under 200 ms).`,
      '',
      ...invoicingReport(invoicing),
    ];
    process.stdout.write(`\n${lines.join('\n')}\n`);
    mkdirSync(join(ROOT, '.bench'), { recursive: true });
    writeFileSync(
      join(ROOT, '.bench', 'results.json'),
      JSON.stringify({ machine, results, ratio, overview, invoicing }, null, 2),
    );
  } finally {
    await Promise.all(children.map((process) => stopNode(process.child)));
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
