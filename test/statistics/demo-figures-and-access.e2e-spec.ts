import { DataSource } from 'typeorm';
import { seedDemoStatistics } from '@wmo/demo';
import { unscopedAsPlatform } from '@wmo/tenancy';
import { addUser, count } from '../support/demo';
import { outcome } from '../support/http';
import { expectRefused, providerId, record, TOTALS_2013, TOTALS_2016 } from '../support/statistics';
import { Client, startSignedIn, TestApp } from '../support/test-app';

/** Stichting Sensoor's figures from the seeds, read by whoever may see the provider; recorded by it (or the operator) alone. */
describe('who sees and who records service statistics', () => {
  let t: TestApp, sensoor: Client, operator: Client, vng: Client, officerAssen: Client;
  let sensoorId: string;
  let amsterdamId: string;
  const statisticRows = () => count(t, `SELECT count(*) AS n FROM service_statistic`);

  beforeAll(async () => {
    [t, sensoor, operator, vng, officerAssen] = await startSignedIn(
      'sensoor@demo.nl',
      'operator@demo.nl',
      'vng@demo.nl',
      'officer.gm0106@demo.nl',
    );
    [sensoorId, amsterdamId] = [await providerId(t, 'Stichting Sensoor'), await providerId(t, 'Sensoor Amsterdam')];
  });
  afterAll(() => t?.close());

  describe('the demo figures from the seeds', () => {
    it('2016: telephone 233,866, chat 18,713, e-mail 1,198, in total 253,777; 2013: 240,000 + 13,000 + 3,250 answered e-mails = 256,250', async () => {
      const res = await sensoor.get(`/api/v1/providers/${sensoorId}/statistics`);
      expect(outcome(res)).toMatchObject({
        status: 200,
        body: { providerId: sensoorId, providerName: 'Stichting Sensoor' },
      });
      expect(res.body.yearlyTotals).toEqual([TOTALS_2016, TOTALS_2013]);
    });

    it('lists the two whole years newest first, 2016 with the one topic share the factsheet states (Zelfmoord, 5 percent) and its source', async () => {
      const { periods } = (await sensoor.get(`/api/v1/providers/${sensoorId}/statistics`).expect(200)).body;
      expect(periods).toEqual([
        {
          id: expect.any(String),
          providerId: sensoorId,
          periodStart: '2016-01-01',
          periodEnd: '2016-12-31',
          channels: TOTALS_2016.channels,
          totalConversations: 253_777,
          topics: [{ topic: 'Zelfmoord', share: '0.0500' }],
          source: expect.stringContaining('factsheet 2016'),
          recordedAt: expect.any(String),
        },
        expect.objectContaining({
          periodStart: '2013-01-01',
          periodEnd: '2013-12-31',
          channels: TOTALS_2013.channels,
          totalConversations: 256_250,
          topics: [],
          source: expect.stringContaining('Q&A'),
        }),
      ]);
    });

    it('are visible to those who can see the provider: the VNG and a municipal officer get the same national totals', async () => {
      for (const client of [vng, officerAssen, operator]) {
        const res = await client.get(`/api/v1/providers/${sensoorId}/statistics`);
        expect(outcome(res)).toMatchObject({
          status: 200,
          body: { providerName: 'Stichting Sensoor', yearlyTotals: [TOTALS_2016, TOTALS_2013] },
        });
      }
    });

    it('seeding again adds nothing (idempotent)', async () => {
      const owner = new DataSource({ type: 'postgres', url: t.databaseUrl });
      await owner.initialize();
      try {
        const before = await statisticRows();
        await unscopedAsPlatform(owner, (tx) => seedDemoStatistics(tx, sensoorId));
        expect(await statisticRows()).toBe(before);
      } finally {
        await owner.destroy();
      }
    });
  });

  describe('who may record and read', () => {
    const valid = { year: 2020, channels: [{ kind: 'PHONE', conversations: 1 }] };

    it('a municipal officer and the VNG lack the role: 403', async () => {
      await expectRefused(t, () => record(officerAssen, sensoorId, valid), 403);
      await expectRefused(t, () => record(vng, sensoorId, valid), 403);
    });

    it('another provider (Sensoor Amsterdam) does not exist for Stichting Sensoor: 404 on write and read, and for an unknown id', async () => {
      await expectRefused(t, () => record(sensoor, amsterdamId, valid), 404, { type: '/problems/provider-not-found' });
      const read = await sensoor.get(`/api/v1/providers/${amsterdamId}/statistics`);
      expect(outcome(read)).toMatchObject({ status: 404, body: { type: '/problems/provider-not-found' } });
      await expectRefused(t, () => record(operator, '00000000-0000-4000-8000-000000000000', valid), 404);
    });

    it('a provider the VNG contracts is visible to it, and has no figures yet', async () => {
      const res = await vng.get(`/api/v1/providers/${amsterdamId}/statistics`);
      expect(outcome(res)).toMatchObject({
        status: 200,
        body: { providerId: amsterdamId, providerName: 'Sensoor Amsterdam', periods: [], yearlyTotals: [] },
      });
    });

    it("a new provider registered by the operator records its own figures, apart from Sensoor's", async () => {
      const created = await operator.post('/api/v1/providers').send({
        legalName: 'Hulplijn Test',
        kvkNumber: '12345678',
        iban: 'NL91ABNA0417164300',
        street: 'Teststraat 1',
        postalCode: '1234 AB',
        city: 'Teststad',
        invoicePrefix: 'HLT',
      });
      expect(created.status).toBe(201);
      const newId = created.body.id as string;
      const admin = await addUser(t, operator, {
        email: 'admin@hulplijn.test',
        name: 'Beheer',
        roles: ['PROVIDER_ADMIN'],
        password: 'long-enough-password',
        organisationId: newId,
      });
      expect(
        (await record(admin, newId, { year: 2016, channels: [{ kind: 'CHAT', conversations: 42, answered: 40 }] }))
          .status,
      ).toBe(201);
      await expectRefused(t, () => record(admin, sensoorId, valid), 404);
      const own = await admin.get(`/api/v1/providers/${newId}/statistics`).expect(200);
      expect(own.body.yearlyTotals).toEqual([
        { year: 2016, channels: [{ kind: 'CHAT', conversations: 42, answered: 40 }], totalConversations: 42 },
      ]);
      expect((await admin.get(`/api/v1/providers/${sensoorId}/statistics`)).status).toBe(404);
      // Sensoor's 2016 is untouched by another provider's 2016.
      expect(
        (await sensoor.get(`/api/v1/providers/${sensoorId}/statistics`).expect(200)).body.yearlyTotals,
      ).toContainEqual(TOTALS_2016);
    });
  });
});
