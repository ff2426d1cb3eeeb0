import { contractId } from './support/demo';
import { distEntry, RunningProcess, startProcess } from './support/processes';
import { sql } from './support/test-database';
import { Client, startTestApp, TestApp } from './support/test-app';

/**
 * Durable invoice runs with real worker processes: one is killed (SIGKILL) in the middle of a
 * run; the job goes to the next worker, which resumes, and every participant ends up with exactly
 * one document and the numbers have no gap.
 */
describe('invoice runs survive a killed worker', () => {
  let t: TestApp;
  let vng: Client;
  const workers: RunningProcess[] = [];
  /**
   * A worker process. The first of each test pauses between batches, so that it can be caught in
   * the middle of a run; the ones that take over need not wait.
   */
  const startWorker = (batchDelayMs = 200) => {
    const worker = startProcess([distEntry('worker')], {
      DATABASE_URL: t.databaseUrl,
      LOG_LEVEL: 'warn',
      INVOICE_BATCH_SIZE: '10',
      INVOICE_BATCH_DELAY_MS: String(batchDelayMs),
      JOB_EXPIRE_SECONDS: '3',
      JOB_MAINTENANCE_SECONDS: '1',
    });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    // The API under test works no jobs itself: only the worker processes do.
    t = await startTestApp({ WORKER: '0' });
    vng = await t.as('vng@demo.nl');
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await t.close();
  });

  const run = async (id: string) => (await vng.get(`/api/v1/invoice-runs/${id}`).expect(200)).body;
  const waitFor = async (
    id: string,
    done: (r: { status: string; progress: { done: number } }) => boolean,
    timeoutMs: number,
  ) => {
    const started = Date.now();
    for (;;) {
      const current = await run(id);
      if (done(current)) return current;
      if (Date.now() - started > timeoutMs)
        throw new Error(`run ${id} did not get there in time: ${JSON.stringify(current)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  /** A worker that pauses between batches, ready, and the VNG's invoice run of VNG-SEN-2018 for the year, started. */
  const startRun = async (idempotencyKey: string, year: number) => {
    const first = startWorker();
    await first.waitFor(/Worker ready/, 60_000);
    const started = await vng
      .post(`/api/v1/contracts/${await contractId(t, 'VNG-SEN-2018')}/invoice-runs`)
      .set('Idempotency-Key', idempotencyKey)
      .send({ year })
      .expect(202);
    return { first, runId: started.body.id as string };
  };

  it('a worker killed mid-run leaves whole batches; the next worker completes the run, every document once, no number gap', async () => {
    const { first, runId } = await startRun('kill-test', 2025);

    const midway = await waitFor(runId, (r) => r.progress.done >= 50, 60_000);
    expect(midway.status).toBe('RUNNING');
    first.child.kill('SIGKILL');
    await first.exited();
    const [afterKill] = await sql<{ count: number }>(
      t.databaseUrl,
      `SELECT count(*)::int AS count FROM invoice_document WHERE run_id = $1`,
      [runId],
    );
    expect(afterKill.count % 10).toBe(0); // whole batches only
    expect(afterKill.count).toBeLessThan(338);

    // Two new workers: one takes the expired job over, the other is kept out by the run lock.
    startWorker(0);
    startWorker(0);
    const finished = await waitFor(runId, (r) => r.status === 'COMPLETED' || r.status === 'FAILED', 120_000);
    expect(finished).toMatchObject({ status: 'COMPLETED', documentCount: 338, progress: { done: 338, total: 338 } });

    const [documents] = await sql<{
      count: number;
      municipalities: number;
      lowest: number;
      highest: number;
      files: number;
    }>(
      t.databaseUrl,
      `SELECT count(*)::int AS count, count(DISTINCT municipality_code)::int AS municipalities,
              min(right(number, 6)::int) AS lowest, max(right(number, 6)::int) AS highest,
              (SELECT count(*)::int FROM document_file f JOIN invoice_document d ON d.id = f.document_id WHERE d.run_id = $1) AS files
         FROM invoice_document WHERE run_id = $1`,
      [runId],
    );
    expect(documents).toEqual({ count: 338, municipalities: 338, lowest: 1, highest: 338, files: 338 });
    const [counter] = await sql<{ last_number: number }>(
      t.databaseUrl,
      `SELECT last_number FROM document_number_counter WHERE document_type = 'INVOICE'`,
    );
    expect(counter.last_number).toBe(338);
  });

  it('a worker asked to stop (SIGTERM) mid-run stops after its batch, exits 0 within seconds, and another worker completes the run', async () => {
    const { first, runId } = await startRun('term-test', 2024);
    await waitFor(runId, (r) => r.progress.done >= 30, 60_000);
    const asked = Date.now();
    first.child.kill('SIGTERM');
    expect(await first.exited()).toEqual({ code: 0, signal: null });
    expect(Date.now() - asked).toBeLessThan(5_000);
    expect((await run(runId)).status).toBe('RUNNING');

    startWorker(0);
    const finished = await waitFor(runId, (r) => r.status === 'COMPLETED' || r.status === 'FAILED', 120_000);
    expect(finished).toMatchObject({ status: 'COMPLETED', documentCount: 338 });
    const [documents] = await sql<{ count: number; municipalities: number }>(
      t.databaseUrl,
      `SELECT count(*)::int AS count, count(DISTINCT municipality_code)::int AS municipalities FROM invoice_document WHERE run_id = $1`,
      [runId],
    );
    expect(documents).toEqual({ count: 338, municipalities: 338 });
  });
});
