import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonSchema } from './schema-arbitrary';

/**
 * Validates response bodies against the OpenAPI document's schemas with ajv. OpenAPI 3.0's
 * `nullable: true` becomes `anyOf: [null, schema]` (ajv's own `nullable` keyword needs a `type`
 * next to it, which Swagger leaves out of a nullable `allOf` reference); `$ref`s point into one
 * schema holding every component. Properties a schema does not list are allowed, as OpenAPI allows.
 */
export class ResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(schemas: Record<string, JsonSchema>) {
    addFormats(this.ajv);
    this.ajv.addSchema({
      $id: 'openapi',
      components: {
        schemas: Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, toJsonSchema(schema)])),
      },
    });
  }

  /** null when the value matches, else ajv's errors in one line. */
  check(schema: JsonSchema, value: unknown): string | null {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as object);
      this.compiled.set(key, validate);
    }
    if (validate(value)) return null;
    return this.ajv.errorsText(validate.errors, { separator: '; ', dataVar: 'body' });
  }
}

function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, example, ...rest } = schema as Record<string, unknown> & { nullable?: boolean };
  void example;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => {
      if (key === '$ref' && typeof value === 'string') return [key, value.replace(/^#/, 'openapi#')];
      // `properties` maps names to schemas: convert each, never the map itself.
      if (key === 'properties' && value && typeof value === 'object')
        return [key, Object.fromEntries(Object.entries(value).map(([name, prop]) => [name, toJsonSchema(prop)]))];
      return [key, toJsonSchema(value)];
    }),
  );
  return nullable ? { anyOf: [{ type: 'null' }, converted] } : converted;
}
