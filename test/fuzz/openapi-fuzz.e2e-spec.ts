import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { binary } from '../support/http';
import { sql } from '../support/test-database';
import { listenOnce, startTestApp, TestApp, waitForRun } from '../support/test-app';
import { ResponseValidator } from './response-validator';
import {
  arbitraryFor,
  DEEP,
  exampleFor,
  HOSTILE_VALUES,
  hostileArb,
  JsonSchema,
  LONG,
  mutatedArbitraryFor,
  resolve,
  SchemaContext,
} from './schema-arbitrary';

/**
 * A property-based fuzzer generated from the OpenAPI document the app serves: every operation,
 * as several roles and without credentials, with path and query parameters and bodies generated
 * from the operation's schemas and mixed with hostile values (deep nesting, NUL, lone surrogates,
 * over-long strings, wrong types, nulls, extra properties, bodies that are not JSON).
 *
 * Fails on any 5xx, on an error answer that is not a problem document (RFC 9457), and on a 2xx
 * whose JSON body does not match the documented schema (binary answers: status and content type).
 * Every failure of every operation is collected and reported together, grouped by operation.
 *
 * One app for the whole file; nothing is skipped. Reads run first, then writes, then deletes,
 * then the operations that change the fixture most (terminate, imports, logout, session end).
 * Users, API keys and webhooks the fuzzer may change or delete are its own; refresh and logout
 * get tokens of sessions of a user no caller uses, so the callers' sessions never end.
 *
 * Reproducible: a fixed seed by default. Explore with FUZZ_SEED=<n> and FUZZ_RUNS=<runs per
 * operation and caller> (default 8). The report, with the statuses each operation answered, is
 * written to test-output/fuzz/openapi-fuzz.txt; FUZZ_TRACE=1 also writes every request and answer.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_141_231);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const CONCURRENCY = 4;
const REQUEST_TIMEOUT_MS = 60_000;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
interface MediaType {
  schema?: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** A path segment sent exactly as written: malformed percent-encoding cannot be produced by encoding a string. */
class RawSegment {
  constructor(readonly text: string) {}
}

/** Sent as a string: superagent does not deliver a Buffer body as it is. */
interface Body {
  contentType: string;
  data: string;
}
interface FuzzRequest {
  /** The class of input, for the report: a fixed case's name, or what a generated request holds. */
  input?: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Body;
}
interface Caller {
  name: string;
  /** Fixed credentials, or none: then each request draws no, malformed or unknown credentials. */
  authorization?: string;
}
interface Failure {
  operation: string;
  input: string;
  kind: string;
  caller: string;
  request: string;
  status: number;
  response: string;
}

/** Operations that change the fixture for later ones (or end sessions): run after all others. */
const LAST = new Set([
  'POST /api/v1/contracts/{id}/terminate',
  'POST /api/v1/reference-data/reorganisation-imports',
  'POST /api/v1/reference-data/population-imports',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/session/end',
]);

