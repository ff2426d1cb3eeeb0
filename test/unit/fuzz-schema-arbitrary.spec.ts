import fc from 'fast-check';
import { ResponseValidator } from '../fuzz/response-validator';
import { arbitraryFor, exampleFor, JsonSchema, SchemaContext } from '../fuzz/schema-arbitrary';

/** The fuzzer's own parts: what the converter generates from a schema, the validator accepts. */
const schemas: Record<string, JsonSchema> = {
  AddressDto: {
    type: 'object',
    properties: { street: { type: 'string', maxLength: 5 }, city: { type: 'string' } },
    required: ['street', 'city'],
  },
  BillingDto: {
    type: 'object',
    properties: {
      oin: { type: 'string', nullable: true, example: '00000001001234567000' },
      address: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/AddressDto' }] },
      kind: { type: 'string', enum: ['A', 'B'] },
      from: { type: 'string', format: 'date' },
      at: { type: 'string', format: 'date-time' },
      contract: { type: 'string', format: 'uuid' },
      days: { type: 'number', minimum: 0, maximum: 365 },
      codes: { type: 'array', items: { type: 'string', pattern: '^GM\\d{4}$' } },
      password: { type: 'string', minLength: 12 },
    },
    required: ['kind', 'from', 'days'],
  },
};
const ctx: SchemaContext = { schemas, ids: { '*': ['6f1c2d0e-3b7a-4c55-9d8e-2f7b1a0c9e11'] } };
const billing: JsonSchema = { $ref: '#/components/schemas/BillingDto' };

describe('the fuzzer schema converter', () => {
  const validator = new ResponseValidator(schemas);

  it('generates only values the schema allows ($ref, nullable allOf, enum, formats, bounds, pattern)', () => {
    fc.assert(
      fc.property(arbitraryFor(billing, ctx), (value) => {
        expect(validator.check(billing, value)).toBeNull();
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it('builds an example that the schema allows', () => {
    expect(validator.check(billing, exampleFor(billing, ctx))).toBeNull();
  });

  it('refuses what the schema does not allow: null where not nullable, a missing required field', () => {
    expect(validator.check(billing, { ...(exampleFor(billing, ctx) as object), kind: null })).toContain('kind');
    expect(validator.check(billing, { kind: 'A', from: '2025-01-01' })).toContain('days');
    expect(validator.check(billing, { kind: 'A', from: '2025-01-01', days: 1, address: null })).toBeNull();
  });
});
