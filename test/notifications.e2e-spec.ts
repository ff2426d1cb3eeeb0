import { randomUUID } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { addDays, pinToday, todayInAmsterdam } from '@wmo/domain';
import { verifyWebhookSignature } from '@wmo/notifications';
import { sql } from './support/test-database';
import { Client, startTestApp, TestApp } from './support/test-app';

const PROBLEM = 'application/problem+json';
const WMO = 'WMO2015_2_2_4_1B';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A receiver for webhooks: records every request; answers with the next scripted status (200 when none is left). */
class Receiver {
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

const TODAY = todayInAmsterdam();

/**
 * Notifications and webhooks: the daily evaluation tells a municipality and the VNG when coverage
 * is about to end and when a municipality stops meeting its duty, and both parties when an
 * invoice is overdue; organisations receive obligation.changed, invoice.issued and
 * invoice.overdue as signed webhooks, retried with backoff.
 */
describe('notifications and webhooks', () => {
  let t: TestApp;
  const receiver = new Receiver();
  let operator: Client;
  let vng: Client;
  let assenAdmin: Client;
  let assenOfficer: Client;
  let assenFinance: Client;
  let sensoor: Client;
  let vng2018: string;
  let assenHook: { id: string; secret: string };
  const coverageEnds = addDays(TODAY, 30);

  const evaluate = () => operator.post('/api/v1/compliance/evaluations').expect(200);
  const notifications = async (client: Client, query = '') =>
    (await client.get(`/api/v1/notifications${query}`).expect(200)).body;
  const deliveries = async (hookId: string) =>
    (await assenAdmin.get(`/api/v1/webhooks/${hookId}/deliveries`).expect(200)).body as Array<{
      event: string;
      status: string;
      attempts: number;
      payload: { data: Record<string, unknown> };
    }>;

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ WEBHOOK_RETRY_DELAY_SECONDS: '1', WEBHOOK_RETRY_LIMIT: '2' });
    [operator, vng, assenOfficer, assenFinance, sensoor] = await Promise.all(
      ['operator@demo.nl', 'vng@demo.nl', 'officer.gm0106@demo.nl', 'finance.gm0106@demo.nl', 'sensoor@demo.nl'].map(
        (email) => t.as(email),
      ),
    );
    const [{ id: assen }] = await sql<{ id: string }>(
      t.databaseUrl,
      `SELECT id FROM organisation WHERE municipality_code = 'GM0106'`,
    );
    await operator
      .post('/api/v1/users')
      .send({
        email: 'beheer@assen.nl',
        name: 'Beheer Assen',
        roles: ['ORG_ADMIN'],
        password: 'assen-beheer-123',
        organisationId: assen,
      })
      .expect(201);
    assenAdmin = await t.as('beheer@assen.nl', 'assen-beheer-123');
    [{ id: vng2018 }] = await sql<{ id: string }>(
      t.databaseUrl,
      `SELECT id FROM contract WHERE reference = 'VNG-SEN-2018'`,
    );
  }, 120_000);
  afterAll(async () => {
    pinToday(null);
    await t?.close();
    await receiver.stop();
  });

  describe('webhook registration', () => {
    it("Assen's ORG_ADMIN registers an endpoint: 201 with a whsec_ secret shown once; the list has no secret", async () => {
      const res = await assenAdmin.post('/api/v1/webhooks').send({
        url: `${receiver.base}/assen`,
        events: ['obligation.changed', 'invoice.issued', 'invoice.overdue'],
        description: 'Zaaksysteem',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        url: `${receiver.base}/assen`,
        events: ['obligation.changed', 'invoice.issued', 'invoice.overdue'],
        description: 'Zaaksysteem',
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/=]{32}$/),
      });
      assenHook = { id: res.body.id, secret: res.body.secret };
      const list = (await assenAdmin.get('/api/v1/webhooks').expect(200)).body;
      expect(list).toEqual([
        {
          id: assenHook.id,
          url: `${receiver.base}/assen`,
          events: ['obligation.changed', 'invoice.issued', 'invoice.overdue'],
          description: 'Zaaksysteem',
          createdAt: expect.any(String),
        },
      ]);
    });

    it.each([
      [{ url: 'ftp://example.nl/hook', events: ['invoice.issued'] }, 'url'],
      [{ url: 'geen url', events: ['invoice.issued'] }, 'url'],
      [{ url: 'https://gebruiker:geheim@example.nl/hook', events: ['invoice.issued'] }, 'url'],
      [{ url: 'https://example.nl/hook', events: [] }, 'events'],
      [{ url: 'https://example.nl/hook', events: ['invoice.paid'] }, 'events'],
      [{ url: 'https://example.nl/hook', events: ['invoice.issued', 'invoice.issued'] }, 'events'],
    ])('%j is a 400 naming %s and registers nothing', async (body, field) => {
      const before = await sql<{ n: string }>(t.databaseUrl, `SELECT count(*) AS n FROM webhook_subscription`);
      const res = await assenAdmin.post('/api/v1/webhooks').send(body);
      expect([res.status, res.headers['content-type']]).toEqual([400, expect.stringContaining(PROBLEM)]);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(new RegExp(`^${field}`)) })]),
      );
      expect(await sql(t.databaseUrl, `SELECT count(*) AS n FROM webhook_subscription`)).toEqual(before);
    });

    it('only an ORG_ADMIN registers webhooks; only an operator runs the evaluation', async () => {
      expect(
        (
          await assenOfficer
            .post('/api/v1/webhooks')
            .send({ url: 'https://example.nl/hook', events: ['invoice.issued'] })
        ).status,
      ).toBe(403);
      for (const client of [assenOfficer, vng, sensoor])
        expect((await client.post('/api/v1/compliance/evaluations')).status).toBe(403);
    });
  });

  describe('coverage ending within 90 days, then a gap', () => {
    it('the evaluation of an unchanged demo notifies nobody', async () => {
      const { body } = await evaluate();
      expect(body).toMatchObject({
        day: TODAY,
        evaluated: true,
        obligations: 684,
        notifications: 0,
        webhookDeliveries: 0,
      });
      expect((await notifications(assenOfficer)).total).toBe(0);
    });

    it(`Assen's participation ending in 30 days: COVERAGE_ENDING for Assen (every role) and the VNG's contract managers, and obligation.changed to Assen's webhook`, async () => {
      await vng.delete(`/api/v1/contracts/${vng2018}/participants/GM0106?endDate=${coverageEnds}`).expect(200);
      const { body } = await evaluate();
      expect(body).toMatchObject({ evaluated: true, changes: 1, notifications: 2, webhookDeliveries: 1 });
      const officer = await notifications(assenOfficer);
      expect(officer).toMatchObject({ total: 1, unread: 1 });
      expect(officer.items[0]).toMatchObject({
        kind: 'COVERAGE_ENDING',
        municipalityCode: 'GM0106',
        subjectType: 'obligation',
        subjectId: WMO,
        title: expect.stringContaining(
          `eindigt op ${coverageEnds.slice(8, 10)}-${coverageEnds.slice(5, 7)}-${coverageEnds.slice(0, 4)}`,
        ),
        data: {
          status: 'AT_RISK',
          previousStatus: 'COMPLIANT',
          coveredUntil: coverageEnds,
          uncoveredFrom: addDays(coverageEnds, 1),
        },
        readAt: null,
      });
      expect((await notifications(assenFinance)).total).toBe(1);
      expect(
        (await notifications(vng)).items.map((n: { municipalityCode: string; kind: string }) => [
          n.municipalityCode,
          n.kind,
        ]),
      ).toEqual([['GM0106', 'COVERAGE_ENDING']]);
      expect((await notifications(sensoor)).total).toBe(0);
      expect((await notifications(await t.as('officer.gm0014@demo.nl'))).total).toBe(0);
    });

    it('the webhook is signed (Standard Webhooks, HMAC-SHA256) and a tampered body does not verify', async () => {
      await receiver.waitFor(() => receiver.events('/assen', 'obligation.changed').length, 1);
      const [{ received, payload }] = receiver.events('/assen', 'obligation.changed');
      expect(payload).toMatchObject({
        type: 'obligation.changed',
        data: {
          municipalityCode: 'GM0106',
          dutyCode: WMO,
          previousStatus: 'COMPLIANT',
          status: 'AT_RISK',
          coveredUntil: coverageEnds,
        },
      });
      const id = received.headers['webhook-id'] as string;
      const timestamp = Number(received.headers['webhook-timestamp']);
      const signature = received.headers['webhook-signature'] as string;
      expect(received.headers['content-type']).toBe('application/json');
      expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(60);
      expect(verifyWebhookSignature(assenHook.secret, id, timestamp, received.body, signature)).toBe(true);
      expect(
        verifyWebhookSignature(
          assenHook.secret,
          id,
          timestamp,
          received.body.replace('AT_RISK', 'COMPLIANT'),
          signature,
        ),
      ).toBe(false);
      expect(
        verifyWebhookSignature(
          `whsec_${Buffer.from('een ander geheim').toString('base64')}`,
          id,
          timestamp,
          received.body,
          signature,
        ),
      ).toBe(false);
      for (let i = 0; i < 50 && (await deliveries(assenHook.id))[0].status === 'PENDING'; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect((await deliveries(assenHook.id))[0]).toMatchObject({
        event: 'obligation.changed',
        status: 'DELIVERED',
        attempts: 1,
        lastResponseStatus: 200,
      });
    });

    it('read marks are per user: the officer reads it, the finance user still has it unread', async () => {
      const [item] = (await notifications(assenOfficer)).items;
      const read = await assenOfficer.post(`/api/v1/notifications/${item.id}/read`).expect(200);
      expect(read.body.readAt).toEqual(expect.any(String));
      expect(await notifications(assenOfficer, '?unread=true')).toMatchObject({ total: 0, unread: 0 });
      expect(await notifications(assenOfficer, '?unread=false')).toMatchObject({ total: 1, unread: 0 });
      expect(await notifications(assenFinance, '?unread=true')).toMatchObject({ total: 1, unread: 1 });
      expect((await assenOfficer.post(`/api/v1/notifications/${randomUUID()}/read`)).status).toBe(404);
    });

    it('evaluating again the same day says nothing new', async () => {
      const { body } = await evaluate();
      expect(body).toMatchObject({ changes: 0, notifications: 0, webhookDeliveries: 0 });
      expect((await notifications(assenFinance)).total).toBe(1);
    });

    it('the day after coverage ends: NON_COMPLIANT for Assen and the VNG, with obligation.changed AT_RISK -> NON_COMPLIANT', async () => {
      pinToday(addDays(coverageEnds, 1));
      try {
        const { body } = await evaluate();
        expect(body).toMatchObject({
          day: addDays(coverageEnds, 1),
          changes: 1,
          notifications: 2,
          webhookDeliveries: 1,
        });
      } finally {
        pinToday(null);
      }
      expect((await notifications(assenOfficer)).items[0]).toMatchObject({
        kind: 'NON_COMPLIANT',
        title: 'Assen voldoet niet aan art. 2.2.4 lid 1 onder b Wmo 2015',
        data: { status: 'NON_COMPLIANT', previousStatus: 'AT_RISK' },
      });
      expect((await notifications(vng)).items.map((n: { kind: string }) => n.kind)).toEqual([
        'NON_COMPLIANT',
        'COVERAGE_ENDING',
      ]);
      await receiver.waitFor(() => receiver.events('/assen', 'obligation.changed').length, 2);
      expect(receiver.events('/assen', 'obligation.changed')[1].payload.data).toMatchObject({
        previousStatus: 'AT_RISK',
        status: 'NON_COMPLIANT',
      });
    });
  });

  describe('invoices', () => {
    let invoice: { id: string; number: string; dueDate: string; totalCents: number };

    it("a run sends invoice.issued for Assen's invoice to Assen's webhook only (one of 338 invoices)", async () => {
      const started = await vng
        .post(`/api/v1/contracts/${vng2018}/invoice-runs`)
        .set('Idempotency-Key', randomUUID())
        .send({ year: 2025 })
        .expect(202);
      for (
        let i = 0;
        i < 300 && (await vng.get(`/api/v1/invoice-runs/${started.body.id}`)).body.status !== 'COMPLETED';
        i++
      )
        await new Promise((r) => setTimeout(r, 100));
      [invoice] = (await vng.get('/api/v1/invoices?municipality=GM0106&type=INVOICE').expect(200)).body.items;
      await receiver.waitFor(() => receiver.events('/assen', 'invoice.issued').length, 1);
      await new Promise((r) => setTimeout(r, 1500));
      const issued = receiver.events('/assen', 'invoice.issued');
      expect(issued).toHaveLength(1);
      expect(issued[0].payload.data).toMatchObject({
        id: invoice.id,
        number: invoice.number,
        type: 'INVOICE',
        municipalityCode: 'GM0106',
        contractReference: 'VNG-SEN-2018',
        totalCents: 1742525,
        currency: 'EUR',
        period: { start: '2025-01-01', end: '2025-12-31' },
      });
      expect(
        await sql(t.databaseUrl, `SELECT count(*)::int AS n FROM webhook_delivery WHERE event = 'invoice.issued'`),
      ).toEqual([{ n: 1 }]);
    });

    it('past its due date: INVOICE_OVERDUE for the finance staff of Assen and of Sensoor (not the officer), invoice.overdue once', async () => {
      pinToday(addDays(invoice.dueDate, 1));
      try {
        expect((await assenFinance.get(`/api/v1/invoices/${invoice.id}`).expect(200)).body.status).toBe('OVERDUE');
        const first = (await evaluate()).body;
        expect(first.notifications).toBeGreaterThanOrEqual(2 * 338);
        const again = (await evaluate()).body;
        expect(again).toMatchObject({ notifications: 0, webhookDeliveries: 0 });
      } finally {
        pinToday(null);
      }
      const finance = (await notifications(assenFinance)).items.filter(
        (n: { kind: string }) => n.kind === 'INVOICE_OVERDUE',
      );
      expect(finance).toEqual([
        expect.objectContaining({
          subjectType: 'invoice',
          subjectId: invoice.id,
          title: `Factuur ${invoice.number} is vervallen`,
          data: expect.objectContaining({ outstandingCents: 1742525 }),
        }),
      ]);
      expect(
        (await notifications(assenOfficer)).items.some((n: { kind: string }) => n.kind === 'INVOICE_OVERDUE'),
      ).toBe(false);
      const provider = (await notifications(sensoor, '?limit=200')).items.filter(
        (n: { kind: string }) => n.kind === 'INVOICE_OVERDUE',
      );
      expect(provider).toHaveLength(200);
      expect((await notifications(sensoor)).total).toBe(338);
      await receiver.waitFor(() => receiver.events('/assen', 'invoice.overdue').length, 1);
      expect(receiver.events('/assen', 'invoice.overdue')[0].payload.data).toMatchObject({
        id: invoice.id,
        number: invoice.number,
        outstandingCents: 1742525,
      });
    });
  });

  describe('delivery failures', () => {
    it('a failed delivery is retried with backoff and delivered; one that keeps failing ends FAILED after 1 + 2 attempts', async () => {
      const flaky = (
        await assenAdmin
          .post('/api/v1/webhooks')
          .send({ url: `${receiver.base}/flaky`, events: ['invoice.issued'] })
          .expect(201)
      ).body;
      const down = (
        await assenAdmin
          .post('/api/v1/webhooks')
          .send({ url: `${receiver.base}/down`, events: ['invoice.issued'] })
          .expect(201)
      ).body;
      receiver.answer('/flaky', [500]);
      receiver.answer('/down', [503, 503, 503, 503]);
      const [invoice] = (await vng.get('/api/v1/invoices?municipality=GM0106&type=INVOICE').expect(200)).body.items;
      await sensoor
        .post(`/api/v1/invoices/${invoice.id}/credit-notes`)
        .send({ reason: 'Dubbel', lines: [{ lineNumber: 1, amountCents: 100 }] })
        .expect(201);
      await receiver.waitFor(() => receiver.events('/flaky').length, 2);
      await receiver.waitFor(() => receiver.events('/down').length, 3);
      const [first, second] = receiver.events('/flaky');
      expect(second.received.headers['webhook-id']).toBe(first.received.headers['webhook-id']);
      expect(second.received.at - first.received.at).toBeGreaterThanOrEqual(900);
      expect(first.payload).toMatchObject({
        type: 'invoice.issued',
        data: { type: 'CREDIT_NOTE', credits: invoice.number, totalCents: 100 },
      });
      for (let i = 0; i < 100 && (await deliveries(down.id))[0]?.status !== 'FAILED'; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect((await deliveries(flaky.id))[0]).toMatchObject({ status: 'DELIVERED', attempts: 2 });
      expect((await deliveries(down.id))[0]).toMatchObject({ status: 'FAILED', attempts: 3, lastResponseStatus: 503 });
      await new Promise((r) => setTimeout(r, 2500));
      expect(receiver.events('/down')).toHaveLength(3);
    });

    it('a removed webhook receives nothing more and is gone from the list; another organisation cannot remove it', async () => {
      expect((await vng.delete(`/api/v1/webhooks/${assenHook.id}`)).status).toBe(404);
      await assenAdmin.delete(`/api/v1/webhooks/${assenHook.id}`).expect(204);
      expect(
        (await assenAdmin.get('/api/v1/webhooks').expect(200)).body.map((h: { id: string }) => h.id),
      ).not.toContain(assenHook.id);
      const before = receiver.events('/assen').length;
      const [invoice] = (await vng.get('/api/v1/invoices?municipality=GM0106&type=INVOICE').expect(200)).body.items;
      await sensoor
        .post(`/api/v1/invoices/${invoice.id}/credit-notes`)
        .send({ reason: 'Nog eens', lines: [{ lineNumber: 1, amountCents: 100 }] })
        .expect(201);
      await new Promise((r) => setTimeout(r, 2000));
      expect(receiver.events('/assen')).toHaveLength(before);
      expect((await assenAdmin.delete(`/api/v1/webhooks/${assenHook.id}`)).status).toBe(404);
    });
  });

  describe('the notifications API', () => {
    it('an API key lists notifications but keeps no read marks (422)', async () => {
      const key = (
        await assenAdmin
          .post('/api/v1/api-keys')
          .send({ name: 'Zaaksysteem', roles: ['ORG_ADMIN'] })
          .expect(201)
      ).body.secret;
      const machine = t.withAuthorization(`Bearer ${key}`);
      const list = await notifications(machine);
      expect(list.total).toBeGreaterThan(0);
      const res = await machine.post(`/api/v1/notifications/${list.items[0].id}/read`);
      expect([res.status, res.body.type]).toEqual([422, '/problems/read-needs-user']);
    });

    it.each(['unread=maybe', 'limit=0', 'page=0', 'colour=red'])('?%s is a 400', async (query) => {
      const res = await assenOfficer.get(`/api/v1/notifications?${query}`);
      expect([res.status, res.headers['content-type']]).toEqual([400, expect.stringContaining(PROBLEM)]);
    });
  });
});
