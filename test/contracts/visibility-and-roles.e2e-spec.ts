import { contractCount, EXEMPT, postContract } from '../support/contracts';
import { contractId, count, sensoorIds, WMO } from '../support/demo';
import { outcome, PROBLEM } from '../support/http';
import { sql } from '../support/test-database';
import { Client, startSignedIn, TestApp } from '../support/test-app';

/** Which contracts a municipality, a supplier and the VNG see, and what each may change. */
describe('who sees and changes which contract', () => {
  let t: TestApp, officerAssen: Client, sensoor: Client;
  let ids: { sensoor: { providerId: string; serviceId: string } };

  beforeAll(async () => {
    [t, officerAssen, sensoor] = await startSignedIn('officer.gm0106@demo.nl', 'sensoor@demo.nl');
    ids = { sensoor: await sensoorIds(officerAssen) };
  });
  afterAll(() => t?.close());

  describe('demo data', () => {
    type Covering = {
      reference: string;
      kind: string;
      dutyCode: string;
      supplier: { name: string };
      tariffPerInhabitant: string;
    };

    it('Assen is covered on 2025-06-01 by VNG-SEN-2018 with Stichting Sensoor at EUR 0.25', async () => {
      const res = await officerAssen.get('/api/v1/municipalities/GM0106/contracts?date=2025-06-01').expect(200);
      const wmo = (res.body as Covering[]).filter((c) => c.dutyCode === WMO);
      expect(wmo).toHaveLength(1);
      expect(wmo[0]).toMatchObject({
        reference: 'VNG-SEN-2018',
        kind: 'COLLECTIVE',
        fundingModel: 'DIRECT_INVOICE',
        supplier: { name: 'Stichting Sensoor' },
        tariffPerInhabitant: '0.2500',
      });
    });

    it('Amsterdam is covered on 2025-06-01 by its own contract at EUR 0.50, not by VNG-SEN-2018', async () => {
      const finance = await t.as('finance.gm0363@demo.nl');
      const res = await finance.get('/api/v1/municipalities/GM0363/contracts?date=2025-06-01').expect(200);
      const references = (res.body as Covering[]).map((c) => c.reference);
      expect(references).toContain('GM0363-LUISTEREND-OOR');
      expect(references).not.toContain('VNG-SEN-2018');
      expect((res.body as Covering[]).find((c) => c.dutyCode === WMO)).toMatchObject({
        reference: 'GM0363-LUISTEREND-OOR',
        kind: 'INDIVIDUAL',
        supplier: { name: 'Sensoor Amsterdam' },
        tariffPerInhabitant: '0.5000',
      });
    });

    it("Assen's officer asking for Amsterdam's contracts gets a 404", async () => {
      const res = await officerAssen.get('/api/v1/municipalities/GM0363/contracts?date=2025-06-01');
      expect(outcome(res)).toMatchObject({ status: 404, body: { type: '/problems/municipality-not-found' } });
    });
  });

  describe('roles', () => {
    it('an OFFICER cannot create a contract (403) and nothing is created', async () => {
      const before = await contractCount(t);
      const res = await postContract(officerAssen, {
        kind: 'INDIVIDUAL',
        title: 'Door een beleidsmedewerker',
        supplierId: ids.sensoor.providerId,
        ...EXEMPT,
      });
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(await contractCount(t)).toBe(before);
    });

    it('the supplier Sensoor reads VNG-SEN-2018 but cannot amend it (403)', async () => {
      const id = await contractId(t, 'VNG-SEN-2018');
      const read = await sensoor.get(`/api/v1/contracts/${id}`).expect(200);
      expect(read.body).toMatchObject({
        reference: 'VNG-SEN-2018',
        supplier: { id: ids.sensoor.providerId, name: 'Stichting Sensoor' },
      });
      const before = await count(t, `SELECT count(*) AS n FROM contract_amendment WHERE contract_id = $1`, [id]);
      const res = await sensoor
        .post(`/api/v1/contracts/${id}/amendments`)
        .send({ effectiveDate: '2026-01-01', reason: 'Eigen tarief', perInhabitant: '0.9000' });
      expect(res.status).toBe(403);
      expect(await count(t, `SELECT count(*) AS n FROM contract_amendment WHERE contract_id = $1`, [id])).toBe(before);
      await sensoor.patch(`/api/v1/contracts/${id}`).send({ title: 'Van Sensoor' }).expect(403);
    });

    it("Assen's officer lists only the contracts Assen takes part in (or contracts itself)", async () => {
      const res = await officerAssen.get('/api/v1/contracts?limit=500').expect(200);
      const listed = res.body.items.map((c: { reference: string }) => c.reference).sort();
      const expected = await sql<{ reference: string }>(
        t.databaseUrl,
        `SELECT reference FROM contract c WHERE c.contracting_organisation_id = (SELECT id FROM organisation WHERE municipality_code = 'GM0106')
            OR EXISTS (SELECT 1 FROM participation p WHERE p.contract_id = c.id AND p.municipality_code = 'GM0106') ORDER BY reference`,
      );
      expect(listed).toEqual(expected.map((r) => r.reference).sort());
      expect(listed).toEqual(expect.arrayContaining(['VNG-KT-2015', 'VNG-SEN-2015', 'VNG-SEN-2018']));
      expect(listed).not.toContain('GM0363-LUISTEREND-OOR');
      expect(res.body.total).toBe(listed.length);
      const filtered = await officerAssen
        .get('/api/v1/contracts?municipality=GM0106&status=ACTIVE&kind=COLLECTIVE')
        .expect(200);
      expect(filtered.body.items.map((c: { reference: string }) => c.reference)).toContain('VNG-SEN-2018');
    });
  });
});
