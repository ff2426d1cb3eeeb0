import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { contractId, count, endParticipation, sensoorIds, WMO } from '../support/demo';
import { outcome, PROBLEM, expectInvalidField } from '../support/http';
import { contractFor2025, Run, startRun, VAT_EXEMPT, VAT_21 } from '../support/invoicing';
import { sql } from '../support/test-database';
import { Client, startSignedIn, TestApp, waitForRun } from '../support/test-app';

/** Asking for a run: what a dry run computes, what is refused, and who may start one. */
describe('invoice run requests', () => {
  let t: TestApp, vng: Client, officerAssen: Client;
  let vng2018: string;
  let vng2015: string;
  let sensoor: { providerId: string; serviceId: string };
  const runCount = () => count(t, `SELECT count(*) AS n FROM invoice_run`);
  const documentCount = () => count(t, `SELECT count(*) AS n FROM invoice_document`);
  /** A new collective Wmo contract of the VNG with Sensoor, as a draft. */
  const contractDraft = async (title: string, terms: Record<string, unknown>) =>
    vng.post('/api/v1/contracts').send({
      kind: 'COLLECTIVE',
      dutyCode: WMO,
      title,
      supplierId: sensoor.providerId,
      serviceIds: [sensoor.serviceId],
      fundingModel: 'DIRECT_INVOICE',
      ...terms,
    });

  beforeAll(async () => {
    [t, vng, officerAssen] = await startSignedIn('vng@demo.nl', 'officer.gm0106@demo.nl');
    [vng2018, vng2015] = [await contractId(t, 'VNG-SEN-2018'), await contractId(t, 'VNG-SEN-2015')];
    sensoor = await sensoorIds(vng);
  });
  afterAll(() => t?.close());

  describe('a merger and a split (rule 3): the 2019 dry run of VNG-SEN-2018 on the figures of 2018-01-01', () => {
    let dry: Response;
    const line = (code: string) =>
      dry.body.lines.find((l: { municipalityCode: string }) => l.municipalityCode === code);
    beforeAll(async () => {
      dry = await vng.post(`/api/v1/contracts/${vng2018}/invoice-runs?dryRun=true`).send({ year: 2019 });
    });

    it('Het Hogeland (GM1966) = Bedum 10,475 + De Marne 10,058 + Eemsmond 15,553 + 0.877 x Winsum 13,560 (11,892) = 47,978 inhabitants, 1199450 cents', () => {
      expect(outcome(dry)).toMatchObject({
        status: 200,
        body: { referenceDate: '2018-01-01', documentType: 'INVOICE' },
      });
      expect(line('GM1966')).toMatchObject({
        inhabitants: 47978,
        amountCents: 1199450,
        days: 365,
        approximationNote: null,
      });
    });

    it('Westerkwartier (GM1969) = Grootegast 12,143 + Leek 19,669 + Marum 10,488 + Zuidhorn 18,917 + 0.123 x Winsum (1,668) = 62,885', () => {
      expect(line('GM1969')).toMatchObject({ inhabitants: 62885, amountCents: 1572125 });
      expect(line('GM0053')).toBeUndefined();
    });

    it('a dry run writes nothing', async () => {
      expect(
        await count(t, `SELECT count(*) AS n FROM invoice_run WHERE contract_id = $1 AND period_start = '2019-01-01'`, [
          vng2018,
        ]),
      ).toBe(0);
      expect(dry.body.documents).toBe(dry.body.lines.length);
    });
  });

  describe('bad input is a 4xx problem and writes nothing', () => {
    let before: { runs: number; documents: number };
    beforeEach(async () => {
      before = { runs: await runCount(), documents: await documentCount() };
    });
    afterEach(async () => {
      expect({ runs: await runCount(), documents: await documentCount() }).toEqual(before);
    });

    it('an unknown contract id is a 404', async () => {
      const res = await startRun(vng, randomUUID(), { year: 2025 });
      expect(outcome(res)).toMatchObject({ status: 404, body: { type: '/problems/contract-not-found' } });
      expect(res.headers['content-type']).toContain(PROBLEM);
    });

    it('year 1899 is a 400 naming year', async () => {
      expectInvalidField(await startRun(vng, vng2018, { year: 1899 }), 'year');
    });

    it('neither year nor period is a 400 naming year; a period ending before it starts a 400 naming periodEnd', async () => {
      expectInvalidField(await startRun(vng, vng2018, {}), 'year');
      const reversed = await startRun(vng, vng2018, { periodStart: '2023-07-01', periodEnd: '2023-06-30' });
      expectInvalidField(reversed, 'periodEnd');
    });

    it('a missing Idempotency-Key is a 400 idempotency-key-missing', async () => {
      expect(outcome(await startRun(vng, vng2018, { year: 2023 }, null))).toMatchObject({
        status: 400,
        body: { type: '/problems/idempotency-key-missing' },
      });
    });

    it('a run on a DRAFT contract is a 409 contract-not-billable; so is a year outside the term', async () => {
      const draft = await contractDraft('Concept', {
        startDate: '2025-01-01',
        endDate: '2025-12-31',
        ...VAT_EXEMPT,
        tariffs: [{ perInhabitant: '0.2500', validFrom: '2025-01-01' }],
      });
      expect(draft.status).toBe(201);
      expect(outcome(await startRun(vng, draft.body.id, { year: 2025 }))).toMatchObject({
        status: 409,
        body: { type: '/problems/contract-not-billable' },
      });
      expect(outcome(await startRun(vng, vng2015, { year: 2019 }))).toMatchObject({
        status: 409,
        body: { type: '/problems/contract-not-billable' },
      });
    });

    it('a year whose reference date has no CBS figures (2030: 2029-01-01) is a 422 population-missing', async () => {
      const created = await contractDraft('Toekomst', {
        startDate: '2030-01-01',
        endDate: '2030-12-31',
        ...VAT_21,
        tariffs: [{ perInhabitant: '0.2500', validFrom: '2030-01-01' }],
      });
      expect(outcome(await vng.post(`/api/v1/contracts/${created.body.id}/activate`))).toMatchObject({
        status: 201,
        body: { status: 'ACTIVE' },
      });
      const missing = await startRun(vng, created.body.id, { year: 2030 });
      expect(outcome(missing)).toMatchObject({
        status: 422,
        body: { type: '/problems/population-missing', referenceDate: '2029-01-01' },
      });
      // It says which file is missing and who loads it, through the API.
      expect(missing.body.detail).toContain(
        'The platform operator loads it: POST /api/v1/reference-data/population-imports with the CBS file for 1 January 2029',
      );
    });

    it("Assen's officer may not start a run (403)", async () => {
      expect((await startRun(officerAssen, vng2018, { year: 2023 })).status).toBe(403);
    });
  });

  it('the supplier may start a run itself (202): it completes, and the audit log names the supplier as actor and the VNG as the organisation concerned', async () => {
    await endParticipation(vng, vng2018, 'GM0088', '2024-12-31');
    const contract = await contractFor2025(
      vng,
      sensoor,
      { code: 'GM0088', from: '2025-01-01' },
      {
        title: 'Test run by the supplier',
        ...VAT_EXEMPT,
        tariffs: [{ perInhabitant: '0.0100', validFrom: '2025-01-01' }],
      },
    );
    const supplier = await t.as('sensoor@demo.nl');
    const started = await startRun(supplier, contract, { year: 2025 });
    expect(outcome(started)).toMatchObject({ status: 202, body: { status: 'QUEUED' } });
    expect(await waitForRun<Run>(supplier, started.body.id)).toMatchObject({ status: 'COMPLETED', documentCount: 1 });
    const [audit] = await sql<{ actor: string; concerns: string }>(
      t.databaseUrl,
      `SELECT a.name AS actor, c.name AS concerns FROM audit_event e JOIN organisation a ON a.id = e.actor_organisation_id JOIN organisation c ON c.id = e.organisation_id
        WHERE e.action = 'invoice-run.started' AND e.entity_id = $1`,
      [started.body.id],
    );
    expect(audit).toEqual({ actor: 'Stichting Sensoor', concerns: 'Vereniging van Nederlandse Gemeenten' });
    // The worker records the end of the run as the platform: no actor.
    const [completed] = await sql<{ actor: string | null; after: { documents: number } }>(
      t.databaseUrl,
      `SELECT actor_organisation_id AS actor, after FROM audit_event WHERE action = 'invoice-run.completed' AND entity_id = $1`,
      [started.body.id],
    );
    expect(completed).toEqual({ actor: null, after: { documents: 1, totalCents: expect.any(String), held: 0 } });
  });
});
