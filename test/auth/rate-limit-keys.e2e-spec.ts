import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The general rate limit counts a request against a principal only when its credential verifies,
 * else against the client address; X-Forwarded-For names that address only when the connection
 * comes from a configured proxy (TRUSTED_PROXIES).
 */
async function statuses(
  t: TestApp,
  count: number,
  request: (i: number) => { remoteAddress: string; headers?: Record<string, string> },
): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i++) {
    const { remoteAddress, headers } = request(i);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', remoteAddress, headers });
    result.push(res.statusCode);
  }
  return result;
}

describe('rate limit buckets without trusted proxies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  it('a different made-up bearer on every request from one address is limited at the limit', async () => {
    const answers = await statuses(t, 7, () => ({
      remoteAddress: '203.0.113.1',
      headers: { authorization: `Bearer ${randomUUID()}.${randomUUID()}.${randomUUID()}` },
    }));
    expect(answers).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it('a different made-up API key on every request from one address is limited at the limit', async () => {
    const answers = await statuses(t, 6, () => ({
      remoteAddress: '203.0.113.2',
      headers: { 'x-api-key': `wmo_${randomUUID()}` },
    }));
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('a different X-Forwarded-For on every request from an untrusted peer is one bucket', async () => {
    const answers = await statuses(t, 6, (i) => ({
      remoteAddress: '203.0.113.3',
      headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
    }));
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('a token that verifies has a bucket of its own, apart from its address', async () => {
    const { accessToken } = await t.login('officer.gm0106@demo.nl');
    expect(await statuses(t, 5, () => ({ remoteAddress: '203.0.113.4' }))).toEqual([401, 401, 401, 401, 401]);
    const authorization = `Bearer ${accessToken}`;
    // The address is spent; the signed-in officer is not, until its own five.
    expect(await statuses(t, 6, () => ({ remoteAddress: '203.0.113.4', headers: { authorization } }))).toEqual([
      200, 200, 200, 200, 200, 429,
    ]);
    // The same principal from another address shares its bucket.
    expect(await statuses(t, 1, () => ({ remoteAddress: '203.0.113.5', headers: { authorization } }))).toEqual([429]);
  });
});

describe('rate limit buckets behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5', TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' });
  });
  afterAll(() => t.close());

  it('from a configured proxy, the forwarded address is the client', async () => {
    const answers = await statuses(t, 7, (i) => ({
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
    }));
    expect(answers).toEqual([401, 401, 401, 401, 401, 401, 401]);
    const one = await statuses(t, 6, () => ({
      remoteAddress: '10.1.2.3',
      headers: { 'x-forwarded-for': '198.51.100.200' },
    }));
    expect(one).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('from any other peer, the forwarded address is ignored', async () => {
    const answers = await statuses(t, 6, (i) => ({
      remoteAddress: '203.0.113.9',
      headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
    }));
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
