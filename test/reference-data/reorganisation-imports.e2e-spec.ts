import { contractId, YEAR } from '../support/demo';
import { outcome, PROBLEM } from '../support/http';
import { Client, listenOnce, startSignedIn, TestApp } from '../support/test-app';
import { sql } from '../support/test-database';

const URL = '/api/v1/reference-data/reorganisation-imports';
const NEXT = YEAR + 1;
const DATE = `${NEXT}-01-01`;
const DAY_BEFORE = `${YEAR}-12-31`;
const HEADER =
  'effective_date,old_code,old_name,new_code,new_name,new_province_code,relation,share_of_old_addresses,evidence_source';
// MADE-UP TEST DATA: no law merges Aa en Hunze and Borger-Odoorn; "Hunzedal" and GM1999 are invented.
const EVIDENCE = 'https://example.org/herindelingswet-hunzedal (test data)';
const MERGER = [
  HEADER,
  `${DATE},GM1680,Aa en Hunze,GM1999,Hunzedal,PV22,merged_into_new,,${EVIDENCE}`,
  `${DATE},GM1681,Borger-Odoorn,GM1999,Hunzedal,PV22,merged_into_new,,${EVIDENCE}`,
].join('\n');

type Problem = { line: number; message: string };

describe('municipal reorganisations imported through the API (OPERATOR)', () => {
  let t: TestApp;
  let operator: Client;
  let vng: Client;
  let vng2018: string;
  let kt2015: string;

  const upload = (client: Client, body: string | Buffer, dryRun: boolean, type = 'text/csv') =>
    client.post(`${URL}?dryRun=${dryRun}`).set('Content-Type', type).send(body);
  const municipalityCount = async () =>
    (await sql<{ n: number }>(t.databaseUrl, `SELECT count(*)::int AS n FROM municipality`))[0].n;
  const changeCount = async () =>
    (await sql<{ n: number }>(t.databaseUrl, `SELECT count(*)::int AS n FROM municipal_change`))[0].n;
  const problemsOf = async (body: string | Buffer): Promise<Problem[]> => {
    const before = [await municipalityCount(), await changeCount()];
    const res = await upload(operator, body, false);
    expect(outcome(res)).toMatchObject({ status: 422, body: { type: '/problems/invalid-reorganisation-file' } });
    expect(res.headers['content-type']).toContain(PROBLEM);
    expect([await municipalityCount(), await changeCount()]).toEqual(before);
    return res.body.problems as Problem[];
  };

  beforeAll(async () => {
    [t, operator, vng] = await startSignedIn('operator@demo.nl', 'vng@demo.nl');
    await listenOnce(t);
    vng2018 = await contractId(t, 'VNG-SEN-2018');
    kt2015 = await contractId(t, 'VNG-KT-2015');
  });
  afterAll(() => t.close());

  it('a dry run of a merger on 1 January next year reports what it starts and ends, the participations that end and the roll-over of each contract; nothing is written (200)', async () => {
    const res = await upload(operator, MERGER, true);
    expect(outcome(res)).toMatchObject({
      status: 200,
      body: {
        applied: false,
        effectiveDate: DATE,
        rows: 2,
        unchanged: 0,
        started: [{ code: 'GM1999', name: 'Hunzedal', provinceCode: 'PV22' }],
        ended: [
          { code: 'GM1680', name: 'Aa en Hunze', lastDay: DAY_BEFORE },
          { code: 'GM1681', name: 'Borger-Odoorn', lastDay: DAY_BEFORE },
        ],
        notified: 0,
      },
    });
    expect(res.body.steps[0]).toEqual({
      line: 2,
      oldCode: 'GM1680',
      oldName: 'Aa en Hunze',
      newCode: 'GM1999',
      newName: 'Hunzedal',
      relation: 'MERGED_INTO_NEW',
      share: null,
      loaded: false,
    });
    expect(
      res.body.endingParticipations.map(
        (p: { contractReference: string; municipalityCode: string; endsOn: string }) =>
          `${p.contractReference} ${p.municipalityCode} ${p.endsOn}`,
      ),
    ).toEqual([
      `VNG-KT-2015 GM1680 ${DAY_BEFORE}`,
      `VNG-KT-2015 GM1681 ${DAY_BEFORE}`,
      `VNG-SEN-2018 GM1680 ${DAY_BEFORE}`,
      `VNG-SEN-2018 GM1681 ${DAY_BEFORE}`,
    ]);
    const continued = [{ code: 'GM1999', from: DATE, predecessors: ['GM1680', 'GM1681'] }];
    expect(res.body.rollOvers).toEqual([
      { contractId: kt2015, contractReference: 'VNG-KT-2015', continued, alreadyParticipating: [], conflicts: [] },
      { contractId: vng2018, contractReference: 'VNG-SEN-2018', continued, alreadyParticipating: [], conflicts: [] },
    ]);
    expect((await operator.get('/api/v1/municipalities/GM1999')).status).toBe(404);
  });

  describe('applied', () => {
    let applied: { status: number; body: Record<string, unknown> };

    beforeAll(async () => {
      // Two imports of the same file at once: one waits for the other, which has written it all.
      const [a, b] = await Promise.all([upload(operator, MERGER, false), upload(operator, MERGER, false)]);
      applied = a.body.unchanged === 0 ? outcome(a) : outcome(b);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect([a.body.unchanged, b.body.unchanged].sort()).toEqual([0, 2]);
    });

    it('answers 201 with the report, and notifies the VNG contract managers once per contract', () => {
      expect(applied).toMatchObject({ status: 201, body: { applied: true, notified: 2 } });
    });

    it('the new municipality appears from its date, the old ones end the day before, and it has its organisation', async () => {
      const next = (await operator.get(`/api/v1/municipalities?year=${NEXT}&limit=500`).expect(200)).body;
      const codes = next.items.map((m: { code: string }) => m.code);
      expect(codes).toContain('GM1999');
      expect(codes).not.toContain('GM1680');
      const current = (await operator.get(`/api/v1/municipalities?year=${YEAR}&limit=500`).expect(200)).body;
      expect(current.items.map((m: { code: string }) => m.code)).not.toContain('GM1999');
      expect((await operator.get('/api/v1/municipalities/GM1680').expect(200)).body).toMatchObject({
        validTo: DAY_BEFORE,
      });
      expect((await operator.get('/api/v1/municipalities/GM1999').expect(200)).body).toMatchObject({
        code: 'GM1999',
        name: 'Hunzedal',
        validFrom: DATE,
        validTo: null,
      });
      const [organisation] = await sql<{ name: string }>(
        t.databaseUrl,
        `SELECT name FROM organisation WHERE municipality_code = 'GM1999'`,
      );
      expect(organisation).toEqual({ name: 'Gemeente Hunzedal' });
    });

    it('population rule 3 answers for the new code: the territory of Hunzedal on 1 January 2024 is its two predecessors', async () => {
      const res = await operator
        .get(`/api/v1/municipalities/GM1999/population?referenceDate=2024-01-01&asOf=${DATE}`)
        .expect(200);
      // CBS 1 January 2024 (data/reference): Aa en Hunze 25,845, Borger-Odoorn 26,014.
      expect(res.body).toMatchObject({ inhabitants: 25845 + 26014 });
    });

    it('the VNG contract manager finds the roll-over on offer, with a link, and can take it', async () => {
      const notifications = (await vng.get('/api/v1/notifications?limit=50').expect(200)).body.items as Array<{
        kind: string;
        subjectId: string;
        title: string;
        data: { link: string; year: number };
      }>;
      const offered = notifications.filter((n) => n.kind === 'ROLL_OVER_OFFERED');
      expect(offered.map((n) => n.subjectId).sort()).toEqual([kt2015, vng2018].sort());
      const sen = offered.find((n) => n.subjectId === vng2018)!;
      expect(sen.title).toBe(`Herindeling per 01-01-${NEXT}: deelname overnemen in VNG-SEN-2018`);
      expect(sen.data).toMatchObject({ link: `/contracten/${vng2018}/herindeling`, year: NEXT });
      const rolled = await vng.post(`/api/v1/contracts/${vng2018}/participants/roll-over?year=${NEXT}`);
      expect(outcome(rolled)).toMatchObject({
        status: 201,
        body: { year: NEXT, continued: [{ code: 'GM1999', from: DATE, predecessors: ['GM1680', 'GM1681'] }] },
      });
    });

    it('the same file again changes nothing and notifies nobody again; the audit log has the import', async () => {
      const again = await upload(operator, MERGER, false);
      expect(outcome(again)).toMatchObject({ status: 201, body: { unchanged: 2, notified: 0 } });
      const audit = await sql<{ after: { changed: number } }>(
        t.databaseUrl,
        `SELECT after FROM audit_event WHERE action = 'reorganisation-import.applied' ORDER BY occurred_at`,
      );
      // Three imports, of which only the first wrote (two at once: their transactions may start in either order).
      expect(audit.map((a) => a.after.changed).sort()).toEqual([0, 0, 5]);
    });

    it('a code that ended is never used again', async () => {
      expect(
        await problemsOf(
          `${HEADER}\n${NEXT + 0}-01-01,GM0014,Groningen,GM1680,Aa en Hunze,PV22,absorbed_by_existing,,${EVIDENCE}\n`,
        ),
      ).toEqual([
        { line: 2, message: `new_code GM1680 (Aa en Hunze) ended on ${DAY_BEFORE}; a CBS code is never used again` },
      ]);
    });
  });

  it('bad files get every problem with its line and change nothing', async () => {
    expect(await problemsOf('')).toEqual([
      { line: 1, message: 'the file is empty: a header and at least one reorganisation step are needed' },
    ]);
    expect(await problemsOf(MERGER.replaceAll(',', ';'))).toEqual([
      { line: 1, message: 'the file is separated by semicolons; separate the columns with commas' },
    ]);
    expect(
      await problemsOf(
        [
          HEADER,
          `${DATE},GM9998,,GM1998,Nergensland,PV22,merged_into_new,,${EVIDENCE}`,
          `${DATE},GM0106,Assen,GM0014,,,absorbed_by_existing,,${EVIDENCE}`,
          `${DATE},GM0106,Assen,GM0014,,,absorbed_by_existing,,${EVIDENCE}`,
          `${DATE},GM0088,Schiermonnikoog,GM0080,,,split_part,0.7,${EVIDENCE}`,
          `${DATE},GM0088,Schiermonnikoog,GM0059,,,split_part,0.5,${EVIDENCE}`,
          `${DATE},GM0060,Ameland,GM1997,Waddeneilanden,,merged_into_new,,${EVIDENCE}`,
          `${DATE},GM0093,Terschelling,GM1996,Noordzee,PV21,renamed_new_code,1.5,`,
          `${NEXT + 1}-01-01,GM0096,Vlieland,GM1995,X,PV21,merged_into_new,,${EVIDENCE}`,
        ].join('\n'),
      ),
    ).toEqual([
      { line: 2, message: 'old_code GM9998 is no municipality that is loaded: a code that never existed' },
      { line: 4, message: 'GM0106 to GM0014 is listed twice' },
      { line: 6, message: 'the shares of GM0088 add up to 1.2000, more than 1' },
      { line: 7, message: 'new_province_code is needed for the new municipality GM1997 (PV20 to PV31)' },
      {
        line: 8,
        message: 'share_of_old_addresses "1.5" is not a decimal from 0 to 1 (at most four decimals)',
      },
      {
        line: 8,
        message: 'evidence_source is needed: where the reorganisation is published (the law, the CBS table)',
      },
      {
        line: 9,
        message: `effective_date ${NEXT + 1}-01-01 differs from ${DATE}: a file holds the reorganisation of one date`,
      },
    ]);
    expect(
      await problemsOf(`${HEADER}\n2040-01-01,GM1680,,GM1999,Hunzedal,PV22,merged_into_new,,${EVIDENCE}\n`),
    ).toEqual([
      {
        line: 2,
        message: `effective_date 2040-01-01 is out of range: reorganisations from 2015 to ${NEXT} can be loaded`,
      },
    ]);
    expect(await problemsOf('effective_date,old_code,new_code\n')).toEqual([
      {
        line: 1,
        message: expect.stringContaining('missing: relation, evidence_source'),
      },
    ]);
  });

  it('a Windows-1252 file ("Fryslân" with â as one byte) is read; a JSON body is 415; 6 MB is 413; the VNG may not (403)', async () => {
    const cp1252 = Buffer.concat([
      Buffer.from(`${HEADER}\n${DATE},GM0088,Schiermonnikoog,GM1994,Eilân Frysl`, 'latin1'),
      Buffer.from([0xe2]),
      Buffer.from(`n,PV21,renamed_new_code,,${EVIDENCE}\n`, 'latin1'),
    ]);
    const read = await upload(operator, cp1252, true);
    expect(outcome(read)).toMatchObject({
      status: 200,
      body: { started: [{ code: 'GM1994', name: 'Eilân Fryslân', provinceCode: 'PV21' }] },
    });
    const json = await operator.post(`${URL}?dryRun=true`).send({ code: 'GM0106' });
    expect(outcome(json)).toMatchObject({ status: 415, body: { type: '/problems/not-a-csv-file' } });
    const large = await upload(operator, HEADER + '\n' + 'x'.repeat(6 * 1_048_576), true);
    expect(outcome(large)).toMatchObject({ status: 413 });
    expect((await upload(vng, MERGER, true)).status).toBe(403);
  });
});
