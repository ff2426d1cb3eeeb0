import { outcome } from '../support/http';
import { Client, startSignedIn, TestApp } from '../support/test-app';
import { sql } from '../support/test-database';

// The figures for 1 January 2025 below are made up (test data): CBS had not published them when
// this was written. The file has the shape of a CBS StatLine export of table 03759ned.
const STATLINE_2025 = [
  '"ID";"Geslacht";"Leeftijd";"RegioS";"Perioden";"BevolkingOp1Januari_1";"GemiddeldeBevolking_2"',
  '"0";"T001038";"10000";"NL01      ";"2025JJ00";"  18000000";"  18050000"',
  '"1";"T001038";"10000";"GM0014    ";"2025JJ00";"    240000";"    240500"',
  '"2";"T001038";"10000";"GM0106    ";"2025JJ00";"     70000";"     70100"',
].join('\r\n');

const URL = '/api/v1/reference-data/population-imports';

describe('CBS population figures imported through the API (OPERATOR)', () => {
  let t: TestApp;
  let operator: Client;
  let vng: Client;
  let national2024: number;

  const figures2025 = async () =>
    (
      await sql<{ count: number }>(
        t.databaseUrl,
        `SELECT count(*)::int AS count FROM population_figure WHERE reference_date = '2025-01-01'`,
      )
    )[0].count;
  const upload = (client: Client, body: string | Buffer, dryRun: boolean, type = 'text/csv') =>
    client.post(`${URL}?dryRun=${dryRun}`).set('Content-Type', type).send(body);

  beforeAll(async () => {
    [t, operator, vng] = await startSignedIn('operator@demo.nl', 'vng@demo.nl');
    [{ total: national2024 }] = await sql<{ total: number }>(
      t.databaseUrl,
      `SELECT sum(inhabitants)::int AS total FROM population_figure WHERE reference_date = '2024-01-01'`,
    );
  });
  afterAll(() => t.close());

  it('a dry run of a StatLine export reports the changes and the national totals, and writes nothing (200)', async () => {
    const res = await upload(operator, STATLINE_2025, true);
    expect(outcome(res)).toMatchObject({ status: 200 });
    expect(res.body).toEqual({
      applied: false,
      format: 'CBS StatLine',
      rows: 2,
      skippedRegions: 1,
      changes: [
        { code: 'GM0014', name: 'Groningen', year: 2025, previous: null, population: 240000 },
        { code: 'GM0106', name: 'Assen', year: 2025, previous: null, population: 70000 },
      ],
      totals: [{ year: 2025, total: 310000, previousYear: national2024, municipalities: 2 }],
      // Nothing is billed on the CBS figures of 2025 yet.
      billingImpact: null,
    });
    expect(await figures2025()).toBe(0);
  });

  it('the real import applies the whole file (201), the municipality shows it, and the audit log names the operator', async () => {
    const res = await upload(operator, STATLINE_2025, false);
    expect(outcome(res)).toMatchObject({ status: 201, body: { applied: true, rows: 2 } });
    expect(res.body.changes).toHaveLength(2);
    expect(await figures2025()).toBe(2);
    const assen = await operator.get('/api/v1/municipalities/GM0106').expect(200);
    expect(assen.body).toMatchObject({ population: 70000, populationReferenceDate: '2025-01-01' });
    const [audit] = await sql<{ actor: string; after: { changes: number; years: number[] } }>(
      t.databaseUrl,
      `SELECT o.name AS actor, e.after FROM audit_event e JOIN organisation o ON o.id = e.actor_organisation_id
        WHERE e.action = 'population-import.applied' ORDER BY e.occurred_at DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ after: { changes: 2, years: [2025] } });
  });

  it('the same file again changes nothing', async () => {
    const res = await upload(operator, STATLINE_2025, false);
    expect(outcome(res)).toMatchObject({ status: 201, body: { applied: true, rows: 2, changes: [] } });
  });

  it('two imports at the same moment run one after the other: one changes the figure, the other finds it changed', async () => {
    const file = 'code,year,population\nGM0106,2025,70001\n';
    const [a, b] = await Promise.all([upload(operator, file, false), upload(operator, file, false)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.changes.length, b.body.changes.length].sort()).toEqual([0, 1]);
  });

  it('only the operator imports: a contract manager gets 403 and nothing changes', async () => {
    const res = await upload(vng, 'code,year,population\nGM0106,2025,1\n', false);
    expect(outcome(res)).toMatchObject({ status: 403, body: { status: 403 } });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await operator.get('/api/v1/municipalities/GM0106').expect(200)).body.population).toBe(70001);
  });

  it('a file with problems: 422 with every problem and its line, nothing written', async () => {
    const res = await upload(
      operator,
      [
        'code,year,population',
        'GM9999,2025,100',
        'GM0106,2025,-5',
        'GM0014,2025,12.5',
        'GM0014,2999,1000',
        'GM0106,2024,69000',
        'GM0106,2024,69001',
      ].join('\n'),
      false,
    );
    expect(outcome(res)).toMatchObject({ status: 422, body: { type: '/problems/invalid-population-file' } });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.problems).toEqual([
      { line: 2, message: 'unknown municipality code GM9999' },
      { line: 3, message: 'population -5 is negative' },
      { line: 4, message: 'population 12.5 is not a whole number' },
      {
        line: 5,
        message: expect.stringMatching(/^year 2999 is out of range: figures are for 1 January 2014 to \d{4}$/),
      },
      { line: 7, message: 'duplicate: GM0106 for 2024 is already on line 6' },
    ]);
    expect((await operator.get('/api/v1/municipalities/GM0106').expect(200)).body.population).toBe(70001);
  });

  it('an empty file and a file with another separator are refused by what is wrong with them (422)', async () => {
    const empty = await upload(operator, '', false);
    expect(outcome(empty)).toMatchObject({ status: 422 });
    expect(empty.body.problems).toEqual([{ line: 1, message: 'the file is empty' }]);
    const tabs = await upload(operator, 'code\tyear\tpopulation\nGM0106\t2025\t1\n', false);
    expect(tabs.body.problems).toEqual([
      { line: 1, message: 'the first line must be the header "code,year,population"' },
    ]);
  });

  it('a Windows-1252 export ("Súdwest-Fryslân" with â as one byte) is read; a JSON body is 415; 6 MB is 413', async () => {
    const cp1252 = Buffer.concat([
      Buffer.from('"RegioS";"Naam";"Perioden";"BevolkingOp1Januari_1"\r\n"GM1900    ";"Súdwest-Frysl', 'latin1'),
      Buffer.from([0xe2]),
      Buffer.from('n";"2025JJ00";"   92000"\r\n', 'latin1'),
    ]);
    const read = await upload(operator, cp1252, true);
    expect(outcome(read)).toMatchObject({ status: 200 });
    expect(read.body.changes).toEqual([
      { code: 'GM1900', name: 'Súdwest-Fryslân', year: 2025, previous: null, population: 92000 },
    ]);

    const json = await operator.post(`${URL}?dryRun=true`).send({ code: 'GM0106' });
    expect(outcome(json)).toMatchObject({ status: 415, body: { type: '/problems/not-a-csv-file' } });

    const large = await upload(operator, 'code,year,population\n' + 'x'.repeat(6 * 1_048_576), true);
    expect(outcome(large)).toMatchObject({ status: 413, body: { status: 413 } });
    expect(large.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
