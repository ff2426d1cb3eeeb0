import { collectiveDraft, suppliers } from '../support/contracts';
import { contractId } from '../support/demo';
import { outcome } from '../support/http';
import { demoBillingDetailsOnly } from '../support/invoicing';
import { Client, startSignedIn, TestApp } from '../support/test-app';
import { sql } from '../support/test-database';

const URL = '/api/v1/billing-details/imports';
const HEADER = 'code,oin,kvkNumber,street,postalCode,city,invoiceEmail';
// Assen's OIN and KvK number and town-hall address are public; Groningen's row is made up (test data).
const FILE = [
  HEADER,
  'GM0106,00000001001589623000,01176040,Noordersingel 33,9401jw,Assen,facturen@assen.nl',
  'GM0014,,,Kreupelstraat 1,9712 HW,Groningen,',
].join('\n');

describe('billing details in bulk: the VNG for the municipalities in its contracts, the operator for all', () => {
  let t: TestApp;
  let vng: Client;
  let operator: Client;
  let officerAssen: Client;
  let financeAssen: Client;

  const upload = (client: Client, body: string, dryRun: boolean) =>
    client.post(`${URL}?dryRun=${dryRun}`).set('Content-Type', 'text/csv').send(body);
  const details = async (code: string) =>
    (await operator.get(`/api/v1/municipalities/${code}/billing-details`).expect(200)).body;

  beforeAll(async () => {
    [t, vng, operator, officerAssen, financeAssen] = await startSignedIn(
      'vng@demo.nl',
      'operator@demo.nl',
      'officer.gm0106@demo.nl',
      'finance.gm0106@demo.nl',
    );
    await demoBillingDetailsOnly(t);
  });
  afterAll(() => t.close());

  it("a dry run reports every value it would change (the demo has Assen's address already), the postal code normalised, and writes nothing (200)", async () => {
    const res = await upload(vng, FILE, true);
    expect(outcome(res)).toMatchObject({ status: 200, body: { applied: false, rows: 2 } });
    expect(res.body.changes).toEqual([
      { code: 'GM0106', field: 'oin', previous: null, value: '00000001001589623000' },
      { code: 'GM0106', field: 'kvkNumber', previous: null, value: '01176040' },
      { code: 'GM0106', field: 'invoiceEmail', previous: null, value: 'facturen@assen.nl' },
      { code: 'GM0014', field: 'street', previous: null, value: 'Kreupelstraat 1' },
      { code: 'GM0014', field: 'postalCode', previous: null, value: '9712 HW' },
      { code: 'GM0014', field: 'city', previous: null, value: 'Groningen' },
    ]);
    expect((await details('GM0106')).oin).toBeNull();
  });

  it("the import applies them (201); each municipality's audit log names the VNG", async () => {
    expect(outcome(await upload(vng, FILE, false))).toMatchObject({ status: 201, body: { applied: true } });
    expect(await details('GM0106')).toMatchObject({
      oin: '00000001001589623000',
      kvkNumber: '01176040',
      invoiceAddress: { street: 'Noordersingel 33', postalCode: '9401 JW', city: 'Assen' },
      invoiceEmail: 'facturen@assen.nl',
    });
    const audit = await sql<{ actor: string; concerns: string }>(
      t.databaseUrl,
      `SELECT a.name AS actor, c.name AS concerns FROM audit_event e
         JOIN organisation a ON a.id = e.actor_organisation_id JOIN organisation c ON c.id = e.organisation_id
        WHERE e.action = 'billing-details.imported' ORDER BY c.name`,
    );
    expect(audit).toEqual([
      { actor: 'Vereniging van Nederlandse Gemeenten', concerns: 'Gemeente Assen' },
      { actor: 'Vereniging van Nederlandse Gemeenten', concerns: 'Gemeente Groningen' },
    ]);
  });

  it('the same file again changes nothing; an empty cell leaves a value as it is', async () => {
    expect((await upload(vng, FILE, false)).body.changes).toEqual([]);
    const res = await upload(vng, `${HEADER}\nGM0106,,,,,,facturatie@assen.nl\n`, false);
    expect(res.body.changes).toEqual([
      { code: 'GM0106', field: 'invoiceEmail', previous: 'facturen@assen.nl', value: 'facturatie@assen.nl' },
    ]);
    expect((await details('GM0106')).oin).toBe('00000001001589623000');
  });

  it("sets a purchase-order number for a contract and year, and Assen's own finance staff may still change its details", async () => {
    const vng2018 = await contractId(t, 'VNG-SEN-2018');
    const res = await upload(
      vng,
      `${HEADER},contractReference,year,purchaseOrderNumber\nGM0106,,,,,,,VNG-SEN-2018,2026,4500077777\n`,
      false,
    );
    expect(outcome(res)).toMatchObject({ status: 201 });
    expect(res.body.changes).toEqual([
      {
        code: 'GM0106',
        field: 'purchaseOrderNumber',
        contractReference: 'VNG-SEN-2018',
        year: 2026,
        previous: null,
        value: '4500077777',
      },
    ]);
    expect((await details('GM0106')).purchaseOrders).toEqual([
      { contractId: vng2018, year: 2026, number: '4500077777' },
    ]);
    const again = await upload(
      vng,
      `${HEADER},contractReference,year,purchaseOrderNumber\nGM0106,,,,,,,VNG-SEN-2018,2026,4500077777\n`,
      false,
    );
    expect(again.body.changes).toEqual([]);
    const own = await financeAssen
      .put('/api/v1/municipalities/GM0106/billing-details')
      .send({ invoiceEmail: 'crediteuren@assen.nl' });
    expect(own.status).toBe(200);
  });

  it("another association's contract manager (no contracts) cannot set Assen's details: 422 with the line, nothing written", async () => {
    const association = await operator
      .post('/api/v1/organisations')
      .send({ kind: 'ASSOCIATION', name: 'Samenwerkingsverband (test)' })
      .expect(201);
    await operator
      .post('/api/v1/users')
      .send({
        email: 'contracten@samenwerking.test',
        name: 'Contractbeheer samenwerkingsverband',
        roles: ['CONTRACT_MANAGER'],
        password: 'een-lang-wachtwoord',
        organisationId: association.body.id,
      })
      .expect(201);
    const manager = await t.as('contracten@samenwerking.test', 'een-lang-wachtwoord');
    const res = await upload(manager, `${HEADER}\nGM0106,,,,,,iemand@example.nl\n`, false);
    expect(outcome(res)).toMatchObject({ status: 422, body: { type: '/problems/invalid-billing-file' } });
    expect(res.body.problems).toEqual([
      {
        line: 2,
        field: 'code',
        message: 'GM0106 takes no part in a contract of yours; its own finance staff keep its details',
      },
    ]);
    expect((await details('GM0106')).invoiceEmail).not.toBe('iemand@example.nl');

    // A draft contract of its own with Assen enrolled from 2030 gives it no say over Assen's details today.
    const { sensoor } = await suppliers(manager);
    const draft = await collectiveDraft(manager, sensoor, { startDate: '2030-01-01', endDate: '2030-12-31' });
    expect(
      (await manager.post(`/api/v1/contracts/${draft.id}/participants`).send({ code: 'GM0106', from: '2030-01-01' }))
        .status,
    ).toBe(201);
    const again = await upload(manager, `${HEADER}\nGM0106,,,,,,iemand@example.nl\n`, false);
    expect(outcome(again)).toMatchObject({ status: 422 });
    expect(again.body.problems[0].message).toBe(
      'GM0106 takes no part in a contract of yours; its own finance staff keep its details',
    );
  });

  it('bad values: every problem with its line and column (422), nothing written', async () => {
    const res = await upload(
      operator,
      [
        HEADER,
        'GM0106,00000001001589624000,123,,,,',
        'GM9999,,,,,,',
        'GM0014,,,Kreupelstraat 1,97 HW,Groningen,x',
      ].join('\n'),
      false,
    );
    expect(outcome(res)).toMatchObject({ status: 422 });
    expect(res.body.problems).toEqual([
      {
        line: 2,
        field: 'oin',
        message: 'the RSIN in this OIN (001589624) fails the eleven test: a digit is wrong',
      },
      { line: 2, field: 'kvkNumber', message: 'a KvK number is 8 digits' },
      { line: 3, field: 'code', message: 'there is no municipality GM9999' },
      { line: 4, field: 'postalCode', message: '"97 HW" is not a Dutch postal code such as 9401 JW' },
      { line: 4, field: 'invoiceEmail', message: '"x" is not an e-mail address' },
    ]);
  });

  it('too long values and a purchase order of year 0000 are problems, not errors (422)', async () => {
    const res = await upload(
      vng,
      `${HEADER},contractReference,year,purchaseOrderNumber\nGM0106,,,${'s'.repeat(250)},9401 JW,${'c'.repeat(150)},,VNG-SEN-2018,0000,${'n'.repeat(60)}\n`,
      false,
    );
    expect(outcome(res)).toMatchObject({ status: 422 });
    expect(res.body.problems).toEqual([
      { line: 2, field: 'street', message: 'a street is 2 to 200 characters' },
      { line: 2, field: 'city', message: 'a city is 2 to 100 characters' },
      { line: 2, field: 'year', message: '"0000" is not a year from 2015 to 2100' },
    ]);
  });

  it('a Windows-1252 file is read as such: "Súdwest-Fryslân" is stored with its â', async () => {
    const cp1252 = Buffer.concat([
      Buffer.from(`${HEADER}\nGM1900,,,Marktstraat 15,8601 CG,Súdwest-Frysl`, 'latin1'),
      Buffer.from([0xe2]),
      Buffer.from('n,\n', 'latin1'),
    ]);
    const res = await vng.post(`${URL}?dryRun=true`).set('Content-Type', 'text/csv').send(cp1252);
    expect(outcome(res)).toMatchObject({ status: 200 });
    expect(res.body.changes).toContainEqual({
      code: 'GM1900',
      field: 'city',
      previous: null,
      value: 'Súdwest-Fryslân',
    });
  });

  it('the operator may set any municipality; an officer may not import (403)', async () => {
    expect((await upload(operator, `${HEADER}\nGM0363,,,Amstel 1,1011 PN,Amsterdam,\n`, false)).status).toBe(201);
    expect((await upload(officerAssen, FILE, true)).status).toBe(403);
  });
});
