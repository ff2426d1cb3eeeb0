import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { addUser, contractId, municipalityOrganisationId, signIn } from './demo';
import { Client, startTestApp, TestApp } from './test-app';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A receiver for webhooks: records every request; answers with the next scripted status (200 when none is left). */
export class Receiver {
  readonly received: Received[] = [];
  private readonly script = new Map<string, number[]>();
  private server!: Server;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.received.push({
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        });
        const status = this.script.get(req.url ?? '')?.shift() ?? 200;
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  answer(path: string, statuses: number[]): void {
    this.script.set(path, statuses);
  }

  events(
    path: string,
    type?: string,
  ): Array<{ received: Received; payload: { type: string; timestamp: string; data: Record<string, unknown> } }> {
    return this.received
      .filter((r) => r.path === path)
      .map((received) => ({ received, payload: JSON.parse(received.body) }))
      .filter((e) => !type || e.payload.type === type);
  }

  async waitFor(count: () => number, expected: number, timeoutMs = 20_000): Promise<void> {
    const started = Date.now();
    while (count() < expected) {
      if (Date.now() - started > timeoutMs) throw new Error(`expected ${expected} webhook requests, got ${count()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface Notification {
  id: string;
  kind: string;
  municipalityCode: string | null;
  subjectType: string;
  subjectId: string;
  title: string;
  data: Record<string, unknown>;
  readAt: string | null;
}

export interface NotificationsApp {
  t: TestApp;
  receiver: Receiver;
  operator: Client;
  vng: Client;
  assenAdmin: Client;
  assenOfficer: Client;
  assenFinance: Client;
  sensoor: Client;
  vng2018: string;
  /** The operator runs the daily evaluation now. */
  evaluate(): Promise<{ body: Record<string, unknown> }>;
  notifications(client: Client, query?: string): Promise<{ total: number; unread: number; items: Notification[] }>;
  /** The deliveries of one of Assen's webhooks, newest first. */
  deliveries(
    hookId: string,
  ): Promise<Array<{ event: string; status: string; attempts: number; payload: { data: Record<string, unknown> } }>>;
  close(): Promise<void>;
}

/**
 * An app that retries webhooks quickly (after 1 s, twice), a receiver for them, and the callers of
 * the notification specs: Assen's ORG_ADMIN (made by the operator), officer and finance user, the
 * VNG and Stichting Sensoor.
 */
export async function startWithWebhookReceiver(): Promise<NotificationsApp> {
  const receiver = new Receiver();
  await receiver.start();
  const t = await startTestApp({ WEBHOOK_RETRY_DELAY_SECONDS: '1', WEBHOOK_RETRY_LIMIT: '2' });
  const [operator, vng, assenOfficer, assenFinance, sensoor] = await signIn(
    t,
    'operator@demo.nl',
    'vng@demo.nl',
    'officer.gm0106@demo.nl',
    'finance.gm0106@demo.nl',
    'sensoor@demo.nl',
  );
  const assenAdmin = await addUser(t, operator, {
    email: 'beheer@assen.nl',
    name: 'Beheer Assen',
    roles: ['ORG_ADMIN'],
    password: 'assen-beheer-123',
    organisationId: await municipalityOrganisationId(t, 'GM0106'),
  });
  return {
    t,
    receiver,
    operator,
    vng,
    assenAdmin,
    assenOfficer,
    assenFinance,
    sensoor,
    vng2018: await contractId(t, 'VNG-SEN-2018'),
    evaluate: () => operator.post('/api/v1/compliance/evaluations').expect(200),
    notifications: async (client, query = '') => (await client.get(`/api/v1/notifications${query}`).expect(200)).body,
    deliveries: async (hookId) =>
      (await assenAdmin.get(`/api/v1/webhooks/${hookId}/deliveries`).expect(200)).body.items,
    close: async () => {
      await t.close();
      await receiver.stop();
    },
  };
}
