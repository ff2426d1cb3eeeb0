import { StatisticsReader } from '@wmo/statistics';
import { Principal, ScopedDatabase, TenantContext } from '@wmo/tenancy';
import { count } from '../support/demo';
import { outcome } from '../support/http';
import { expectRefused, providerId, record, TOTALS_2013, TOTALS_2016 } from '../support/statistics';
import { sql } from '../support/test-database';
import { Client, listenOnce, startSignedIn, TestApp } from '../support/test-app';

/** A provider records its figures per period (audited, summed per year); invalid figures and overlapping periods are refused. */
describe('recording service statistics', () => {
  let t: TestApp, sensoor: Client, operator: Client, vng: Client;
  let sensoorId: string;
  let amsterdamId: string;

  beforeAll(async () => {
    [t, sensoor, operator, vng] = await startSignedIn('sensoor@demo.nl', 'operator@demo.nl', 'vng@demo.nl');
    await listenOnce(t);
    [sensoorId, amsterdamId] = [await providerId(t, 'Stichting Sensoor'), await providerId(t, 'Sensoor Amsterdam')];
  });
  afterAll(() => t?.close());

  describe('recording figures', () => {
    it('2017 in two half years: 201 with the record; yearlyTotals sums them, answered null where a half year does not report it', async () => {
      const firstHalf = await record(sensoor, sensoorId, {
        periodStart: '2017-01-01',
        periodEnd: '2017-06-30',
        channels: [
          { kind: 'CHAT', conversations: 10, answered: 10 },
          { kind: 'PHONE', conversations: 100, answered: 90 },
        ],
        topics: [{ topic: 'Eenzaamheid', share: '0.25' }],
        source: 'Testcijfers eerste halfjaar',
      });
      expect(outcome(firstHalf)).toMatchObject({
        status: 201,
        body: {
          providerId: sensoorId,
          periodStart: '2017-01-01',
          periodEnd: '2017-06-30',
          // In channel order, and the share as an exact decimal with four places.
          channels: [
            { kind: 'PHONE', conversations: 100, answered: 90 },
            { kind: 'CHAT', conversations: 10, answered: 10 },
          ],
          totalConversations: 110,
          topics: [{ topic: 'Eenzaamheid', share: '0.2500' }],
          source: 'Testcijfers eerste halfjaar',
        },
      });
      const secondHalf = await record(sensoor, sensoorId, {
        periodStart: '2017-07-01',
        periodEnd: '2017-12-31',
        channels: [
          { kind: 'PHONE', conversations: 120 },
          { kind: 'CHAT', conversations: 12, answered: 11 },
          { kind: 'EMAIL', conversations: 5, answered: null },
        ],
      });
      expect(outcome(secondHalf)).toMatchObject({
        status: 201,
        body: { periodStart: '2017-07-01', topics: [], source: null, totalConversations: 137 },
      });

      const res = await vng.get(`/api/v1/providers/${sensoorId}/statistics`).expect(200);
      expect(res.body.yearlyTotals).toEqual([
        {
          year: 2017,
          channels: [
            { kind: 'PHONE', conversations: 220, answered: null },
            { kind: 'CHAT', conversations: 22, answered: 21 },
            { kind: 'EMAIL', conversations: 5, answered: null },
          ],
          totalConversations: 247,
        },
        TOTALS_2016,
        TOTALS_2013,
      ]);
      expect(res.body.periods.map((p: { periodStart: string }) => p.periodStart)).toEqual([
        '2017-07-01',
        '2017-01-01',
        '2016-01-01',
        '2013-01-01',
      ]);
    });

    it('is audited with who recorded it and what', async () => {
      const rows = await sql<{
        action: string;
        organisation_id: string;
        actor_user_id: string | null;
        after: { periodStart: string; totalConversations: number };
      }>(
        t.databaseUrl,
        `SELECT action, organisation_id, actor_user_id, after FROM audit_event WHERE entity_type = 'service-statistic' ORDER BY id`,
      );
      expect(rows.slice(0, 2)).toEqual([
        expect.objectContaining({
          action: 'service-statistic.recorded',
          organisation_id: sensoorId,
          actor_user_id: expect.any(String),
          after: expect.objectContaining({ periodStart: '2017-01-01', totalConversations: 110 }),
        }),
        expect.objectContaining({
          action: 'service-statistic.recorded',
          organisation_id: sensoorId,
          after: expect.objectContaining({ periodStart: '2017-07-01', totalConversations: 137 }),
        }),
      ]);
      const [recorded] = await sql<{ recorded_by_user_id: string }>(
        t.databaseUrl,
        `SELECT recorded_by_user_id FROM service_statistic WHERE period_start = '2017-01-01'`,
      );
      expect(recorded.recorded_by_user_id).toBe(rows[0].actor_user_id);
    });

    it('the operator may record for a provider: { year: 2018 } is the whole calendar year', async () => {
      const res = await record(operator, sensoorId, { year: 2018, channels: [{ kind: 'PHONE', conversations: 0 }] });
      expect(outcome(res)).toMatchObject({
        status: 201,
        body: {
          periodStart: '2018-01-01',
          periodEnd: '2018-12-31',
          channels: [{ kind: 'PHONE', conversations: 0, answered: null }],
          totalConversations: 0,
        },
      });
    });

    it("providerYearTotals (for other modules) answers the same totals inside a caller's transaction, per provider", async () => {
      // The application's own connection (the app role, under row-level security), as a feature module's transaction.
      const sensoorPrincipal: Principal = {
        kind: 'api-key',
        id: sensoorId,
        userId: null,
        apiKeyId: null,
        organisationId: sensoorId,
        organisationKind: 'PROVIDER',
        municipalityCode: null,
        roles: ['PROVIDER_ADMIN'],
      };
      const inTransaction = <T>(
        work: (tx: Parameters<Parameters<ScopedDatabase['transaction']>[0]>[0]) => Promise<T>,
      ) => t.app.get(TenantContext).runAs(sensoorPrincipal, () => t.app.get(ScopedDatabase).transaction(work));
      const reader = t.app.get(StatisticsReader);
      const totals = await inTransaction((tx) => reader.providerYearTotals(tx, [amsterdamId, sensoorId]));
      expect(
        totals.map(({ providerId, year, totalConversations }) => ({ providerId, year, totalConversations })),
      ).toEqual([
        { providerId: sensoorId, year: 2018, totalConversations: 0 },
        { providerId: sensoorId, year: 2017, totalConversations: 247 },
        { providerId: sensoorId, year: 2016, totalConversations: 253_777 },
        { providerId: sensoorId, year: 2013, totalConversations: 256_250 },
      ]);
      expect(totals.find((y) => y.year === 2016)).toEqual({ providerId: sensoorId, ...TOTALS_2016 });
      expect(await inTransaction((tx) => reader.providerYearTotals(tx, []))).toEqual([]);
    });
  });

  /**
   * Figures the API refuses: a 400 naming the field, nothing written. The rules for periods,
   * channels and topics are proven case by case in libs/statistics' statistic-rules.spec; one case
   * of each stands here for the path to a 400.
   */
  describe('invalid figures: a 400 naming the field, nothing written', () => {
    const year2019 = (channels: object[], extra: object = {}) => ({ year: 2019, channels, ...extra });

    it.each([
      [
        'negative conversations',
        year2019([{ kind: 'PHONE', conversations: -1 }]),
        'channels.0.conversations',
        'conversations must not be negative',
      ],
      [
        'negative answered',
        year2019([{ kind: 'PHONE', conversations: 10, answered: -1 }]),
        'channels.0.answered',
        'answered must not be negative',
      ],
      [
        'a fraction of a conversation',
        year2019([{ kind: 'PHONE', conversations: 1.5 }]),
        'channels.0.conversations',
        'conversations must be a whole number',
      ],
      [
        'a count as a string',
        year2019([{ kind: 'PHONE', conversations: '12' }]),
        'channels.0.conversations',
        'conversations must be a whole number',
      ],
      [
        'more answered than conversations',
        year2019([{ kind: 'CHAT', conversations: 10, answered: 11 }]),
        'channels.0.answered',
        'answered (11) must not exceed conversations (10)',
      ],
      [
        'an unknown channel',
        year2019([{ kind: 'FAX', conversations: 1 }]),
        'channels.0.kind',
        expect.stringContaining('PHONE, CHAT, EMAIL, VIDEO, SMS'),
      ],
      ['no channels', year2019([]), 'channels', 'channels must list at least one channel'],
      [
        'a share above 1',
        year2019([{ kind: 'PHONE', conversations: 1 }], { topics: [{ topic: 'Eenzaamheid', share: '1.5' }] }),
        'topics.0.share',
        expect.stringContaining('from 0 to 1'),
      ],
      [
        'a share with 5 decimals',
        year2019([{ kind: 'PHONE', conversations: 1 }], { topics: [{ topic: 'Eenzaamheid', share: '0.12345' }] }),
        'topics.0.share',
        expect.stringContaining('at most 4 decimals'),
      ],
      [
        'a share as a number',
        year2019([{ kind: 'PHONE', conversations: 1 }], { topics: [{ topic: 'Eenzaamheid', share: 0.05 }] }),
        'topics.0.share',
        expect.any(String),
      ],
      [
        'shares adding up to more than 1',
        year2019([{ kind: 'PHONE', conversations: 1 }], {
          topics: [
            { topic: 'Eenzaamheid', share: '0.6' },
            { topic: 'Relaties', share: '0.4001' },
          ],
        }),
        'topics',
        'the shares add up to 1.0001, more than 1',
      ],
      [
        'a period over two calendar years',
        { periodStart: '2019-07-01', periodEnd: '2020-06-30', channels: [{ kind: 'PHONE', conversations: 1 }] },
        'periodEnd',
        expect.stringContaining('within one calendar year'),
      ],
      [
        'a date that does not exist',
        { periodStart: '2019-02-29', periodEnd: '2019-03-31', channels: [{ kind: 'PHONE', conversations: 1 }] },
        'periodStart',
        expect.stringContaining('YYYY-MM-DD'),
      ],
      [
        'an unknown field',
        year2019([{ kind: 'PHONE', conversations: 1 }], { municipalityCode: 'GM0106' }),
        'municipalityCode',
        "unknown parameter 'municipalityCode'",
      ],
    ])('%s', async (_case, body, field, message) => {
      const res = await expectRefused(t, () => record(sensoor, sensoorId, body), 400, {
        type: '/problems/validation-failed',
      });
      expect(res.body.errors).toContainEqual({ field, message });
    });

    it('an id that is not a UUID is a 400 naming id', async () => {
      const res = await expectRefused(
        t,
        () => record(sensoor, 'sensoor', year2019([{ kind: 'PHONE', conversations: 1 }])),
        400,
      );
      expect(res.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
      const read = await sensoor.get('/api/v1/providers/sensoor/statistics');
      expect(outcome(read)).toMatchObject({ status: 400, body: { errors: [{ field: 'id' }] } });
    });

    it('a query parameter on the read is a 400', async () => {
      const res = await sensoor.get(`/api/v1/providers/${sensoorId}/statistics?year=2016`);
      expect(outcome(res)).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'year', message: "unknown parameter 'year'" }] },
      });
    });
  });

  describe('overlapping periods: 409, nothing written', () => {
    it('June 2016 overlaps the recorded year 2016', async () => {
      const [existing] = await sql<{ id: string }>(
        t.databaseUrl,
        `SELECT id FROM service_statistic WHERE provider_id = $1 AND period_start = '2016-01-01'`,
        [sensoorId],
      );
      const res = await expectRefused(
        t,
        () =>
          record(sensoor, sensoorId, {
            periodStart: '2016-06-01',
            periodEnd: '2016-06-30',
            channels: [{ kind: 'PHONE', conversations: 1 }],
          }),
        409,
        {
          type: '/problems/statistics-period-overlaps',
          statisticId: existing.id,
          periodStart: '2016-01-01',
          periodEnd: '2016-12-31',
        },
      );
      expect(res.body.detail).toContain('2016-01-01 to 2016-12-31');
    });

    it('the same year again, and a whole year over a recorded half year, are refused too', async () => {
      await expectRefused(
        t,
        () => record(operator, sensoorId, { year: 2016, channels: [{ kind: 'PHONE', conversations: 1 }] }),
        409,
      );
      await expectRefused(
        t,
        () => record(sensoor, sensoorId, { year: 2017, channels: [{ kind: 'PHONE', conversations: 1 }] }),
        409,
        { periodStart: '2017-01-01', periodEnd: '2017-06-30' },
      );
    });

    it('6 concurrent requests for periods of 2019 that all share 15 March: one 201, five 409, one row (the advisory lock per provider)', async () => {
      const bodies = [
        { year: 2019 },
        { periodStart: '2019-01-01', periodEnd: '2019-03-31' },
        { periodStart: '2019-03-01', periodEnd: '2019-06-30' },
        { periodStart: '2019-03-15', periodEnd: '2019-03-15' },
        { periodStart: '2019-02-01', periodEnd: '2019-11-30' },
        { year: 2019 },
      ].map((period) => ({ ...period, channels: [{ kind: 'PHONE', conversations: 7 }] }));
      const responses = await Promise.all(bodies.map((body) => record(sensoor, sensoorId, body)));
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      expect(
        await count(
          t,
          `SELECT count(*) AS n FROM service_statistic WHERE provider_id = $1 AND period_start >= '2019-01-01' AND period_end <= '2019-12-31'`,
          [sensoorId],
        ),
      ).toBe(1);
    });
  });
});
