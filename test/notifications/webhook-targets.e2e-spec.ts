import { Client, startTestApp, TestApp } from '../support/test-app';

/** With WEBHOOK_ALLOW_PRIVATE off (production's default), a webhook cannot be aimed at the platform's own network. */
describe('webhook targets with internal addresses refused', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE: '0' });
    admin = await t.as('vng@demo.nl');
  });
  afterAll(() => t.close());

  it.each([
    'https://127.0.0.1/hooks',
    'https://localhost/hooks',
    'https://[::1]/hooks',
    'https://[::ffff:127.0.0.1]/hooks',
    'https://169.254.169.254/latest/meta-data',
    'https://10.0.0.1/hooks',
    'https://192.168.178.1/hooks',
    'https://[fd00::1]/hooks',
    'https://0.0.0.0/hooks',
  ])('%s is refused: a 400 problem naming url, nothing registered', async (url) => {
    const res = await admin.post('/api/v1/webhooks').send({ url, events: ['invoice.issued'] });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ field: 'url', message: expect.stringContaining('public address') }]);
    expect((await admin.get('/api/v1/webhooks').expect(200)).body).toEqual([]);
  });

  it('a public address is registered', async () => {
    const res = await admin
      .post('/api/v1/webhooks')
      .send({ url: 'https://93.184.215.14/hooks', events: ['invoice.issued'] });
    expect(res.status).toBe(201);
  });
});
