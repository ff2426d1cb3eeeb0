import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UnscopedDatabase } from '@wmo/tenancy';
import { WebhookDeliverer } from './webhook-deliverer';
import type { DeliveryAttempt, DeliveryToSend, WebhookDeliveryRepository } from './webhook-delivery.repository';

/** A receiver on 127.0.0.1 that counts what reaches it. */
describe('webhook delivery to internal addresses', () => {
  let server: Server;
  let received = 0;
  let port: number;
  beforeAll(async () => {
    server = createServer((request, response) => {
      received++;
      request.resume();
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (received = 0));

  const deliverTo = async (url: string, allowPrivateAddresses: boolean) => {
    const recorded: DeliveryAttempt[] = [];
    const delivery: DeliveryToSend = {
      id: 'd1',
      status: 'PENDING',
      payload: { a: 1 },
      url,
      secret: 'whsec_x',
      active: true,
    };
    const unscoped = {
      unscopedSystemTransaction: <T>(work: (tx: unknown) => Promise<T>) => work({}),
    } as unknown as UnscopedDatabase;
    const repository = {
      findToSend: () => Promise.resolve(delivery),
      recordAttempt: (_tx: unknown, _id: string, attempt: DeliveryAttempt) => {
        recorded.push(attempt);
        return Promise.resolve();
      },
    } as unknown as WebhookDeliveryRepository;
    const deliverer = new WebhookDeliverer(unscoped, repository, {
      allowHttp: true,
      allowPrivateAddresses,
      retryLimit: 0,
      retryDelaySeconds: 1,
      timeoutMs: 5_000,
    });
    await deliverer.deliver('d1', 0);
    return recorded;
  };

  it.each([
    [
      'a literal loopback address',
      () => `http://127.0.0.1:${port}/hook`,
      /127\.0\.0\.1 resolves to an internal address/,
    ],
    ['localhost', () => `http://localhost:${port}/hook`, /localhost resolves to an internal address/],
    ['an IPv4-mapped loopback address', () => `http://[::ffff:127.0.0.1]:${port}/hook`, /an internal address/],
  ])('to %s: not sent, FAILED without a status', async (_case, url, error) => {
    const [attempt] = await deliverTo(url(), false);
    expect(received).toBe(0);
    expect(attempt).toMatchObject({ status: 'FAILED', responseStatus: null });
    expect(attempt.error).toMatch(error);
  });

  it('where internal targets are allowed (development, tests), the same receiver gets it', async () => {
    const [attempt] = await deliverTo(`http://127.0.0.1:${port}/hook`, true);
    expect(received).toBe(1);
    expect(attempt).toEqual({ status: 'DELIVERED', responseStatus: 204, error: null });
  });
});
