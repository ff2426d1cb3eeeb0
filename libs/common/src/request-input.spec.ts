import { checkRequestInput, MAX_BODY_DEPTH } from './request-input';

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};
const body = (value: unknown) => checkRequestInput({ body: value, query: {}, params: {} });
const fields = (problems: ReturnType<typeof checkRequestInput>) => problems.map((problem) => problem.field);

describe('checkRequestInput', () => {
  it(`accepts a body nested ${MAX_BODY_DEPTH} levels deep and refuses one more, naming the body`, () => {
    expect(body(nested(MAX_BODY_DEPTH))).toEqual([]);
    expect(body(nested(MAX_BODY_DEPTH + 1))).toEqual([
      { field: 'body', message: 'body must not nest objects or arrays more than 32 levels deep' },
    ]);
  });

  it('walks a body nested 500,000 levels deep (a 1 MB body) without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(500_000) + ']'.repeat(500_000)) as unknown;
    expect(fields(body(deep))).toEqual(['body']);
  });

  it.each([
    ['tab, line feed and carriage return', 'a\tb\nc\rd'],
    ['a surrogate pair (an emoji)', 'Luisterend oor \ud83d\udc42'],
    ['accented letters', 'Súdwest-Fryslân'],
  ])('accepts %s', (_case, text) => {
    expect(body({ name: text })).toEqual([]);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a bell', 'a\u0007b'],
    ['an escape', 'a\u001bb'],
    ['DEL', 'a\u007fb'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', 'a\udc00b'],
    ['a high surrogate at the end', 'a\ud800'],
  ])('refuses %s, naming the field by its path', (_case, text) => {
    expect(body({ purchaseOrders: [{ number: 'PO-1' }, { number: text }] })).toEqual([
      {
        field: 'purchaseOrders.1.number',
        message: 'purchaseOrders.1.number must not contain control characters or lone surrogates',
      },
    ]);
  });

  it('names query and path parameters, and the object that holds a bad key', () => {
    const problems = checkRequestInput({
      body: { address: { 'st\u0000reet': 'x' } },
      query: { q: 'a\u0000' },
      params: { id: '\u0000' },
    });
    expect(fields(problems)).toEqual(['id', 'q', 'address']);
  });

  it('leaves an uploaded file (a Buffer) to the feature that decodes it', () => {
    expect(body(Buffer.from('code,year\u0000'))).toEqual([]);
  });
});