const JSON_RAW_BODIES: Array<[string, string]> = [
  ['deep array', '['.repeat(DEEP) + ']'.repeat(DEEP)],
  ['deep object', '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP)],
  ['empty', ''],
  ['null', 'null'],
  ['array', '[]'],
  ['number', '42'],
  ['string', '"x"'],
  ['malformed', '{"a":1,'],
];

describe('OpenAPI fuzzer', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let validator: ResponseValidator;
  let ctx: SchemaContext;
  let callers: Caller[];
  /** Real ids by the collection a path parameter names (`contracts`, `invoices`, ...). */
  const pools: Record<string, string[]> = {};

  beforeAll(async () => {
    // The fuzzer is not about the rate limit (tested elsewhere): thousands of requests from one address.
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
    await listenOnce(t);
    doc = (await request(t.server).get('/api/docs-json').expect(200)).body;
    validator = new ResponseValidator(doc.components.schemas);
    const token = async (email: string) => `Bearer ${(await t.login(email)).accessToken}`;
    callers = [
      { name: 'OPERATOR', authorization: await token('operator@demo.nl') },
      { name: 'CONTRACT_MANAGER+ORG_ADMIN (VNG)', authorization: await token('vng@demo.nl') },
      { name: 'FINANCE (Assen)', authorization: await token('finance.gm0106@demo.nl') },
      { name: 'OFFICER (Assen)', authorization: await token('officer.gm0106@demo.nl') },
      { name: 'anonymous' },
    ];
    Object.assign(pools, await realIds(t, callers[0].authorization!, callers[1].authorization!));
    const all = [...new Set(Object.values(pools).flat())].filter((id) => /^[0-9a-f-]{36}$/.test(id));
    ctx = {
      schemas: doc.components.schemas,
      ids: {
        '*': all,
        supplierId: pools.providers,
        organisationId: pools.organisations,
        organisation: pools.organisations,
        contract: pools.contracts,
        run: pools['invoice-runs'],
        serviceIds: pools.services,
        refreshToken: pools.refreshTokens,
      },
    };
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('answers every generated request without a 5xx, with problem+json errors and documented 2xx bodies', async () => {
    const started = Date.now();
    const failures: Failure[] = [];
    const perCaller = new Map<string, number>();
    const perOperation: Array<[string, number, number]> = [];
    /** Statuses per operation: how deep the generated requests got (an operation never answering 2xx is barely exercised). */
    const statuses = new Map<string, Map<number, number>>();
    const trace: string[] = [];
    const operations = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })))
      .sort((a, b) => phase(a.method, a.path) - phase(b.method, b.path));
    expect(operations.length).toBeGreaterThan(50);

    for (const { path, method, op } of operations) {
      const name = `${method.toUpperCase()} ${path}`;
      const opStarted = Date.now();
      let count = 0;
      for (const caller of callers) {
        const requests = requestsFor(path, method, op, caller);
        perCaller.set(caller.name, (perCaller.get(caller.name) ?? 0) + requests.length);
        count += requests.length;
        await inPool(requests, CONCURRENCY, async (req) => {
          const problem = await send(req).then(
            (res) => {
              const counts = statuses.get(name) ?? new Map<number, number>();
              counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
              statuses.set(name, counts);
              if (process.env.FUZZ_TRACE)
                trace.push(
                  `${caller.name} [${req.input}] ${describeRequest(req)} -> ${res.status} ${excerpt(Buffer.isBuffer(res.body) ? res.body.toString('utf8') : '', 300)}`,
                );
              return judge(op, res);
            },
            (error: Error) => ({ kind: `no answer (${error.message})`, status: 0, response: '' }),
          );
          if (problem)
            failures.push({
              operation: name,
              caller: caller.name,
              input: req.input ?? 'generated',
              request: describeRequest(req),
              ...problem,
            });
        });
      }
      perOperation.push([name, count, Date.now() - opStarted]);
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const summary = [
      `OpenAPI fuzzer: seed ${SEED}, ${RUNS} generated runs per operation and caller, ${operations.length} operations, ${seconds} s`,
      ...[...perCaller].map(([caller, n]) => `  ${caller}: ${n} requests`),
      `  total: ${[...perCaller.values()].reduce((a, b) => a + b, 0)} requests`,
      `  slowest operations: ${perOperation
        .sort((a, b) => b[2] - a[2])
        .slice(0, 5)
        .map(([op, n, ms]) => `${op} (${n} requests, ${(ms / 1000).toFixed(1)} s)`)
        .join('; ')}`,
    ].join('\n');
    const report = failureReport(failures);
    mkdirSync('test-output/fuzz', { recursive: true });
    const coverage = [...statuses]
      .map(
        ([op, counts]) =>
          `  ${op}: ${[...counts]
            .sort(([a], [b]) => a - b)
            .map(([status, n]) => `${status}x${n}`)
            .join(' ')}`,
      )
      .join('\n');
    writeFileSync(
      join('test-output/fuzz', 'openapi-fuzz.txt'),
      `${summary}\n\n${report || 'No failures.'}\n\nStatuses per operation:\n${coverage}\n`,
    );
    if (process.env.FUZZ_TRACE) writeFileSync(join('test-output/fuzz', 'openapi-fuzz-trace.txt'), trace.join('\n'));
    console.log(summary);
    if (failures.length) throw new Error(`${failures.length} failing requests\n${summary}\n\n${report}`);
  }, 600_000);

  function requestsFor(path: string, method: string, op: Operation, caller: Caller): FuzzRequest[] {
    const name = `${method.toUpperCase()} ${path}`;
    const arb = requestArbitrary(path, method, op, caller);
    const seed = (SEED ^ hash(`${name} ${caller.name}`)) | 0;
    const generated = fc.sample(arb, { seed, numRuns: RUNS }).map((req) => ({ ...req, input: generatedInput(req) }));
    return [...fixedRequests(path, method, op, caller), ...generated];
  }

  /** Every class of bad input at least once per operation: whole bodies for every caller, each field for the OPERATOR. */
  function fixedRequests(path: string, method: string, op: Operation, caller: Caller): FuzzRequest[] {
    const params = op.parameters ?? [];
    const pathValues = Object.fromEntries(
      params.filter((p) => p.in === 'path').map((p) => [p.name, pathPool(path, p.name)[0] ?? 'x']),
    );
    const baseQuery = Object.fromEntries(
      params
        .filter((p) => p.in === 'query' && p.required)
        .map((p) => [p.name, exampleFor(paramSchema(p), ctx, p.name)]),
    );
    const json = op.requestBody?.content['application/json']?.schema;
    const csv = op.requestBody?.content['text/csv']?.schema;
    const requests: FuzzRequest[] = [];
    const add = (input: string, pathParams: Record<string, unknown>, query: Record<string, unknown>, body?: Body) =>
      requests.push({ ...buildRequest(method, path, pathParams, query, caller, {}, body), input });
    if (json || (csv === undefined && method !== 'get')) {
      for (const [label, text] of JSON_RAW_BODIES) add(`JSON body: ${label}`, pathValues, baseQuery, jsonText(text));
      add('body: text/plain', pathValues, baseQuery, { contentType: 'text/plain', data: 'x' });
      add('body: form-urlencoded', pathValues, baseQuery, {
        contentType: 'application/x-www-form-urlencoded',
        data: 'email=a%40b.nl&password=x',
      });
    }
    if (csv)
      for (const [label, text] of csvBodies(csv)) add(`CSV body: ${label}`, pathValues, baseQuery, csvBody(text));
    if (caller.name !== 'OPERATOR') return requests;
    if (json) {
      const example = exampleFor(json, ctx) as Record<string, unknown>;
      add('JSON body: the documented example', pathValues, baseQuery, jsonBody(example));
      const properties = resolve(json, ctx).properties ?? {};
      for (const property of Object.keys(properties))
        for (const [label, value] of HOSTILE_VALUES)
          add(`body field ${property}: ${label}`, pathValues, baseQuery, jsonBody({ ...example, [property]: value }));
      add('body: an extra property', pathValues, baseQuery, jsonBody({ ...example, unexpected: 'x' }));
    }
    for (const p of params.filter((param) => param.in === 'query'))
      for (const [label, value] of HOSTILE_VALUES)
        if (!(value && typeof value === 'object' && !Array.isArray(value)))
          add(`query ${p.name}: ${label}`, pathValues, { ...baseQuery, [p.name]: value });
    if (params.some((p) => p.in === 'query')) {
      add('query: an unknown parameter', pathValues, { ...baseQuery, unexpected: '1' });
      // Beyond Node's 16 kB header limit: answered before Fastify routes the request.
      add('query: a URL over 16 kB', pathValues, { ...baseQuery, unexpected: 'a'.repeat(20_000) });
    }
    const hostileSegments: Array<[string, unknown]> = [
      ['NUL', 'a\u0000b'],
      ['lone surrogate', 'a\ud800b'],
      ['over-long string', LONG],
      ['negative', '-1'],
      ['bad percent-encoding', new RawSegment('%')],
      ['truncated UTF-8', new RawSegment('%E0%A4%A')],
    ];
    for (const p of params.filter((param) => param.in === 'path'))
      for (const [label, value] of hostileSegments)
        add(`path ${p.name}: ${label}`, { ...pathValues, [p.name]: value }, baseQuery);
    return requests;
  }

  function requestArbitrary(path: string, method: string, op: Operation, caller: Caller): fc.Arbitrary<FuzzRequest> {
    const params = op.parameters ?? [];
    const pathArb = fc.record(
      Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, pathParamArb(path, p)])),
    );
    const queryParams = params.filter((p) => p.in === 'query');
    const queryArb = fc
      .tuple(
        fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valueArb(paramSchema(p), p.name)])), {
          requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
        }),
        fc.option(
          fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 1 }),
          {
            freq: 6,
          },
        ),
      )
      .map(([query, extra]) => ({ ...(extra ?? {}), ...query }));
    const headerArb = fc.record(
      Object.fromEntries(params.filter((p) => p.in === 'header').map((p) => [p.name, fc.string({ maxLength: 40 })])),
      { requiredKeys: [] },
    );
    const json = op.requestBody?.content['application/json']?.schema;
    const csv = op.requestBody?.content['text/csv']?.schema;
    const rawJson = fc.constantFrom(...JSON_RAW_BODIES.map(([, text]) => jsonText(text)));
    const bodyArb: fc.Arbitrary<Body | undefined> = json
      ? fc.oneof(
          { weight: 3, arbitrary: arbitraryFor(json, ctx).map(jsonBody) },
          { weight: 5, arbitrary: mutatedArbitraryFor(json, ctx).map(jsonBody) },
          { weight: 1, arbitrary: rawJson },
        )
      : csv
        ? fc.oneof(
            fc.constantFrom(...csvBodies(csv).map(([, text]) => text)).map(csvBody),
            fc.string({ unit: 'binary', maxLength: 200 }).map(csvBody),
          )
        : method === 'get'
          ? fc.constant(undefined)
          : fc.option(fc.oneof(rawJson, hostileArb.map(jsonBody)), { freq: 3 });
    const credentialsArb = caller.authorization
      ? fc.constant({})
      : fc.oneof(
          { weight: 3, arbitrary: fc.constant({}) },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              { Authorization: 'Bearer x' },
              { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
              { Authorization: 'Basic b3BlcmF0b3JAZGVtby5ubDp3ZWxrb20tZGVtbw==' },
              { 'X-Api-Key': 'wmo_00000000000000000000000000000000' },
              { Authorization: `Bearer wmo_${'a'.repeat(5000)}` },
            ),
          },
        );
    return fc
      .tuple(pathArb, queryArb, headerArb, credentialsArb, bodyArb)
      .map(([pathParams, query, headers, credentials, body]) =>
        buildRequest(method, path, pathParams, query, caller, { ...headers, ...credentials }, body),
      );
  }

  /** A documented parameter's value, now and then a hostile one. */
  function valueArb(schema: JsonSchema, name: string): fc.Arbitrary<unknown> {
    return fc.oneof({ weight: 4, arbitrary: arbitraryFor(schema, ctx, name) }, { weight: 1, arbitrary: hostileArb });
  }

  function pathParamArb(path: string, p: Parameter): fc.Arbitrary<unknown> {
    const real = pathPool(path, p.name);
    return fc.oneof(
      { weight: 6, arbitrary: real.length ? fc.constantFrom(...real) : arbitraryFor(paramSchema(p), ctx, p.name) },
      { weight: 1, arbitrary: arbitraryFor(paramSchema(p), ctx, p.name) },
      { weight: 2, arbitrary: hostileArb.filter((v) => typeof v === 'string' || typeof v === 'number') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(new RawSegment('%'), new RawSegment('%ED%A0%80'), new RawSegment('%00')),
      },
    );
  }

  /** Real ids for a path parameter, by the collection it follows (`/contracts/{id}`: contracts). */
  function pathPool(path: string, name: string): string[] {
    const segments = path.split('/');
    const collection = segments[segments.indexOf(`{${name}}`) - 1];
    if (collection === 'municipalities' || collection === 'participants') return pools.codes;
    return pools[collection] ?? [];
  }

  function buildRequest(
    method: string,
    path: string,
    pathParams: Record<string, unknown>,
    query: Record<string, unknown>,
    caller: Caller,
    headers: Record<string, unknown>,
    body?: Body,
  ): FuzzRequest {
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeSegment(pathParams[name]));
    const queryString = Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .flatMap(([key, value]) =>
        (Array.isArray(value) ? value : [value]).map((v) => `${encode(key)}=${v === null ? '' : encodeSegment(v)}`),
      )
      .join('&');
    const sent: Record<string, string> = {};
    for (const [key, value] of Object.entries(headers))
      // Node refuses control characters in a header; the rest goes as generated.
      if (typeof value === 'string') sent[key] = value.replace(/[^\x20-\x7e]/g, '');
    if (caller.authorization) sent.Authorization = caller.authorization;
    return { method, url: queryString ? `${url}?${queryString}` : url, headers: sent, body };
  }

  function send(req: FuzzRequest) {
    const agent = request(t.server) as unknown as Record<string, (url: string) => request.Test>;
    let test = agent[req.method](req.url).buffer(true).parse(binary).timeout(REQUEST_TIMEOUT_MS);
    for (const [key, value] of Object.entries(req.headers)) test = test.set(key, value);
    if (req.body) test = test.set('Content-Type', req.body.contentType).send(req.body.data);
    return test;
  }

  /** What is wrong with an answer, or null. */
  function judge(
    op: Operation,
    res: request.Response,
  ): Omit<Failure, 'operation' | 'caller' | 'request' | 'input'> | null {
    const contentType = String(res.headers['content-type'] ?? '');
    const text = Buffer.isBuffer(res.body) ? res.body.toString('utf8') : '';
    const fail = (kind: string) => ({ kind, status: res.status, response: `${contentType} ${excerpt(text, 300)}` });
    if (res.status >= 500) return fail('5xx');
    if (res.status >= 400) {
      if (!contentType.startsWith('application/problem+json')) return fail('error not application/problem+json');
      const body = parseJson(text);
      if (body === undefined) return fail('problem+json body is not JSON');
      const problems = validator.check({ $ref: '#/components/schemas/ProblemDetailsDto' }, body);
      if (problems) return fail(`problem document does not match ProblemDetailsDto: ${problems}`);
      if ((body as { status?: unknown }).status !== res.status) return fail('problem status differs from HTTP status');
      return null;
    }
    if (res.status < 200 || res.status >= 300) return null;
    const documented = op.responses[String(res.status)] ?? op.responses['2XX'] ?? op.responses.default;
    if (!documented) return fail(`undocumented success status (documented: ${Object.keys(op.responses).join(', ')})`);
    const content = documented.content;
    if (!content || res.status === 204) return null;
    const mediaType = contentType.split(';')[0].trim();
    const media = content[mediaType];
    if (!media) return fail(`undocumented content type (documented: ${Object.keys(content).join(', ')})`);
    if (!/json/.test(mediaType) || !media.schema) return null;
    const body = parseJson(text);
    if (body === undefined) return fail('2xx JSON body does not parse');
    const problems = validator.check(media.schema, body);
    return problems ? fail(`2xx body does not match the documented schema: ${excerpt(problems, 400)}`) : null;
  }

  function paramSchema(p: Parameter): JsonSchema {
    const schema = p.schema ?? { type: 'string' };
    // @nestjs/swagger writes a `number` query property without a type as `allOf: [Object]` (page, limit).
    if (schema.allOf?.some((s) => s.$ref === '#/components/schemas/Object'))
      return { type: 'integer', minimum: schema.minimum, maximum: schema.maximum, default: schema.default };
    return schema;
  }
});

