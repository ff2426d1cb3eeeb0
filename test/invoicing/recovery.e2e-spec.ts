import { contractId, signIn, YEAR } from '../support/demo';
import { outcome, PROBLEM } from '../support/http';
import { Run, seq, startRun } from '../support/invoicing';
import { sql } from '../support/test-database';
import { Client, startTestApp, TestApp, waitForRun } from '../support/test-app';

/**
 * Runs that recover instead of blocking (issue 13): this app's worker fails six attempts with an
 * injected transient error (INVOICE_FAULT_ATTEMPTS, tests only), each after its first batch of 50.
 * The 2025 run fails four attempts (the first and three retries with backoff) and ends FAILED
 * with 200 invoices issued; resumed, it fails twice more, is retried, and completes: 338
 * invoices, numbered without a gap.
 */
describe('invoice runs that recover: retried with backoff, resumed after they failed', () => {
  let t: TestApp;
  let vng: Client;
  let officer: Client;
  let vng2018: string;
  let failed: Run;
  const numbers = async () =>
    (
      await sql<{ number: string }>(
        t.databaseUrl,
        `SELECT number FROM invoice_document WHERE type = 'INVOICE' ORDER BY number`,
      )
    ).map((r) => r.number);

  beforeAll(async () => {
    t = await startTestApp({ INVOICE_FAULT_ATTEMPTS: '6', INVOICE_BATCH_SIZE: '50' });
    [vng, officer] = await signIn(t, 'vng@demo.nl', 'officer.gm0106@demo.nl');
    vng2018 = await contractId(t, 'VNG-SEN-2018');
  });
  afterAll(() => t?.close());

  it('a run whose attempts keep failing is retried three times, then FAILED with the error; what it issued stays, gapless', async () => {
    const started = await startRun(vng, vng2018, { year: 2025 });
    expect(started.status).toBe(202);
    failed = await waitForRun<Run>(vng, started.body.id);
    expect(failed).toMatchObject({
      status: 'FAILED',
      documentCount: 200, // what it issued, as the numbers below
      error: 'injected transient failure (INVOICE_FAULT_ATTEMPTS, tests only)',
    });
    expect(await numbers()).toEqual(Array.from({ length: 200 }, (_, i) => `SEN-${YEAR}-${seq(i + 1)}`));
    // Held customers are released from a completed run only.
    expect(outcome(await vng.post(`/api/v1/invoice-runs/${failed.id}/release-held`))).toMatchObject({
      status: 409,
      body: { type: '/problems/invoice-run-not-finished', runStatus: 'FAILED' },
    });
    // The period is not lost: asking for it again answers the failed run, which is resumed.
    expect(outcome(await startRun(vng, vng2018, { year: 2025 }))).toMatchObject({
      status: 200,
      body: { id: failed.id, status: 'FAILED' },
    });
  }, 60_000);

  it('resumed, it fails twice more, is retried and completes after the last issued participant: 338 invoices, no gap', async () => {
    expect((await officer.post(`/api/v1/invoice-runs/${failed.id}/resume`)).status).toBe(403);
    const resumed = await vng.post(`/api/v1/invoice-runs/${failed.id}/resume`);
    expect(outcome(resumed)).toMatchObject({ status: 202, body: { id: failed.id, status: 'QUEUED' } });
    const done = await waitForRun<Run>(vng, failed.id);
    expect(done).toMatchObject({
      status: 'COMPLETED',
      documentCount: 338,
      error: null,
      progress: { done: 338, total: 338 },
    });
    expect(await numbers()).toEqual(Array.from({ length: 338 }, (_, i) => `SEN-${YEAR}-${seq(i + 1)}`));
    const attempts = await sql<{ action: string }>(
      t.databaseUrl,
      `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`,
      [failed.id],
    );
    expect(attempts.map((a) => a.action)).toEqual([
      'invoice-run.started',
      'invoice-run.resumed',
      'invoice-run.completed',
    ]);
  }, 60_000);

  it('a run that did not fail is not resumed (409); a run that is not there is a 404', async () => {
    const again = await vng.post(`/api/v1/invoice-runs/${failed.id}/resume`);
    expect(outcome(again)).toMatchObject({ status: 409, body: { type: '/problems/invoice-run-not-failed' } });
    expect(again.headers['content-type']).toContain(PROBLEM);
    expect((await vng.post('/api/v1/invoice-runs/00000000-0000-4000-8000-000000000000/resume')).status).toBe(404);
  });
});
