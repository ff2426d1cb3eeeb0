import { Logger } from '@nestjs/common';
import request from 'supertest';
import { sql } from './support/test-database';
import { PROBLEM } from './support/http';
import { Client, startSignedIn, TestApp } from './support/test-app';
import { municipalityOrganisationId, sensoorIds } from './support/demo';

/**
 * Bad input, by class (deep nesting, wrong types, over-long strings, NUL and other control
 * characters, lone surrogates, null for a required field, broken percent-encoding), sent to
 * several operations: each is a 4xx problem+json naming the field, and nothing is written.
 */
describe('bad input is a 4xx problem naming the field, never a 500, and writes nothing', () => {
  let t: TestApp, operator: Client, financeAssen: Client, sensoor: Client;
  let providerId: string, assenOrganisationId: string;

  /** A well-formed id of nothing: these requests must be refused before it is looked up. */
  const SOME_ID = '00000000-0000-4000-8000-000000000000';

  /** Every table a request of this spec could write to, with its row count. */
  const TABLES = [
    'app_user',
    'organisation',
    'provider',
    'billing_details',
    'purchase_order',
    'login_failure',
    'refresh_token',
    'audit_event',
    'service',
    'contract',
    'contract_amendment',
    'participation',
    'invoice_run',
    'service_statistic',
    'population_figure',
    'municipal_change',
    'invoice_document',
    'payment',
  ];
  const rowCounts = async () => {
    const rows = await sql<{ name: string; count: string }>(
      t.databaseUrl,
      TABLES.map((table) => `SELECT '${table}' AS name, count(*) FROM ${table}`).join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map((row) => [row.name, Number(row.count)]));
  };
  /** The provider's row as stored, to prove a refused PATCH changed nothing. */
  const providerRow = async () =>
    (await sql(t.databaseUrl, 'SELECT * FROM provider WHERE organisation_id = $1', [providerId]))[0];

  beforeAll(async () => {
    [t, operator, financeAssen, sensoor] = await startSignedIn(
      'operator@demo.nl',
      'finance.gm0106@demo.nl',
      'sensoor@demo.nl',
    );
    ({ providerId } = await sensoorIds(operator));
    assenOrganisationId = await municipalityOrganisationId(t, 'GM0106');
  });
  afterAll(() => t.close());

  /** A 4xx problem document; with `field`, one of its errors names that field. */
  const expectRefused = (res: request.Response, field?: string, status = 400) => {
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
      status,
      type: expect.stringContaining(PROBLEM),
    });
    expect(res.body).toMatchObject({ status, requestId: expect.any(String) });
    if (field) expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };

  const validUser = {
    email: 'nieuw.persoon@assen.nl',
    name: 'Nieuw Persoon',
    roles: ['OFFICER'],
    password: 'een-lang-wachtwoord',
  };
  const validProvider = {
    legalName: 'Stichting Luisterlijn Test',
    kvkNumber: '12345678',
    iban: 'NL91ABNA0417164300',
    street: 'Postbus 2',
    postalCode: '3500 AA',
    city: 'Utrecht',
    invoicePrefix: 'TST',
  };
  const validBillingDetails = {
    oin: '00000001001234567000',
    invoiceAddress: { street: 'Noordersingel 33', postalCode: '9401 JW', city: 'Assen' },
    invoiceEmail: 'facturen@assen.nl',
  };

  /** The operations of this spec: how to send a body (or, for GET, a query string) to each. */
  type Send = (body: string | object) => request.Test;
  const json = (test: request.Test, body: string | object) =>
    typeof body === 'string' ? test.set('content-type', 'application/json').send(body) : test.send(body);
  const operations: Record<string, () => Send> = {
    'POST /auth/login': () => (body) => json(request(t.server).post('/api/v1/auth/login'), body),
    'POST /auth/refresh': () => (body) => json(request(t.server).post('/api/v1/auth/refresh'), body),
    'POST /auth/logout': () => (body) => json(request(t.server).post('/api/v1/auth/logout'), body),
    'POST /users': () => (body) => json(operator.post('/api/v1/users'), body),
    'PATCH /users/{id}': () => (body) => json(operator.patch(`/api/v1/users/${assenOrganisationId}`), body),
    'POST /organisations': () => (body) => json(operator.post('/api/v1/organisations'), body),
    'POST /providers': () => (body) => json(operator.post('/api/v1/providers'), body),
    'PATCH /providers/{id}': () => (body) => json(sensoor.patch(`/api/v1/providers/${providerId}`), body),
    'POST /auth/session': () => (body) => json(request(t.server).post('/api/v1/auth/session'), body),
    'PATCH /contracts/{id}': () => (body) => json(operator.patch(`/api/v1/contracts/${SOME_ID}`), body),
    'POST /contracts/{id}/amendments': () => (body) =>
      json(operator.post(`/api/v1/contracts/${SOME_ID}/amendments`), body),
    'POST /contracts/{id}/participants': () => (body) =>
      json(operator.post(`/api/v1/contracts/${SOME_ID}/participants`), body),
    'POST /contracts/{id}/invoice-runs': () => (body) =>
      json(operator.post(`/api/v1/contracts/${SOME_ID}/invoice-runs`), body),
    'POST /providers/{id}/statistics': () => (body) =>
      json(sensoor.post(`/api/v1/providers/${providerId}/statistics`), body),
    'POST /invoices/{id}/payments': () => (body) => json(operator.post(`/api/v1/invoices/${SOME_ID}/payments`), body),
    'POST /invoices/{id}/credit-notes': () => (body) =>
      json(operator.post(`/api/v1/invoices/${SOME_ID}/credit-notes`), body),
    'PUT /municipalities/{code}/billing-details': () => (body) =>
      json(financeAssen.put('/api/v1/municipalities/GM0106/billing-details'), body),
  };

  let before: Record<string, number>;
  let providerBefore: Record<string, unknown>;
  // Every unexpected error is logged through Nest's Logger (the problem filter, Fastify's framework errors).
  const errorLog = jest.spyOn(Logger.prototype, 'error');
  beforeEach(async () => {
    before = await rowCounts();
    providerBefore = await providerRow();
    errorLog.mockClear();
  });
  afterEach(async () => {
    expect(await rowCounts()).toEqual(before);
    expect(await providerRow()).toEqual(providerBefore);
    expect(errorLog).not.toHaveBeenCalled();
  });

  describe('a body nested 5,000 levels deep is refused before it is turned into objects', () => {
    const deepObject = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const deepArray = '['.repeat(5000) + ']'.repeat(5000);
    it.each(Object.keys(operations))('%s', async (operation) => {
      expectRefused(await operations[operation]()(deepObject), 'body');
      expectRefused(await operations[operation]()(`{"email":${deepArray}}`), 'body');
    });

    it('a 1 MB body of nothing but nesting is refused the same way', async () => {
      const deepest = '['.repeat(500_000) + ']'.repeat(500_000);
      expectRefused(await operations['POST /auth/refresh']()(deepest), 'body');
    });

    it('a body over 1 MB is refused (413) before it is read', async () => {
      const res = await operations['POST /auth/login']()({ email: 'a@b.nl', password: 'x'.repeat(1_100_000) });
      expectRefused(res, undefined, 413);
    });

    it('brackets inside a string are not nesting', async () => {
      const res = await request(t.server)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: '['.repeat(100) + '{'.repeat(100) });
      expectRefused(res, undefined, 401);
    });
  });

  describe.each(['null', '"Stichting"', '42', 'true', '[]', '[{"name":"x"}]'])('a body of %s', (body) => {
    it.each(Object.keys(operations))('%s', async (operation) => {
      const res = await operations[operation]()(body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers['content-type']).toContain(PROBLEM);
    });
  });

  it('JSON with __proto__ or constructor.prototype keys is refused and pollutes nothing', async () => {
    const polluted = '{"email":"a@b.nl","password":"x","__proto__":{"polluted":true}}';
    expectRefused(await operations['POST /auth/login']()(polluted));
    const constructor = '{"name":"x","constructor":{"prototype":{"polluted":true}}}';
    expectRefused(await operations['POST /organisations']()(constructor));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe('a non-string where a string is expected names the field', () => {
    it.each([
      ['POST /auth/login', { email: 42, password: 'welkom-demo' }, 'email'],
      ['POST /auth/login', { email: ['operator@demo.nl'], password: 'welkom-demo' }, 'email'],
      ['POST /auth/login', { email: { trim: 1 }, password: 'welkom-demo' }, 'email'],
      ['POST /auth/session', { email: 42, password: 'welkom-demo' }, 'email'],
      ['POST /auth/login', { email: 'operator@demo.nl', password: 12345 }, 'password'],
      ['POST /auth/login', { email: 'operator@demo.nl', password: ['welkom-demo'] }, 'password'],
      ['POST /auth/refresh', { refreshToken: 1234567890123456 }, 'refreshToken'],
      ['POST /auth/logout', { refreshToken: ['x'.repeat(40)] }, 'refreshToken'],
      ['POST /users', { ...validUser, email: 5 }, 'email'],
      ['POST /users', { ...validUser, name: { first: 'a' } }, 'name'],
      ['POST /providers', { ...validProvider, street: 7 }, 'street'],
      ['PATCH /providers/{id}', { city: ['Utrecht'] }, 'city'],
      ['PUT /municipalities/{code}/billing-details', { ...validBillingDetails, invoiceEmail: 1 }, 'invoiceEmail'],
    ])('%s, case %#', async (operation, body, field) => {
      expectRefused(await operations[operation]()(body), field);
    });
  });

  describe('a string longer than its column names the field', () => {
    const longEmail = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.nl`;
    it('the e-mail address is longer than 254 characters', () => expect(longEmail.length).toBeGreaterThan(254));
    it.each([
      ['POST /auth/login', { email: longEmail, password: 'welkom-demo' }, 'email'],
      ['POST /auth/login', { email: 'operator@demo.nl', password: 'x'.repeat(10_000) }, 'password'],
      ['POST /users', { ...validUser, email: longEmail }, 'email'],
      ['POST /providers', { ...validProvider, email: longEmail }, 'email'],
      ['PATCH /providers/{id}', { email: longEmail }, 'email'],
      [
        'PUT /municipalities/{code}/billing-details',
        { ...validBillingDetails, invoiceEmail: longEmail },
        'invoiceEmail',
      ],
      ['POST /organisations', { kind: 'ASSOCIATION', name: 'x'.repeat(100_000) }, 'name'],
    ])('%s, case %#', async (operation, body, field) => {
      expectRefused(await operations[operation]()(body), field);
    });
  });

  describe.each([
    ['a NUL character', 'a\u0000b'],
    ['a control character', 'a\u0007b'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', 'a\udc00b'],
  ])('%s in a string names the field', (_class, bad) => {
    it.each([
      ['POST /auth/login', { email: `operator${bad}@demo.nl`, password: 'welkom-demo' }, 'email'],
      ['POST /auth/login', { email: 'nobody@demo.nl', password: `welkom${bad}` }, 'password'],
      ['POST /auth/session', { email: `operator${bad}@demo.nl`, password: 'welkom-demo' }, 'email'],
      ['PATCH /contracts/{id}', { title: `Contract ${bad}` }, 'title'],
      [
        'POST /providers/{id}/statistics',
        { year: 2024, channels: [{ kind: 'PHONE', conversations: 1 }], source: `Jaarverslag ${bad}` },
        'source',
      ],
      ['POST /auth/refresh', { refreshToken: `${'x'.repeat(30)}${bad}` }, 'refreshToken'],
      ['POST /auth/logout', { refreshToken: `${'x'.repeat(30)}${bad}` }, 'refreshToken'],
      ['POST /users', { ...validUser, name: `Nieuw ${bad}` }, 'name'],
      ['PATCH /users/{id}', { name: `Nieuw ${bad}` }, 'name'],
      ['POST /organisations', { kind: 'ASSOCIATION', name: `Vereniging ${bad}` }, 'name'],
      ['POST /providers', { ...validProvider, legalName: `Stichting ${bad}` }, 'legalName'],
      ['PATCH /providers/{id}', { street: `Postbus ${bad}` }, 'street'],
      [
        'PUT /municipalities/{code}/billing-details',
        { ...validBillingDetails, invoiceAddress: { ...validBillingDetails.invoiceAddress, street: `Straat ${bad}` } },
        'invoiceAddress.street',
      ],
      [
        'PUT /municipalities/{code}/billing-details',
        { purchaseOrders: [{ contractId: assenOrganisationId, year: 2025, number: `PO${bad}` }] },
        'purchaseOrders.0.number',
      ],
    ])('%s, case %#', async (operation, body, field) => {
      expectRefused(await operations[operation]()(body), field);
    });
  });

  // A URL carries UTF-8, which cannot hold a lone surrogate: its bytes decode to U+FFFD, harmless.
  it.each([
    ['a NUL character', '%00'],
    ['a control character', '%07'],
    ['DEL', '%7F'],
  ])('%s in a query parameter (q of the municipality list) names it', async (_class, bad) => {
    expectRefused(await operator.get(`/api/v1/municipalities?q=a${bad}b`), 'q');
  });

  it('the bytes of a lone surrogate in a query parameter are not a server error', async () => {
    const res = await operator.get('/api/v1/municipalities?q=a%ED%A0%80b');
    expect(res.status).toBeLessThan(500);
  });

  it.each([
    [
      '/api/v1/billing-details/imports',
      'code,oin,kvkNumber,street,postalCode,city,invoiceEmail\r\nGM0106,,,Straat\u0000 1,9401 JW,Assen,\r\n',
    ],
    ['/api/v1/reference-data/population-imports', 'code,year,population\nGM0106,2024,\u000068000\n'],
    [
      '/api/v1/reference-data/reorganisation-imports',
      'effective_date,old_code,new_code,new_name,relation\n2027-01-01,GM0106,GM1999,Assen\u0000,absorbed_by_existing\n',
    ],
  ])('a NUL in an uploaded file (%s) names the body and its line', async (url, file) => {
    const res = await operator.post(`${url}?dryRun=false`).set('content-type', 'text/csv').send(file);
    expectRefused(res, 'body');
    expect(res.body.errors[0].message).toContain('line 2');
  });

  it('tab, newline and carriage return are ordinary characters', async () => {
    const res = await operator.get(`/api/v1/municipalities?q=${encodeURIComponent('assen\t')}`);
    expect(res.status).toBe(200);
  });

  describe('null for a field whose column is NOT NULL names the field', () => {
    it.each([
      ['PATCH /providers/{id}', { legalName: null }, 'legalName'],
      ['PATCH /providers/{id}', { iban: null }, 'iban'],
      ['PATCH /providers/{id}', { invoicePrefix: null }, 'invoicePrefix'],
      ['PATCH /users/{id}', { name: null }, 'name'],
      ['PATCH /users/{id}', { active: null }, 'active'],
      ['POST /users', { ...validUser, name: null }, 'name'],
      ['PATCH /contracts/{id}', { title: null }, 'title'],
      ['PATCH /contracts/{id}', { billingFrequency: null }, 'billingFrequency'],
      ['PATCH /contracts/{id}', { paymentTermDays: null }, 'paymentTermDays'],
      ['PATCH /contracts/{id}', { serviceIds: null }, 'serviceIds'],
      [
        'POST /contracts/{id}/amendments',
        { effectiveDate: '2026-01-01', reason: 'Nieuwe betaaltermijn', paymentTermDays: null },
        'paymentTermDays',
      ],
      ['POST /contracts/{id}/participants', { code: 'GM0106', from: null }, 'from'],
      ['POST /contracts/{id}/invoice-runs', { year: null }, 'year'],
      ['POST /providers/{id}/statistics', { year: null, channels: [{ kind: 'PHONE', conversations: 1 }] }, 'year'],
    ])('%s, case %#', async (operation, body, field) => {
      expectRefused(await operations[operation]()(body), field);
    });
  });

  describe('a number beyond its column names the field', () => {
    it.each([
      ['POST /invoices/{id}/payments', { amountCents: 1e20, date: '2026-01-01', reference: 'Bank' }, 'amountCents'],
      [
        'POST /invoices/{id}/credit-notes',
        { reason: 'Correctie', lines: [{ lineNumber: 40_000, amountCents: 100 }] },
        'lines.0.lineNumber',
      ],
    ])('%s, case %#', async (operation, body, field) => {
      expectRefused(await operations[operation]()(body), field);
    });
  });

  describe('a path that does not decode is a 400 problem', () => {
    it.each([
      '/api/v1/municipalities/%E0%A4%A',
      '/api/v1/municipalities/%zz',
      '/api/v1/users/%E0%A4%A',
      '/api/v1/providers/%C0%AF',
    ])('%s', async (url) => {
      expectRefused(await operator.get(url), undefined, 400);
    });

    it.each([
      ['/api/v1/municipalities/GM%0006', 'code'],
      ['/api/v1/users/%00', 'id'],
      [`/api/v1/providers/${'%00'.repeat(3)}`, 'id'],
    ])('NUL in a path parameter: %s', async (url, field) => {
      expectRefused(await operator.get(url), field, 400);
    });
  });
});
