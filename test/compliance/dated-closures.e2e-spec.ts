import { overview, row, wmo } from '../support/compliance';
import { G4, sensoorIds } from '../support/demo';
import { outcome } from '../support/http';
import { Client, startSignedIn, TestApp } from '../support/test-app';

/**
 * Dated closures of a counting channel are gaps where no other counting channel is open. How
 * long a closure across a daylight-saving change lasts, and what part of a closure the chat
 * hours cover, is proven in libs/domain's compliance.spec; these show the gaps in the API.
 */
describe("compliance with dated closures of Sensoor's phone line", () => {
  let t: TestApp, vng: Client, sensoor: Client;
  let ids: { providerId: string; serviceId: string };
  const NIGHT = 'Onderhoud telefooncentrale (nacht)';
  const DAY = 'Onderhoud telefooncentrale (dag)';
  const DST = 'Onderhoud over de zomertijd';

  const close = async (from: string, to: string, reason: string) => {
    const res = await sensoor
      .post(`/api/v1/providers/${ids.providerId}/services/${ids.serviceId}/closures`)
      .send({ channel: 'PHONE', from, to, reason });
    expect(outcome(res)).toMatchObject({ status: 201 });
  };

  beforeAll(async () => {
    [t, vng, sensoor] = await startSignedIn('vng@demo.nl', 'sensoor@demo.nl');
    ids = await sensoorIds(vng);
  });
  afterAll(() => t?.close());

  describe('a night closure on Monday 2025-03-10, 02:00-04:00, with chat closed', () => {
    beforeAll(() => close('2025-03-10T02:00:00+01:00', '2025-03-10T04:00:00+01:00', NIGHT));

    it('makes Assen NON_COMPLIANT for 2025 with that one dated gap of 120 minutes', async () => {
      const duty = await wmo(vng, 'GM0106', 'year=2025');
      expect(duty.status).toBe('NON_COMPLIANT');
      expect(duty.gaps).toEqual({
        days: [],
        weekly: [],
        dated: [
          { start: '2025-03-10T02:00:00+01:00', end: '2025-03-10T04:00:00+01:00', minutes: 120, reasons: [NIGHT] },
        ],
      });
      expect(duty.explanation).toContain('1 onderbreking door sluiting (120 minuten)');
      const phone = duty.coverage[0].services[0].channels.find((c) => c.kind === 'PHONE')!;
      expect(phone.closures).toEqual([
        { start: '2025-03-10T02:00:00+01:00', end: '2025-03-10T04:00:00+01:00', reason: NIGHT },
      ]);
    });

    it('makes every Sensoor participant NON_COMPLIANT (338); the G4 with their own services stay COMPLIANT', async () => {
      const o = await overview(vng, 'year=2025&sort=code');
      expect(o.counts).toEqual({ COMPLIANT: 4, AT_RISK: 0, NON_COMPLIANT: 338, total: 342 });
      expect(o.items.filter((r) => r.status === 'COMPLIANT').map((r) => r.code)).toEqual(G4);
      expect(
        o.items
          .filter((r) => r.status === 'NON_COMPLIANT')
          .every((r) => r.datedGaps === 1 && r.gapDays === 0 && r.weeklyGapMinutes === 0),
      ).toBe(true);
    });

    it('other years and other days are not affected', async () => {
      expect((await wmo(vng, 'GM0106', 'year=2024')).status).toBe('COMPLIANT');
      expect((await wmo(vng, 'GM0106', 'date=2025-03-11')).status).toBe('COMPLIANT');
      expect((await wmo(vng, 'GM0106', 'date=2025-03-10')).gaps.dated).toHaveLength(1);
    });
  });

  describe('a day closure on 2025-03-10, 10:00-12:00, while chat is open', () => {
    beforeAll(() => close('2025-03-10T10:00:00+01:00', '2025-03-10T12:00:00+01:00', DAY));

    it('adds no dated gap: on 2025-03-10 only the night closure counts', async () => {
      const duty = await wmo(vng, 'GM0106', 'date=2025-03-10');
      expect(duty.gaps.dated).toEqual([
        { start: '2025-03-10T02:00:00+01:00', end: '2025-03-10T04:00:00+01:00', minutes: 120, reasons: [NIGHT] },
      ]);
      const phone = duty.coverage[0].services[0].channels.find((c) => c.kind === 'PHONE')!;
      expect(phone.closures.map((c) => c.reason)).toEqual([NIGHT, DAY]);
    });
  });

  describe('a closure across the daylight-saving change, 2025-03-30 01:00+01:00 to 04:00+02:00', () => {
    beforeAll(() => close('2025-03-30T01:00:00+01:00', '2025-03-30T04:00:00+02:00', DST));

    it('for 2025 Assen now has the two night gaps, the day closure none', async () => {
      const duty = await wmo(vng, 'GM0106', 'year=2025');
      expect(duty.gaps.dated.map((g) => [g.start, g.end, g.minutes])).toEqual([
        ['2025-03-10T02:00:00+01:00', '2025-03-10T04:00:00+01:00', 120],
        ['2025-03-30T01:00:00+01:00', '2025-03-30T04:00:00+02:00', 120],
      ]);
      expect(row(await overview(vng, 'year=2025'), 'GM0106').datedGaps).toBe(2);
    });
  });
});