/** Real resources to aim at, and sessions of a user no caller shares (for refresh and logout). */
async function realIds(t: TestApp, operatorAuth: string, vngAuth: string): Promise<Record<string, string[]>> {
  const as = (auth: string) => ({
    get: (url: string) => request(t.server).get(url).set('Authorization', auth),
    post: (url: string) => request(t.server).post(url).set('Authorization', auth),
  });
  const operator = as(operatorAuth);
  const vng = as(vngAuth);
  const contracts = (await operator.get('/api/v1/contracts?limit=100').expect(200)).body.items as Array<{
    id: string;
    reference: string;
  }>;
  const amsterdam = contracts.find((c) => c.reference === 'GM0363-LUISTEREND-OOR')!;
  const run = await operator
    .post(`/api/v1/contracts/${amsterdam.id}/invoice-runs`)
    .set('Idempotency-Key', 'fuzz')
    .send({ year: 2025 })
    .expect(202);
  await waitForRun({ get: operator.get } as Parameters<typeof waitForRun>[0], run.body.id);
  const documents = (await operator.get(`/api/v1/invoices?run=${run.body.id}`).expect(200)).body.items as Array<{
    id: string;
  }>;
  const providers = (await operator.get('/api/v1/providers').expect(200)).body as Array<{ id: string }>;
  const services = (
    await Promise.all(providers.map(async (p) => (await operator.get(`/api/v1/providers/${p.id}/services`)).body))
  ).flat() as Array<{ id: string }>;
  const organisations = await sql<{ id: string }>(
    t.databaseUrl,
    `SELECT id FROM organisation WHERE municipality_code IN ('GM0106', 'GM0014') OR kind <> 'MUNICIPALITY' ORDER BY kind, name`,
  );
  const [assen, vngOrg] = await Promise.all(
    ['GM0106', 'Vereniging van Nederlandse Gemeenten'].map(
      async (key) =>
        (
          await sql<{ id: string }>(
            t.databaseUrl,
            `SELECT id FROM organisation WHERE municipality_code = $1 OR name = $1`,
            [key],
          )
        )[0].id,
    ),
  );
  // Users and a key the fuzzer may change, deactivate and revoke: never those of the callers.
  const users: string[] = [];
  for (const [organisationId, email] of [
    [vngOrg, 'fuzz.victim@vng.example'],
    [assen, 'fuzz.victim@assen.example'],
  ])
    users.push(
      (
        await operator
          .post('/api/v1/users')
          .send({ email, name: 'Fuzz', roles: ['OFFICER'], password: 'fuzz-password-123', organisationId })
          .expect(201)
      ).body.id,
    );
  const key = await vng
    .post('/api/v1/api-keys')
    .send({ name: 'fuzz', roles: ['ORG_ADMIN'] })
    .expect(201);
  const webhook = await vng
    .post('/api/v1/webhooks')
    .send({ url: 'https://erp.vng.example/hooks', events: ['invoice.issued'] });
  const notifications = await sql<{ id: string }>(
    t.databaseUrl,
    `INSERT INTO notification (organisation_id, kind, subject_type, subject_id, title, message, dedupe_key)
     SELECT id, 'NON_COMPLIANT', 'obligation', 'WMO2015_2_2_4_1B', 'Fuzz', 'fuzz', 'fuzz' FROM organisation WHERE id = ANY($1)
     RETURNING id`,
    [[assen, vngOrg]],
  );
  const refreshTokens: string[] = [];
  for (let i = 0; i < 3; i++) refreshTokens.push((await t.login('officer.gm0014@demo.nl')).refreshToken);
  return {
    contracts: contracts.map((c) => c.id),
    invoices: documents.map((d) => d.id),
    'invoice-runs': [run.body.id],
    providers: providers.map((p) => p.id),
    services: services.map((s) => s.id),
    organisations: organisations.map((o) => o.id),
    users,
    'api-keys': [key.body.id],
    webhooks: webhook.status === 201 ? [webhook.body.id] : [],
    notifications: notifications.map((n) => n.id),
    codes: ['GM0106', 'GM0014', 'GM0363', 'GM1966', 'GM0005'],
    refreshTokens,
  };
}

