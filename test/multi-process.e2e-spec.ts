import request from 'supertest';
import { distEntry, RunningProcess, startProcess } from './support/processes';
import { createTestDatabase, dropTestDatabase, sql } from './support/test-database';
import { DEMO_PASSWORD } from './support/test-app';

/** JOB_EXPIRE_SECONDS of the workers, as configured at the moment of the kill. */
const EXPIRE_SECONDS = 4;
/** JOB_MAINTENANCE_SECONDS of the workers: how often an expired job is looked for. */
const MAINTENANCE_SECONDS = 1;

interface RunBody {
  status: string;
  progress: { done: number; total: number };
  documentCount: number;
}

/**
 * Several processes, one database (issue 14): two API processes and two worker processes on one
 * PostgreSQL, requests spread over both APIs. A run started through one API, queued while the
 * queue's expiry said 900 seconds, is worked by a worker that is killed (SIGKILL) mid-run; the
 * other worker takes it over within the JOB_EXPIRE_SECONDS it is configured with now (plus one
 * maintenance interval and pg-boss's first retry delay), and the run completes with one document
 * per participant and no number gap. While it runs, both APIs show the documents issued so far.
 * Then a revoked API key, a changed role and a deactivated user take effect on both APIs within
 * one second (the credential changes are announced to every process through PostgreSQL).
 */
