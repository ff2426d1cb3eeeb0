import fc from 'fast-check';

/**
 * OpenAPI 3.0 schemas (as @nestjs/swagger publishes them) turned into fast-check arbitraries, and
 * the hostile values the fuzzer mixes into them. Deliberately small: $ref, allOf, oneOf/anyOf,
 * nullable, enum, type, format, pattern (only the municipality code), bounds, items, required.
 */

export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
}

export interface SchemaContext {
  schemas: Record<string, JsonSchema>;
  /** Real ids by property or parameter name (`supplierId`, `contract`, ...), and `*` for any uuid. */
  ids: Record<string, string[]>;
}

const MAX_DEPTH = 4;

/** The schema a `$ref` (and a lone `allOf`, as Swagger writes a nullable reference) stands for, merged flat. */
export function resolve(schema: JsonSchema, ctx: SchemaContext): JsonSchema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = ctx.schemas[name];
    if (!target) throw new Error(`unknown schema ${schema.$ref}`);
    return resolve({ ...target, nullable: schema.nullable ?? target.nullable }, ctx);
  }
  if (schema.allOf?.length) {
    const { allOf, ...rest } = schema;
    return allOf.reduce<JsonSchema>((merged, part) => {
      const resolved = resolve(part, ctx);
      return {
        ...resolved,
        ...merged,
        properties: { ...resolved.properties, ...merged.properties },
        required: [...(resolved.required ?? []), ...(merged.required ?? [])],
      };
    }, rest);
  }
  return schema;
}

const isoDate = (from: number, to: number) =>
  fc
    .integer({ min: Date.UTC(from, 0, 1) / 86_400_000, max: Date.UTC(to, 11, 31) / 86_400_000 })
    .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

/** Mostly plausible dates (2014-2030, where the reference data and contracts live), some edge ones. */
const dateArb = fc.oneof(
  { weight: 8, arbitrary: isoDate(2014, 2030) },
  { weight: 1, arbitrary: fc.constantFrom('0001-01-01', '9999-12-31', '2024-02-29', '1970-01-01') },
);
const dateTimeArb = isoDate(2014, 2030).chain((day) =>
  fc.constantFrom(`${day}T00:00:00Z`, `${day}T18:00:00+01:00`, `${day}T23:59:59.999+02:00`),
);
const textArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

function stringArb(schema: JsonSchema, name: string, ctx: SchemaContext): fc.Arbitrary<string> {
  // Real values by name (a refresh token of a real session) count as examples.
  const named = schema.format === 'uuid' ? [] : (ctx.ids[name] ?? []);
  const examples: string[] = [...(typeof schema.example === 'string' ? [schema.example] : []), ...named];
  const withExample = (arb: fc.Arbitrary<string>) =>
    examples.length
      ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...examples) }, { weight: 3, arbitrary: arb })
      : arb;
  switch (schema.format) {
    case 'date':
      return withExample(dateArb);
    case 'date-time':
      return withExample(dateTimeArb);
    case 'uuid': {
      const real = ctx.ids[name] ?? ctx.ids['*'] ?? [];
      return real.length
        ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: fc.uuid() })
        : fc.uuid();
    }
    case 'email':
      return withExample(fc.emailAddress());
  }
  if (schema.pattern === '^GM\\d{4}$')
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('GM0106', 'GM0014', 'GM0363', 'GM1966', 'GM0005') },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 9999 }).map((n) => `GM${String(n).padStart(4, '0')}`) },
    );
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, schema.maxLength ?? Math.max(minLength, 20));
  return withExample(minLength || schema.maxLength !== undefined ? fc.string({ minLength, maxLength }) : textArb);
}

function numberArb(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1_000;
  const max = schema.maximum ?? (typeof schema.example === 'number' && schema.example > 1_000 ? 3_000_000 : 3_000);
  const inRange = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  const near = typeof schema.example === 'number' ? [schema.example - 1, schema.example, schema.example + 1] : [];
  return near.length
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...near) }, { weight: 2, arbitrary: inRange })
    : inRange;
}

