import { addDays, pinToday } from '@wmo/domain';
import { startRun } from '../support/invoicing';
import { NotificationsApp, startWithWebhookReceiver } from '../support/notifications';
import { sql } from '../support/test-database';
import { waitForRun } from '../support/test-app';

/**
 * Invoices as events: invoice.issued to the customer's webhook, overdue invoices as notifications
 * and invoice.overdue; deliveries that fail are retried with backoff until they give up.
 */
describe('invoice events: notifications and webhooks', () => {
  let n: NotificationsApp;
  let assenHook: { id: string; secret: string };

  beforeAll(async () => {
    n = await startWithWebhookReceiver();
    const res = await n.assenAdmin
      .post('/api/v1/webhooks')
      .send({ url: `${n.receiver.base}/assen`, events: ['obligation.changed', 'invoice.issued', 'invoice.overdue'] })
      .expect(201);
    assenHook = { id: res.body.id, secret: res.body.secret };
  }, 120_000);
  afterAll(async () => {
    pinToday(null);
    await n?.close();
  });

  describe('invoices', () => {
    let invoice: { id: string; number: string; dueDate: string; totalCents: number };

    it("a run sends invoice.issued for Assen's invoice to Assen's webhook only (one of 338 invoices)", async () => {
      const started = await startRun(n.vng, n.vng2018, { year: 2025 }).expect(202);
      expect(await waitForRun(n.vng, started.body.id)).toMatchObject({ status: 'COMPLETED' });
      [invoice] = (await n.vng.get('/api/v1/invoices?municipality=GM0106&type=INVOICE').expect(200)).body.items;
      await n.receiver.waitFor(() => n.receiver.events('/assen', 'invoice.issued').length, 1);
      await new Promise((r) => setTimeout(r, 1500));
      const issued = n.receiver.events('/assen', 'invoice.issued');
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
        await sql(n.t.databaseUrl, `SELECT count(*)::int AS n FROM webhook_delivery WHERE event = 'invoice.issued'`),
      ).toEqual([{ n: 1 }]);
    });

    it('past its due date: INVOICE_OVERDUE for the finance staff of Assen and of Sensoor (not the officer), invoice.overdue once', async () => {
      pinToday(addDays(invoice.dueDate, 1));
      try {
        expect((await n.assenFinance.get(`/api/v1/invoices/${invoice.id}`).expect(200)).body.status).toBe('OVERDUE');
        const first = (await n.evaluate()).body;
        expect(first.notifications).toBeGreaterThanOrEqual(2 * 338);
        const again = (await n.evaluate()).body;
        expect(again).toMatchObject({ notifications: 0, webhookDeliveries: 0 });
      } finally {
        pinToday(null);
      }
      const finance = (await n.notifications(n.assenFinance)).items.filter(
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
        (await n.notifications(n.assenOfficer)).items.some((n: { kind: string }) => n.kind === 'INVOICE_OVERDUE'),
      ).toBe(false);
      const provider = (await n.notifications(n.sensoor, '?limit=200')).items.filter(
        (n: { kind: string }) => n.kind === 'INVOICE_OVERDUE',
      );
      expect(provider).toHaveLength(200);
      expect((await n.notifications(n.sensoor)).total).toBe(338);
      await n.receiver.waitFor(() => n.receiver.events('/assen', 'invoice.overdue').length, 1);
      expect(n.receiver.events('/assen', 'invoice.overdue')[0].payload.data).toMatchObject({
        id: invoice.id,
        number: invoice.number,
        outstandingCents: 1742525,
      });
    });
  });

  describe('delivery failures', () => {
    it('a failed delivery is retried with backoff and delivered; one that keeps failing ends FAILED after 1 + 2 attempts', async () => {
      const flaky = (
        await n.assenAdmin
          .post('/api/v1/webhooks')
          .send({ url: `${n.receiver.base}/flaky`, events: ['invoice.issued'] })
          .expect(201)
      ).body;
      const down = (
        await n.assenAdmin
          .post('/api/v1/webhooks')
          .send({ url: `${n.receiver.base}/down`, events: ['invoice.issued'] })
          .expect(201)
      ).body;
      n.receiver.answer('/flaky', [500]);
      n.receiver.answer('/down', [503, 503, 503, 503]);
      const [invoice] = (await n.vng.get('/api/v1/invoices?municipality=GM0106&type=INVOICE').expect(200)).body.items;
      await n.sensoor
        .post(`/api/v1/invoices/${invoice.id}/credit-notes`)
        .send({ reason: 'Dubbel', lines: [{ lineNumber: 1, amountCents: 100 }] })
        .expect(201);
      await n.receiver.waitFor(() => n.receiver.events('/flaky').length, 2);
      await n.receiver.waitFor(() => n.receiver.events('/down').length, 3);
      const [first, second] = n.receiver.events('/flaky');
      expect(second.received.headers['webhook-id']).toBe(first.received.headers['webhook-id']);
      expect(second.received.at - first.received.at).toBeGreaterThanOrEqual(900);
      expect(first.payload).toMatchObject({
        type: 'invoice.issued',
        data: { type: 'CREDIT_NOTE', credits: invoice.number, totalCents: 100 },
      });
      for (let i = 0; i < 100 && (await n.deliveries(down.id))[0]?.status !== 'FAILED'; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect((await n.deliveries(flaky.id))[0]).toMatchObject({ status: 'DELIVERED', attempts: 2 });
      expect((await n.deliveries(down.id))[0]).toMatchObject({
        status: 'FAILED',
        attempts: 3,
        lastResponseStatus: 503,
      });
      await new Promise((r) => setTimeout(r, 2500));
      expect(n.receiver.events('/down')).toHaveLength(3);
    });

    it('a removed webhook receives nothing more and is gone from the list; another organisation cannot remove it', async () => {
      expect((await n.vng.delete(`/api/v1/webhooks/${assenHook.id}`)).status).toBe(404);
      await n.assenAdmin.delete(`/api/v1/webhooks/${assenHook.id}`).expect(204);
      expect(
        (await n.assenAdmin.get('/api/v1/webhooks').expect(200)).body.map((h: { id: string }) => h.id),
      ).not.toContain(assenHook.id);
      const before = n.receiver.events('/assen').length;
      const [invoice] = (await n.vng.get('/api/v1/invoices?municipality=GM0106&type=INVOICE').expect(200)).body.items;
      await n.sensoor
        .post(`/api/v1/invoices/${invoice.id}/credit-notes`)
        .send({ reason: 'Nog eens', lines: [{ lineNumber: 1, amountCents: 100 }] })
        .expect(201);
      await new Promise((r) => setTimeout(r, 2000));
      expect(n.receiver.events('/assen')).toHaveLength(before);
      expect((await n.assenAdmin.delete(`/api/v1/webhooks/${assenHook.id}`)).status).toBe(404);
    });
  });
});
