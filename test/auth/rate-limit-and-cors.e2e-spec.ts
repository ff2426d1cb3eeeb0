import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

describe('general rate limit and CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5', CORS_ORIGINS: 'https://portaal.example.nl' });
  });
  afterAll(() => t.close());

  it('limits requests per client and answers 429 with Retry-After', async () => {
    const client = t.withAuthorization();
    const responses = [];
    for (let i = 0; i < 6; i++)
      responses.push(await client.post('/api/v1/auth/logout').send({ refreshToken: 'y'.repeat(43) }));
    expect(responses.map((r) => r.status)).toEqual([204, 204, 204, 204, 204, 429]);
    expect(Number(responses[5].headers['retry-after'])).toBeGreaterThan(0);
    expect(responses[5].headers['content-type']).toContain('application/problem+json');
  });

  it('allows the configured origin and no other', async () => {
    const allowed = await request(t.server)
      .options('/api/v1/me')
      .set('Origin', 'https://portaal.example.nl')
      .set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portaal.example.nl');
    const other = await request(t.server)
      .options('/api/v1/me')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
