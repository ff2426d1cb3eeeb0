import { Client as PgClient } from 'pg';
import type { Response } from 'supertest';
import { contractId, count, signIn, YEAR } from '../support/demo';
import { outcome } from '../support/http';
import { Run, seq, startRun } from '../support/invoicing';
import { distEntry, RunningProcess, startProcess } from '../support/processes';
import { sql } from '../support/test-database';
import { Client, listenOnce, startTestApp, TestApp, waitForRun } from '../support/test-app';

/**
 * Correction runs keep every guarantee of invoice runs (run-requests, annual-run, worker specs):
 * twenty identical requests make one run, twenty requests with their own keys credit a difference
 * once, and a correction run whose worker is killed (SIGKILL) inside its issuing transaction, and
 * the next one after that transaction, is completed by another worker with every municipality
 * corrected once and no number lost or used twice. The API works no jobs: worker processes do, as
 * in test/worker.e2e-spec.ts. The steps build on each other, in order.
 */
describe('correction runs keep the guarantees of invoice runs', () => {
  let t: TestApp;
  let vng: Client;
  let vng2018: string;
  const workers: RunningProcess[] = [];
  /** A worker process; a job whose worker died goes to another after 3 s. */
  const startWorker = () => {
    const worker = startProcess([distEntry('worker')], {
      DATABASE_URL: t.databaseUrl,
      LOG_LEVEL: 'warn',
      JOB_EXPIRE_SECONDS: '3',
      JOB_MAINTENANCE_SECONDS: '1',
    });
    workers.push(worker);
    return worker;
  };
  let first: RunningProcess;

  const correct = (key: string) =>
    vng.post(`/api/v1/contracts/${vng2018}/correction-runs`).set('Idempotency-Key', key).send({ year: 2025 });
  const differences = async () =>
    (await vng.get(`/api/v1/contracts/${vng2018}/billing-differences?year=2025`).expect(200)).body as {
      items: Array<{ municipalityCode: string; differenceCents: number }>;
      totals: { differenceCents: number; municipalities: number };
    };
  const numbers = async (type: 'INVOICE' | 'CREDIT_NOTE') =>
    (
      await sql<{ number: string }>(
        t.databaseUrl,
        `SELECT number FROM invoice_document WHERE type = $1 ORDER BY number`,
        [type],
      )
    ).map((r) => r.number);
  const gapless = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${YEAR}-${seq(i + 1)}`);
  const correctionRuns = () =>
    count(t, `SELECT count(*) AS n FROM invoice_run WHERE contract_id = $1 AND kind = 'CORRECTION'`, [vng2018]);
  /** The credit notes a municipality has, with their totals. */
  const creditNotes = (code: string) =>
    sql<{ number: string; total: string; run: string }>(
      t.databaseUrl,
      `SELECT number, total_cents::text AS total, run_id AS run FROM invoice_document WHERE type = 'CREDIT_NOTE' AND municipality_code = $1`,
      [code],
    );
  const endParticipation = async (code: string, endDate: string) => {
    const res = await vng.delete(`/api/v1/contracts/${vng2018}/participants/${code}?endDate=${endDate}`);
    expect(outcome(res)).toMatchObject({ status: 200, body: { code, to: endDate } });
    return res.body.billingImpact as { differenceCents: number };
  };

  beforeAll(async () => {
    t = await startTestApp({ WORKER: '0' });
    await listenOnce(t);
    [vng] = await signIn(t, 'vng@demo.nl');
    vng2018 = await contractId(t, 'VNG-SEN-2018');
    first = startWorker();
    await first.waitFor(/Worker ready/, 60_000);
    const started = await startRun(vng, vng2018, { year: 2025 }, 'run-2025');
    expect(started.status).toBe(202);
    expect(await waitForRun<Run>(vng, started.body.id)).toMatchObject({ status: 'COMPLETED', documentCount: 338 });
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await t?.close();
  });

  it('20 identical requests at once (one Idempotency-Key and body) all get the one run with 202; it issues the one credit note of EUR 2,159.65', async () => {
    expect(await endParticipation('GM1680', '2025-08-31')).toMatchObject({ differenceCents: -215965 });
    const responses = await Promise.all(Array.from({ length: 20 }, () => correct('correct-aa-en-hunze')));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(202));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await correctionRuns()).toBe(1);
    const run = await waitForRun<Run>(vng, responses[0].body.id);
    expect(run).toMatchObject({ kind: 'CORRECTION', status: 'COMPLETED', documentCount: 1, totalCents: -215965 });
    expect(await creditNotes('GM1680')).toEqual([{ number: `SEN-CN-${YEAR}-${seq(1)}`, total: '215965', run: run.id }]);
    expect(await numbers('CREDIT_NOTE')).toEqual(gapless('SEN-CN', 1));
    expect(await numbers('INVOICE')).toEqual(gapless('SEN', 338));
    expect((await differences()).totals).toEqual(expect.objectContaining({ differenceCents: 0, municipalities: 0 }));
  });

  it('20 requests at once with 20 keys for the same facts: Assen is credited once in all (the run they share, or one made after it, issues nothing more)', async () => {
    // Assen ends on 30 September 2025: 273 of 365 days of EUR 17,425.25 are due, EUR 13,033.13.
    expect(await endParticipation('GM0106', '2025-09-30')).toMatchObject({ differenceCents: -439212 });
    const before = await correctionRuns();
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => correct(`correct-assen-${i}`)));
    const runIds = new Set(responses.map((r) => r.body.id as string));
    // The first request makes a run (202); the others get it while it is unfinished (200), or make a new one once it is done.
    expect(responses.every((r) => r.status === 200 || r.status === 202)).toBe(true);
    expect(new Set(responses.filter((r) => r.status === 202).map((r) => r.body.id))).toEqual(runIds);
    expect(responses.filter((r) => r.status === 202)).toHaveLength(runIds.size);
    expect(await correctionRuns()).toBe(before + runIds.size);
    const runs = await Promise.all([...runIds].map((id) => waitForRun<Run>(vng, id)));
    expect(runs.map((r) => r.status)).toEqual(Array(runIds.size).fill('COMPLETED'));
    expect(runs.map((r) => r.documentCount).sort()).toEqual([...Array(runIds.size - 1).fill(0), 1]);
    const issuing = runs.find((r) => r.documentCount === 1)!;
    expect(issuing.totalCents).toBe(-439212);
    expect(await creditNotes('GM0106')).toEqual([
      { number: `SEN-CN-${YEAR}-${seq(2)}`, total: '439212', run: issuing.id },
    ]);
    expect(await numbers('CREDIT_NOTE')).toEqual(gapless('SEN-CN', 2));

    // Once it is done, 20 more at once with new keys: a new run (or more), which finds nothing left to credit.
    const later = await Promise.all(Array.from({ length: 20 }, (_, i) => correct(`correct-assen-later-${i}`)));
    const laterIds = new Set(later.map((r) => r.body.id as string));
    expect([...laterIds].some((id) => runIds.has(id))).toBe(false);
    expect(new Set(later.filter((r) => r.status === 202).map((r) => r.body.id))).toEqual(laterIds);
    const laterRuns = await Promise.all([...laterIds].map((id) => waitForRun<Run>(vng, id)));
    expect(laterRuns.map((r) => [r.status, r.documentCount])).toEqual(Array(laterIds.size).fill(['COMPLETED', 0]));
    expect(await creditNotes('GM0106')).toHaveLength(1);
    expect(await numbers('CREDIT_NOTE')).toEqual(gapless('SEN-CN', 2));
    expect((await differences()).totals).toEqual(expect.objectContaining({ differenceCents: 0, municipalities: 0 }));
  });

  describe('a correction run of 338 documents whose workers are killed (SIGKILL)', () => {
    /** Test-only locks that stop a worker at a known point: the INVOICE counter row, and the table of stored PDFs. */
    let counterLock: PgClient;
    let fileLock: PgClient;
    let runId: string;
    let expected: Map<string, number>;
    /** The first statement of this database's sessions that waits for a lock and starts with `statement`. */
    const waitingAt = async (statement: string, timeoutMs = 60_000) => {
      const started = Date.now();
      for (;;) {
        const [waiting] = await sql<{ pid: number }>(
          t.databaseUrl,
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`,
          [`${statement}%`],
        );
        if (waiting) return waiting.pid;
        if (Date.now() - started > timeoutMs) throw new Error(`no session waits at ${statement}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const runState = async () => (await vng.get(`/api/v1/invoice-runs/${runId}`).expect(200)).body as Run;
    const ofRun = async () =>
      (
        await sql<{ documents: number; files: number }>(
          t.databaseUrl,
          `SELECT count(*)::int AS documents, count(f.document_id)::int AS files
             FROM invoice_document d LEFT JOIN document_file f ON f.document_id = d.id WHERE d.run_id = $1`,
          [runId],
        )
      )[0];
    const counters = async () =>
      Object.fromEntries(
        (
          await sql<{ type: string; last: number }>(
            t.databaseUrl,
            `SELECT document_type AS type, last_number AS last FROM document_number_counter WHERE year = $1 ORDER BY 1`,
            [YEAR],
          )
        ).map((r) => [r.type, r.last]),
      );

    beforeAll(async () => {
      // Groningen ends on 31 March 2025 (billed too much: a credit note); then the tariff rises back to 1 July 2025.
      await endParticipation('GM0014', '2025-03-31');
      // MADE-UP TEST DATA: no such amendment exists; EUR 0.30 per inhabitant from 1 July 2025.
      await vng
        .post(`/api/v1/contracts/${vng2018}/amendments`)
        .send({ effectiveDate: '2025-07-01', reason: 'Tariefwijziging (test)', perInhabitant: '0.3000' })
        .expect(201);
      const { items } = await differences();
      expected = new Map(
        items.filter((i) => i.differenceCents !== 0).map((i) => [i.municipalityCode, i.differenceCents]),
      );
      counterLock = new PgClient({ connectionString: t.databaseUrl });
      fileLock = new PgClient({ connectionString: t.databaseUrl });
      await Promise.all([counterLock.connect(), fileLock.connect()]);
      await counterLock.query('BEGIN');
      await counterLock.query(
        `SELECT 1 FROM document_number_counter WHERE document_type = 'INVOICE' AND year = $1 FOR UPDATE`,
        [YEAR],
      );
      await fileLock.query('BEGIN');
      await fileLock.query('LOCK TABLE document_file IN SHARE MODE');
    }, 60_000);
    afterAll(async () => {
      await Promise.all([counterLock?.end(), fileLock?.end()]);
    });

    it('differ for all 338: 337 supplementary invoices (the tariff) and one credit note (Groningen)', () => {
      expect(expected.size).toBe(338);
      expect([...expected.values()].filter((d) => d < 0)).toHaveLength(1);
      expect(expected.get('GM0014')).toBeLessThan(0);
    });

    it('killed inside the issuing transaction (waiting for the INVOICE numbers after its credit note): nothing of it remains, no number is used', async () => {
      const before = await counters();
      const started: Response = await correct('correct-tariff');
      expect(outcome(started)).toMatchObject({ status: 202, body: { kind: 'CORRECTION' } });
      runId = started.body.id as string;
      const session = await waitingAt('INSERT INTO document_number_counter');
      expect((await runState()).status).toBe('RUNNING');
      // Its credit note is numbered already: the CREDIT_NOTE counter row is locked by its transaction.
      await expect(
        sql(
          t.databaseUrl,
          `SELECT 1 FROM document_number_counter WHERE document_type = 'CREDIT_NOTE' AND year = $1 FOR UPDATE NOWAIT`,
          [YEAR],
        ),
      ).rejects.toMatchObject({ code: '55P03' });
      first.child.kill('SIGKILL');
      await first.exited();
      // Its session waits on in its transaction; let go, it finds its client gone and rolls back.
      await counterLock.query('COMMIT');
      while ((await sql(t.databaseUrl, `SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [session])).length)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await ofRun()).toEqual({ documents: 0, files: 0 });
      expect(await counters()).toEqual(before);
      expect(await numbers('CREDIT_NOTE')).toEqual(gapless('SEN-CN', 2));
    }, 60_000);

    it('the next worker issues all 338 in one transaction and is killed while it stores their PDFs: the documents stay, without PDFs', async () => {
      const second = startWorker();
      await waitingAt('INSERT INTO document_file', 60_000);
      expect(await ofRun()).toEqual({ documents: 338, files: 0 });
      expect((await runState()).status).toBe('RUNNING');
      second.child.kill('SIGKILL');
      await second.exited();
      await fileLock.query('COMMIT');
    }, 60_000);

    it('a third worker completes the run: every municipality corrected once by its difference, every PDF stored, numbers gapless, no difference left', async () => {
      startWorker();
      const run = await waitForRun<Run>(vng, runId, 60_000);
      const net = [...expected.values()].reduce((sum, d) => sum + d, 0);
      expect(run).toMatchObject({
        kind: 'CORRECTION',
        status: 'COMPLETED',
        documentCount: 338,
        totalCents: net,
        progress: { done: 338, total: 338 },
        error: null,
      });
      expect(await ofRun()).toEqual({ documents: 338, files: 338 });
      const issued = await sql<{ code: string; type: string; amount: string }>(
        t.databaseUrl,
        `SELECT municipality_code AS code, type, subtotal_cents::text AS amount FROM invoice_document WHERE run_id = $1`,
        [runId],
      );
      expect(new Set(issued.map((d) => d.code)).size).toBe(338);
      expect(
        issued.filter((d) => Number(d.amount) * (d.type === 'CREDIT_NOTE' ? -1 : 1) !== expected.get(d.code)),
      ).toEqual([]);
      expect(issued.filter((d) => d.type === 'CREDIT_NOTE').map((d) => d.code)).toEqual(['GM0014']);
      expect(await numbers('CREDIT_NOTE')).toEqual(gapless('SEN-CN', 3));
      expect(await numbers('INVOICE')).toEqual(gapless('SEN', 338 + 337));
      expect(await counters()).toEqual({ CREDIT_NOTE: 3, INVOICE: 675 });
      expect((await differences()).totals).toEqual(expect.objectContaining({ differenceCents: 0, municipalities: 0 }));
      const audit = await sql<{ action: string }>(
        t.databaseUrl,
        `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`,
        [runId],
      );
      expect(audit.map((a) => a.action)).toEqual(['correction-run.started', 'invoice-run.completed']);
    }, 90_000);
  });
});
