import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

/** Errors Fastify answers before a route runs are problem documents like every other error. */
describe('framework errors as problem+json', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Without the portal: its catch-all route (dist/web, when built) would answer a long path with a 404 problem instead.
    t = await startTestApp({ WEB_DIR: '/nonexistent-portal' });
  });
  afterAll(() => t.close());

  it('a path parameter of 10,000 characters is a 414 problem document with the request id', async () => {
    const res = await request(t.server)
      .get(`/api/v1/invoices/${'a'.repeat(10_000)}`)
      .set('X-Request-Id', 'long-path-1');
    expect(res.status).toBe(414);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['x-request-id']).toBe('long-path-1');
    expect(res.body).toMatchObject({ status: 414, title: 'URI Too Long', requestId: 'long-path-1' });
    expect(res.body.instance).toContain('/api/v1/invoices/');
  });

  it('a URL over the 16 KB header limit is a 431 problem document (answered before Fastify has a request; the fuzzer found plain JSON)', async () => {
    const res = await request(t.server).get(`/api/v1/municipalities?q=${'a'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 431, title: 'Request Header Fields Too Large', type: 'about:blank' });
  });

  it('a path parameter that does not decode is a 400 problem document', async () => {
    const res = await request(t.server).get('/api/v1/invoices/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, title: 'Bad Request', type: 'about:blank' });
  });
});