describe('two APIs and two workers on one PostgreSQL', () => {
  let databaseUrl: string;
  const processes: RunningProcess[] = [];
  /** The two API processes' base URLs, once the first test has started them. */
  let bases: string[] = [];
  const start = (app: 'api' | 'worker', env: Record<string, string>) => {
    const started = startProcess([distEntry(app)], {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      EVALUATION_START_DELAY_SECONDS: '86400',
      ...env,
    });
    processes.push(started);
    return started;
  };
  const worker = (batchDelayMs: number) =>
    start('worker', {
      INVOICE_BATCH_SIZE: '10',
      INVOICE_BATCH_DELAY_MS: String(batchDelayMs),
      JOB_EXPIRE_SECONDS: String(EXPIRE_SECONDS),
      JOB_MAINTENANCE_SECONDS: String(MAINTENANCE_SECONDS),
    });
  const api = async () => {
    const started = start('api', { PORT: '0', WORKER: '0' });
    const [, base] = await started.waitFor(/API: +(http:\/\/localhost:\d+)\/api\/v1/, 120_000);
    return base;
  };

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    for (const started of processes) if (started.child.exitCode === null) started.child.kill('SIGKILL');
    await Promise.all(processes.map((started) => started.exited().catch(() => undefined)));
    await dropTestDatabase(databaseUrl);
  });

  it('a run started through one API survives a killed worker: taken over within JOB_EXPIRE_SECONDS, every document once, no gap', async () => {
    // The first worker pauses between batches, so that it is caught mid-run.
    const first = worker(1000);
    const [one, two] = await Promise.all([api(), api(), first.waitFor(/Worker ready/, 120_000)]);
    bases = [one, two];
    let turn = 0;
    const next = () => bases[turn++ % 2];

    // Signed in through one API, the token works on the other: the signing key is shared through the database.
    const { accessToken } = (
      await request(one).post('/api/v1/auth/login').send({ email: 'vng@demo.nl', password: DEMO_PASSWORD }).expect(200)
    ).body as { accessToken: string };
    const auth = `Bearer ${accessToken}`;
    const run = async (id: string) =>
      (await request(next()).get(`/api/v1/invoice-runs/${id}`).set('Authorization', auth).expect(200)).body as RunBody;
    const waitFor = async (id: string, done: (r: RunBody) => boolean, timeoutMs: number) => {
      const started = Date.now();
      for (;;) {
        const current = await run(id);
        if (done(current)) return current;
        if (Date.now() - started > timeoutMs)
          throw new Error(`run ${id} did not get there: ${JSON.stringify(current)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };

    // The queue's expiry as the APIs' default configuration (900 s) left it: jobs are queued with it.
    await sql(databaseUrl, `UPDATE pgboss.queue SET expire_seconds = 900 WHERE name = 'invoice-run'`);
    const [{ id: contractId }] = await sql<{ id: string }>(
      databaseUrl,
      `SELECT id FROM contract WHERE reference = 'VNG-SEN-2018'`,
    );
    const started = await request(two)
      .post(`/api/v1/contracts/${contractId}/invoice-runs`)
      .set('Authorization', auth)
      .set('Idempotency-Key', 'multi-process')
      .send({ year: 2025 })
      .expect(202);
    const runId = (started.body as { id: string }).id;

    // While it runs, both APIs show the documents issued so far.
    const midway = await waitFor(runId, (r) => r.documentCount >= 20, 60_000);
    expect(midway.status).toBe('RUNNING');
    expect(midway.documentCount).toBeLessThan(midway.progress.total);

    // The second worker joins; the first still holds the job, which it keeps alive.
    const second = worker(0);
    await second.waitFor(/Worker ready/, 120_000);
    const [{ attempt }] = await sql<{ attempt: number }>(
      databaseUrl,
      `SELECT retry_count AS attempt FROM pgboss.job WHERE name = 'invoice-run' AND data->>'runId' = $1 AND state = 'active'`,
      [runId],
    );
    const beforeKill = await run(runId);
    expect(beforeKill.status).toBe('RUNNING');
    expect(beforeKill.progress.done).toBeLessThan(beforeKill.progress.total);

    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    await first.exited();

    // Taken over: the job is active again in a later attempt (the second worker's).
    const takenOverMs = await (async () => {
      for (;;) {
        const [job] = await sql<{ state: string; attempt: number }>(
          databaseUrl,
          `SELECT state, retry_count AS attempt FROM pgboss.job WHERE name = 'invoice-run' AND data->>'runId' = $1`,
          [runId],
        );
        if (job && (job.attempt > attempt || job.state === 'completed')) return Date.now() - killedAt;
        if (Date.now() - killedAt > 60_000) throw new Error(`not taken over within 60 s: ${JSON.stringify(job)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    // JOB_EXPIRE_SECONDS after the last heartbeat, found by the next maintenance (1 s), retried after pg-boss's first retry delay (1-2 s).
    expect(takenOverMs).toBeLessThan((EXPIRE_SECONDS + MAINTENANCE_SECONDS + 2 + 1) * 1000);
    process.stdout.write(
      `multi-process: taken over ${takenOverMs} ms after the kill (JOB_EXPIRE_SECONDS=${EXPIRE_SECONDS})\n`,
    );

    const finished = await waitFor(runId, (r) => r.status === 'COMPLETED' || r.status === 'FAILED', 60_000);
    expect(finished).toMatchObject({ status: 'COMPLETED', documentCount: 338, progress: { done: 338, total: 338 } });
    const [documents] = await sql<{ count: number; municipalities: number; lowest: number; highest: number }>(
      databaseUrl,
      `SELECT count(*)::int AS count, count(DISTINCT municipality_code)::int AS municipalities,
              min(right(number, 6)::int) AS lowest, max(right(number, 6)::int) AS highest
         FROM invoice_document WHERE run_id = $1`,
      [runId],
    );
    expect(documents).toEqual({ count: 338, municipalities: 338, lowest: 1, highest: 338 });
    const [counter] = await sql<{ last_number: number }>(
      databaseUrl,
      `SELECT last_number FROM document_number_counter WHERE document_type = 'INVOICE'`,
    );
    expect(counter.last_number).toBe(338);
  }, 180_000);

  it('a revoked API key, a deactivated user and a changed role take effect on both APIs within one second', async () => {
    const [one, two] = bases;
    expect(two).toBeDefined();
    const signIn = async (base: string, email: string, password = DEMO_PASSWORD) =>
      `Bearer ${((await request(base).post('/api/v1/auth/login').send({ email, password }).expect(200)).body as { accessToken: string }).accessToken}`;
    const status = async (base: string, path: string, auth: [string, string]) =>
      (await request(base).get(path).set(auth[0], auth[1])).status;
    /** Both APIs answer `expected` within one second of the change (polled every 50 ms). */
    const bothWithinOneSecond = async (path: string, auth: [string, string], expected: number[]) => {
      const changed = Date.now();
      for (;;) {
        const answers = await Promise.all(bases.map((base) => status(base, path, auth)));
        if (answers.every((answer) => expected.includes(answer))) return Date.now() - changed;
        if (Date.now() - changed > 1_000)
          throw new Error(`after ${Date.now() - changed} ms the APIs answer ${answers.join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const admin = await signIn(one, 'vng@demo.nl');

    // An API key, revoked through one API.
    const key = (
      await request(one)
        .post('/api/v1/api-keys')
        .set('Authorization', admin)
        .send({ name: 'multi-process', roles: ['ORG_ADMIN'] })
        .expect(201)
    ).body as { id: string; secret: string };
    const keyAuth: [string, string] = ['X-Api-Key', key.secret];
    for (const base of bases) expect(await status(base, '/api/v1/users', keyAuth)).toBe(200);
    await request(two)
      .delete(`/api/v1/api-keys/${key.id}`)
      .set('Authorization', admin)
      .expect((r) => expect(r.status).toBeLessThan(300));
    const revoked = await bothWithinOneSecond('/api/v1/users', keyAuth, [401]);

    // A user whose roles change, then who is deactivated, through the other API.
    const password = 'multi-process-password-1';
    const user = (
      await request(two)
        .post('/api/v1/users')
        .set('Authorization', admin)
        .send({
          email: 'multi.process@demo.nl',
          name: 'Multi Process',
          roles: ['ORG_ADMIN', 'CONTRACT_MANAGER'],
          password,
        })
        .expect(201)
    ).body as { id: string };
    const userAuth: [string, string] = ['Authorization', await signIn(two, 'multi.process@demo.nl', password)];
    for (const base of bases) expect(await status(base, '/api/v1/users', userAuth)).toBe(200);
    await request(one)
      .patch(`/api/v1/users/${user.id}`)
      .set('Authorization', admin)
      .send({ roles: ['CONTRACT_MANAGER'] })
      .expect(200);
    const roleChanged = await bothWithinOneSecond('/api/v1/users', userAuth, [401, 403]);

    const againAuth: [string, string] = ['Authorization', await signIn(one, 'multi.process@demo.nl', password)];
    for (const base of bases) expect(await status(base, '/api/v1/me', againAuth)).toBe(200);
    await request(two)
      .patch(`/api/v1/users/${user.id}`)
      .set('Authorization', admin)
      .send({ active: false })
      .expect(200);
    const deactivated = await bothWithinOneSecond('/api/v1/me', againAuth, [401]);
    process.stdout.write(
      `multi-process: on both APIs after ${revoked} ms (key revoked), ${roleChanged} ms (role changed), ${deactivated} ms (user deactivated)\n`,
    );
  }, 60_000);
});
