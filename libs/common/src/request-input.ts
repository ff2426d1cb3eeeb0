import { FieldError } from './domain-error';

/** How deeply objects and arrays may nest in a request body; no request of this API needs more than a few levels. */
export const MAX_BODY_DEPTH = 32;

/**
 * C0 control characters other than tab, line feed and carriage return (NUL among them: PostgreSQL
 * refuses it in text), DEL, and a UTF-16 surrogate without its partner (not encodable as UTF-8).
 */
const FORBIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The position of the first character a text field may not hold (see FORBIDDEN_CHARACTER), or -1. */
export function forbiddenCharacterAt(text: string): number {
  return text.search(FORBIDDEN_CHARACTER);
}

/** What `checkRequestInput` inspects: the parsed body and the decoded query and path parameters. */
export interface RequestInput {
  body: unknown;
  query: unknown;
  params: unknown;
}

/**
 * The problems every request is checked for before guards, pipes and class-transformer see it:
 * a body nested deeper than MAX_BODY_DEPTH (named `body`), and any string or key, in the body,
 * the query or the path, holding a control character or a lone surrogate (named by its dotted
 * path, as validation names fields: `invoiceAddress.street`, `purchaseOrders.0.number`).
 * Iterative, so no input can overflow the stack.
 */
export function checkRequestInput({ body, query, params }: RequestInput): FieldError[] {
  const depthProblem = deeperThan(body, MAX_BODY_DEPTH);
  if (depthProblem) return [depthProblem];
  return [...badCharacters(params), ...badCharacters(query), ...badCharacters(body)];
}

const isContainer = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Buffer.isBuffer(value);

function deeperThan(body: unknown, limit: number): FieldError | null {
  const pending: Array<[unknown, number]> = [[body, 0]];
  while (pending.length) {
    const [value, depth] = pending.pop()!;
    if (!isContainer(value)) continue;
    if (depth >= limit)
      return { field: 'body', message: `body must not nest objects or arrays more than ${limit} levels deep` };
    for (const child of Object.values(value)) if (isContainer(child)) pending.push([child, depth + 1]);
  }
  return null;
}

function badCharacters(root: unknown): FieldError[] {
  const problems: FieldError[] = [];
  const pending: Array<[unknown, string]> = [[root, '']];
  while (pending.length) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (FORBIDDEN_CHARACTER.test(value))
        problems.push({
          field: path || 'body',
          message: `${path || 'body'} must not contain control characters or lone surrogates`,
        });
    } else if (isContainer(value)) {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (FORBIDDEN_CHARACTER.test(key))
          problems.push({
            field: path || 'body',
            message: `${path || 'body'} has a key with control characters or lone surrogates`,
          });
        else pending.push([child, childPath]);
      }
    }
  }
  return problems.reverse();
}