/** Values the schema allows (or nearly: strings are free text unless a format or pattern says more). */
export function arbitraryFor(schema: JsonSchema, ctx: SchemaContext, name = '', depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, ctx);
  const base = ((): fc.Arbitrary<unknown> => {
    if (s.oneOf?.length || s.anyOf?.length)
      return fc.oneof(...(s.oneOf ?? s.anyOf ?? []).map((part) => arbitraryFor(part, ctx, name, depth)));
    if (s.enum?.length) return fc.constantFrom(...s.enum);
    const type = s.type ?? (s.properties ? 'object' : undefined);
    switch (type) {
      case 'string':
        return stringArb(s, name, ctx);
      case 'number':
      case 'integer':
        return numberArb(s);
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth >= MAX_DEPTH
          ? fc.constant([])
          : fc.array(arbitraryFor(s.items ?? {}, ctx, name, depth + 1), { maxLength: 3 });
      case 'object': {
        if (depth >= MAX_DEPTH) return fc.constant({});
        const properties = s.properties ?? {};
        const record = Object.fromEntries(
          Object.entries(properties).map(([key, prop]) => [key, arbitraryFor(prop, ctx, key, depth + 1)]),
        );
        return fc.record(record, { requiredKeys: (s.required ?? []).filter((key) => key in properties) });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return s.nullable ? fc.option(base, { nil: null, freq: 6 }) : base;
}

/** One plausible value without randomness: the example, the default, the first enum value. */
export function exampleFor(schema: JsonSchema, ctx: SchemaContext, name = '', depth = 0): unknown {
  const s = resolve(schema, ctx);
  if (s.example !== undefined && s.example !== null) return s.example;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  if (s.oneOf?.length || s.anyOf?.length) return exampleFor((s.oneOf ?? s.anyOf)![0], ctx, name, depth);
  switch (s.type ?? (s.properties ? 'object' : undefined)) {
    case 'string':
      if (s.format === 'date') return '2025-01-01';
      if (s.format === 'date-time') return '2025-01-01T00:00:00Z';
      if (s.format === 'uuid') return (ctx.ids[name] ?? ctx.ids['*'] ?? ['00000000-0000-4000-8000-000000000000'])[0];
      if (s.pattern === '^GM\\d{4}$') return 'GM0106';
      return 'x'.repeat(Math.max(s.minLength ?? 0, 4));
    case 'number':
    case 'integer':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth >= MAX_DEPTH ? [] : [exampleFor(s.items ?? {}, ctx, name, depth + 1)];
    case 'object':
      return depth >= MAX_DEPTH
        ? {}
        : Object.fromEntries(
            Object.entries(s.properties ?? {}).map(([key, prop]) => [key, exampleFor(prop, ctx, key, depth + 1)]),
          );
    default:
      return 'x';
  }
}

/** A value nested `levels` deep: `{"a":{"a":...}}` or `[[...]]`. Built iteratively: no recursion here. */
export function deeplyNested(levels: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = kind === 'object' ? { a: value } : [value];
  return value;
}

export const LONG = 'a'.repeat(10_000);
export const DEEP = 3_000;

/** The classes of bad input the security review found (and a few more), each with a name for the report. */
export const HOSTILE_VALUES: Array<[string, unknown]> = [
  ['null', null],
  ['empty string', ''],
  ['NUL', 'a\u0000b'],
  ['lone surrogate', 'a\ud800b'],
  ['over-long string', LONG],
  ['number for string', 12345],
  ['huge number', 1e308],
  ['int overflow', 2_147_483_648],
  ['fraction', 1.5],
  ['negative', -1],
  ['boolean', true],
  ['array', ['a', 1]],
  ['object', { a: 1 }],
  ['number as string', '42'],
  ['date out of range', '10000-01-01'],
  ['impossible date', '2025-02-30'],
  ['sql quote', "x' OR '1'='1"],
  ['whitespace', ' \t\n '],
  ['deep object', deeplyNested(DEEP, 'object')],
];

/** The same classes as an arbitrary (for mixing into generated values). */
export const hostileArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_VALUES.map(([, value]) => value)),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ maxLength: 8 }).map((s) => `${s}\u0000`),
  fc.string({ maxLength: 8 }).map((s) => `${s}\udc00`),
);

/** Generated values with, field by field, a hostile one now and then (and extra properties). */
export function mutatedArbitraryFor(
  schema: JsonSchema,
  ctx: SchemaContext,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, ctx);
  const type = s.type ?? (s.properties ? 'object' : undefined);
  let base: fc.Arbitrary<unknown>;
  if (type === 'object' && s.properties && depth < MAX_DEPTH) {
    const record = Object.fromEntries(
      Object.entries(s.properties).map(([key, prop]) => [key, mutatedArbitraryFor(prop, ctx, key, depth + 1)]),
    );
    base = fc
      .tuple(
        fc.record(record, { requiredKeys: (s.required ?? []).filter((key) => key in s.properties!) }),
        fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), hostileArb, { maxKeys: 2 }), {
          freq: 4,
        }),
      )
      .map(([value, extra]) => ({ ...(extra ?? {}), ...value }));
  } else if (type === 'array' && s.items && depth < MAX_DEPTH) {
    base = fc.array(mutatedArbitraryFor(s.items, ctx, name, depth + 1), { maxLength: 3 });
  } else base = arbitraryFor(s, ctx, name, depth);
  return fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: hostileArb });
}