function phase(method: string, path: string): number {
  if (LAST.has(`${method.toUpperCase()} ${path}`)) return 3;
  if (method === 'delete') return 2;
  return method === 'get' ? 0 : 1;
}

function jsonText(text: string): Body {
  return { contentType: 'application/json', data: text };
}
function jsonBody(value: unknown): Body {
  return jsonText(value === undefined ? '' : JSON.stringify(value));
}
function csvBody(text: string): Body {
  return { contentType: 'text/csv', data: text };
}

/** The documented example and its hostile variants: NUL, a lone surrogate, an over-long cell, an unknown code. */
function csvBodies(schema: JsonSchema): Array<[string, string]> {
  const example = typeof schema.example === 'string' ? schema.example : 'code\nx\n';
  const [header, ...rows] = example.split('\n');
  const body = rows.join('\n');
  return [
    ['the documented example', example],
    ['NUL', `${header}\n${body.replace(/,/, '\u0000,')}`],
    ['lone surrogate', `${header}\n${body.replace(/,/, '\ud800,')}`],
    ['over-long cell', `${header}\n${body.replace(/,/, `${LONG},`)}`],
    ['unknown municipality', `${header}\n${body}`.replace(/GM\d{4}/, 'GM9999')],
    ['header only', header],
    ['empty', ''],
    ['replacement characters', `${header}\n${'\uFFFD'.repeat(10)}\n`],
    ['unbalanced quotes', `${header}\n${'"'.repeat(101)}\n`],
  ];
}

