import { contractId, count, TODAY } from '../support/demo';
import { outcome } from '../support/http';
import { Client, startSignedIn, TestApp } from '../support/test-app';

interface Participant {
  code: string;
  name: string;
  from: string;
  to: string | null;
}

/**
 * The participant list of a contract is a server-side list (sort, q, page, limit) that by default
 * shows only the municipalities taking part today, so 338 current participants are not buried
 * under the ones that ended with a merger.
 */
describe('the participant list of a contract', () => {
  let t: TestApp, vng: Client;
  let id: string;
  const list = async (query: string) =>
    (await vng.get(`/api/v1/contracts/${id}/participants${query}`).expect(200)).body as {
      items: Participant[];
      total: number;
      page: number;
      limit: number;
      date: string;
      status: string;
    };

  beforeAll(async () => {
    [t, vng] = await startSignedIn('vng@demo.nl');
    id = await contractId(t, 'VNG-SEN-2018');
  });
  afterAll(() => t?.close());

  it('by default lists the 338 municipalities taking part today, 50 a page, by name', async () => {
    const body = await list('');
    expect(body).toMatchObject({ total: 338, page: 1, limit: 50, date: TODAY, status: 'active' });
    expect(body.items).toHaveLength(50);
    expect(body.items.every((p) => p.from <= TODAY && (p.to === null || p.to >= TODAY))).toBe(true);
    // Code-point order, as the municipalities list sorts: the apostrophe of 's-Hertogenbosch comes first.
    expect(body.items.slice(0, 2).map((p) => p.name)).toEqual(["'s-Hertogenbosch", 'Aa en Hunze']);
    const last = await list('?page=7');
    expect(last.items).toHaveLength(338 - 6 * 50);
  });

  it('status=all includes the participations that ended; ended and future are read on the date', async () => {
    const all = await list('?status=all&limit=500');
    const stored = await count(t, `SELECT count(*) AS n FROM participation WHERE contract_id = $1`, [id]);
    expect(all.total).toBe(stored);
    expect(all.total).toBeGreaterThan(338);
    const ended = await list('?status=ended&limit=500');
    expect(ended.total).toBe(all.total - 338 - (await list('?status=future')).total);
    expect(ended.items.every((p) => p.to !== null && p.to < TODAY)).toBe(true);
    // Bedum was dissolved on 31 December 2018: it took part on 1 July 2018 and has ended since.
    expect((await list('?q=bedum')).items).toEqual([]);
    expect((await list('?q=bedum&status=ended')).items).toEqual([
      expect.objectContaining({ code: 'GM0005', name: 'Bedum', to: '2018-12-31' }),
    ]);
    expect((await list('?q=bedum&date=2018-07-01')).items.map((p) => p.code)).toEqual(['GM0005']);
  });

  it('q=assen finds Assen (and Wassenaar) by name, and GM0106 finds it by code', async () => {
    expect((await list('?q=assen')).items).toEqual([
      { code: 'GM0106', name: 'Assen', from: '2018-01-01', to: null, origin: 'ENROLMENT' },
      { code: 'GM0629', name: 'Wassenaar', from: '2018-01-01', to: null, origin: 'ENROLMENT' },
    ]);
    expect((await list('?q=gm0106')).items.map((p) => p.name)).toEqual(['Assen']);
    expect((await list('?q=50%25')).total).toBe(0);
  });

  it('sort=-name puts Zwolle first; sort=code ascending and -until with the open ends first', async () => {
    const byName = await list('?sort=-name&limit=3');
    expect(byName.items.map((p) => p.name)).toEqual(['Zwolle', 'Zwijndrecht', 'Zwartewaterland']);
    expect(byName.total).toBe(338);
    const byCode = await list('?sort=code&limit=2');
    expect(byCode.items.map((p) => p.code)).toEqual(['GM0014', 'GM0034']);
    const byEnd = await list('?status=all&sort=-until&limit=1');
    expect(byEnd.items[0].to).toBeNull();
  });

  it.each([
    ['status=current', 'status'],
    ['sort=population', 'sort'],
    ['sort=--name', 'sort'],
    ['date=2026-02-30', 'date'],
    ['page=0', 'page'],
    ['limit=501', 'limit'],
    [`q=${'a'.repeat(101)}`, 'q'],
  ])('?%s is a 400 problem naming %s', async (query, field) => {
    const res = await vng.get(`/api/v1/contracts/${id}/participants?${query}`);
    expect(outcome(res)).toMatchObject({ status: 400 });
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.body)).toContain(`"${field}"`);
  });

  it('the contract list searches and sorts too, and counts each contract’s participants today', async () => {
    const res = await vng.get('/api/v1/contracts?q=vng-sen-2018').expect(200);
    expect(res.body.items).toEqual([expect.objectContaining({ reference: 'VNG-SEN-2018', participantsToday: 338 })]);
    const sorted = (await vng.get('/api/v1/contracts?sort=reference&limit=500').expect(200)).body.items as Array<{
      reference: string;
    }>;
    const references = sorted.map((c) => c.reference);
    expect(references).toEqual([...references].sort());
    const bad = await vng.get('/api/v1/contracts?sort=price');
    expect(outcome(bad)).toMatchObject({ status: 400 });
    expect(JSON.stringify(bad.body)).toContain('"sort"');
  });
});
