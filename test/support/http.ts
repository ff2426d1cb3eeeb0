import type { Response } from 'supertest';

/** The media type of every error answer (RFC 9457); a `toContain` match leaves the charset free. */
export const PROBLEM = 'application/problem+json';

/** Status and body together, so that a failing expectation shows the problem document. */
export const outcome = (res: Response) => ({ status: res.status, body: res.body });

/** supertest parser that keeps a binary body (PDF, ZIP) as a Buffer: `.buffer(true).parse(binary)`. */
export const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** A 400 whose problem names one invalid field (`field` may be a matcher such as `expect.stringContaining`). */
export const expectInvalidField = (res: Response, field: unknown) =>
  expect(outcome(res)).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ field })] } });

/** A supertest parser that reads the body as UTF-8 text, whatever its type (XML, PDF text checks). */
export const asText = (res: Response, done: (err: Error | null, body: string) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
};