/** The hostile classes a generated request holds, found in what was sent. */
function generatedInput(req: FuzzRequest): string {
  const sent = `${req.url} ${req.body?.data ?? ''}`;
  const classes = [
    /(\{"a":){50}|\[{50}|(%7B%22a%22%3A){50}/.test(sent) && 'deep nesting',
    (/\\u0000|%00/.test(sent) || sent.includes('\u0000')) && 'NUL',
    /\\ud[89a-f][0-9a-f]{2}|%ED%[AB]/i.test(sent) && 'lone surrogate',
    /a{10000}/.test(sent) && 'over-long string',
    /:null\b/.test(req.body?.data ?? '') && 'null',
  ].filter(Boolean);
  return `generated${classes.length ? ` (${classes.join(', ')})` : ''}`;
}

/** Percent-encodes a string as UTF-8, and a lone surrogate as the bytes a careless client would send (WTF-8). */
function encode(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(value.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff)
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    else out += encodeURIComponent(value[i]);
  }
  return out;
}
function encodeSegment(value: unknown): string {
  if (value instanceof RawSegment) return value.text;
  return encode(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}... (${text.length} chars)` : flat;
}

function describeRequest(req: FuzzRequest): string {
  const headers = Object.entries(req.headers)
    .filter(([key]) => key !== 'Authorization' || !/^Bearer eyJ.{100,}/.test(req.headers[key]))
    .map(([key, value]) => `${key}: ${excerpt(value, 40)}`);
  const body = req.body ? ` ${req.body.contentType} ${excerpt(req.body.data, 200)}` : '';
  return `${req.method.toUpperCase()} ${excerpt(req.url, 200)}${headers.length ? ` [${headers.join(', ')}]` : ''}${body}`;
}

/** Failures grouped twice: by class (across operations), then by operation with an example per input. */
function failureReport(failures: Failure[]): string {
  if (!failures.length) return '';
  const group = <K>(items: Failure[], key: (f: Failure) => K) => {
    const groups = new Map<K, Failure[]>();
    for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
    return [...groups];
  };
  const kindOf = (f: Failure) => f.kind.split(':')[0];
  const classOf = (f: Failure) => f.input.replace(/^(body field|query|path) [^:]+:/, '$1:');
  const byClass = group(failures, (f) => `${kindOf(f)} <- ${classOf(f)}`)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => `  ${key}: ${[...new Set(list.map((f) => f.operation))].join(', ')}`);
  const byOperation = group(failures, (f) => f.operation).map(([operation, list]) =>
    [
      operation,
      ...group(list, (f) => f.kind.replace(/\d{4,}/g, 'N')).flatMap(([kind, ofKind]) => [
        `  ${kind}: ${ofKind.length} requests (${[...new Set(ofKind.map((f) => f.caller))].join(', ')})`,
        ...group(ofKind, (f) => f.input)
          .slice(0, 6)
          .map(
            ([input, ofInput]) =>
              `    [${input}] x${ofInput.length}, e.g. ${ofInput[0].caller}: ${ofInput[0].request}\n      -> ${ofInput[0].status} ${ofInput[0].response}`,
          ),
        ...(group(ofKind, (f) => f.input).length > 6
          ? [`    ... ${group(ofKind, (f) => f.input).length - 6} more inputs`]
          : []),
      ]),
    ].join('\n'),
  );
  return [
    'Failures by class (failure <- input: operations):',
    ...byClass,
    '',
    'Failures by operation:',
    ...byOperation,
  ].join('\n');
}

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** A stable 32-bit hash (FNV-1a), so that each operation and caller has its own reproducible seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
