import { randomUUID } from 'node:crypto';
import { addDays, pinToday, todayInAmsterdam } from '@wmo/domain';
import { verifyWebhookSignature } from '@wmo/notifications';
import { WMO } from '../support/demo';
import { PROBLEM } from '../support/http';
import { NotificationsApp, startWithWebhookReceiver } from '../support/notifications';
import { sql } from '../support/test-database';

const TODAY = todayInAmsterdam();

/**
 * The daily evaluation tells a municipality and the VNG when coverage is about to end and when a
 * municipality stops meeting its duty; the municipality's webhook receives obligation.changed,
 * signed. Read marks are per user.
 */
describe('notifications and webhooks when an obligation changes', () => {
  let n: NotificationsApp;
  let assenHook: { id: string; secret: string };
  const coverageEnds = addDays(TODAY, 30);

  beforeAll(async () => {
    n = await startWithWebhookReceiver();
  }, 120_000);
  afterAll(async () => {
    pinToday(null);
    await n?.close();
  });

  describe('webhook registration', () => {
    it("Assen's ORG_ADMIN registers an endpoint: 201 with a whsec_ secret shown once; the list has no secret", async () => {
      const res = await n.assenAdmin.post('/api/v1/webhooks').send({
        url: `${n.receiver.base}/assen`,
        events: ['obligation.changed', 'invoice.issued', 'invoice.overdue'],
        description: 'Zaaksysteem',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        url: `${n.receiver.base}/assen`,
        events: ['obligation.changed', 'invoice.issued', 'invoice.overdue'],
        description: 'Zaaksysteem',
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/=]{32}$/),
      });
      assenHook = { id: res.body.id, secret: res.body.secret };
      const list = (await n.assenAdmin.get('/api/v1/webhooks').expect(200)).body;
      expect(list).toEqual([
        {
          id: assenHook.id,
          url: `${n.receiver.base}/assen`,
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
      const before = await sql<{ n: string }>(n.t.databaseUrl, `SELECT count(*) AS n FROM webhook_subscription`);
      const res = await n.assenAdmin.post('/api/v1/webhooks').send(body);
      expect([res.status, res.headers['content-type']]).toEqual([400, expect.stringContaining(PROBLEM)]);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(new RegExp(`^${field}`)) })]),
      );
      expect(await sql(n.t.databaseUrl, `SELECT count(*) AS n FROM webhook_subscription`)).toEqual(before);
    });

    it('only an ORG_ADMIN registers webhooks; only an operator runs the evaluation', async () => {
      expect(
        (
          await n.assenOfficer
            .post('/api/v1/webhooks')
            .send({ url: 'https://example.nl/hook', events: ['invoice.issued'] })
        ).status,
      ).toBe(403);
      for (const client of [n.assenOfficer, n.vng, n.sensoor])
        expect((await client.post('/api/v1/compliance/evaluations')).status).toBe(403);
    });
  });

  describe('coverage ending within 90 days, then a gap', () => {
    it('the evaluation of an unchanged demo notifies nobody', async () => {
      const { body } = await n.evaluate();
      expect(body).toMatchObject({
        day: TODAY,
        evaluated: true,
        obligations: 684,
        notifications: 0,
        webhookDeliveries: 0,
      });
      expect((await n.notifications(n.assenOfficer)).total).toBe(0);
    });

    it(`Assen's participation ending in 30 days: COVERAGE_ENDING for Assen (every role) and the VNG's contract managers, and obligation.changed to Assen's webhook`, async () => {
      await n.vng.delete(`/api/v1/contracts/${n.vng2018}/participants/GM0106?endDate=${coverageEnds}`).expect(200);
      const { body } = await n.evaluate();
      expect(body).toMatchObject({ evaluated: true, changes: 1, notifications: 2, webhookDeliveries: 1 });
      const officer = await n.notifications(n.assenOfficer);
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
      expect((await n.notifications(n.assenFinance)).total).toBe(1);
      expect(
        (await n.notifications(n.vng)).items.map((n: { municipalityCode: string | null; kind: string }) => [
          n.municipalityCode,
          n.kind,
        ]),
      ).toEqual([['GM0106', 'COVERAGE_ENDING']]);
      expect((await n.notifications(n.sensoor)).total).toBe(0);
      expect((await n.notifications(await n.t.as('officer.gm0014@demo.nl'))).total).toBe(0);
    });

    it('the webhook is signed (Standard Webhooks, HMAC-SHA256) and a tampered body does not verify', async () => {
      await n.receiver.waitFor(() => n.receiver.events('/assen', 'obligation.changed').length, 1);
      const [{ received, payload }] = n.receiver.events('/assen', 'obligation.changed');
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
      for (let i = 0; i < 50 && (await n.deliveries(assenHook.id))[0].status === 'PENDING'; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect((await n.deliveries(assenHook.id))[0]).toMatchObject({
        event: 'obligation.changed',
        status: 'DELIVERED',
        attempts: 1,
        lastResponseStatus: 200,
      });
    });

    it('read marks are per user: the officer reads it, the finance user still has it unread', async () => {
      const [item] = (await n.notifications(n.assenOfficer)).items;
      const read = await n.assenOfficer.post(`/api/v1/notifications/${item.id}/read`).expect(200);
      expect(read.body.readAt).toEqual(expect.any(String));
      expect(await n.notifications(n.assenOfficer, '?unread=true')).toMatchObject({ total: 0, unread: 0 });
      expect(await n.notifications(n.assenOfficer, '?unread=false')).toMatchObject({ total: 1, unread: 0 });
      expect(await n.notifications(n.assenFinance, '?unread=true')).toMatchObject({ total: 1, unread: 1 });
      expect((await n.assenOfficer.post(`/api/v1/notifications/${randomUUID()}/read`)).status).toBe(404);
    });

    it('evaluating again the same day says nothing new', async () => {
      const { body } = await n.evaluate();
      expect(body).toMatchObject({ changes: 0, notifications: 0, webhookDeliveries: 0 });
      expect((await n.notifications(n.assenFinance)).total).toBe(1);
    });

    it('the day after coverage ends: NON_COMPLIANT for Assen and the VNG, with obligation.changed AT_RISK -> NON_COMPLIANT', async () => {
      pinToday(addDays(coverageEnds, 1));
      try {
        const { body } = await n.evaluate();
        expect(body).toMatchObject({
          day: addDays(coverageEnds, 1),
          changes: 1,
          notifications: 2,
          webhookDeliveries: 1,
        });
      } finally {
        pinToday(null);
      }
      expect((await n.notifications(n.assenOfficer)).items[0]).toMatchObject({
        kind: 'NON_COMPLIANT',
        title: 'Assen voldoet niet aan art. 2.2.4 lid 1 onder b Wmo 2015',
        data: { status: 'NON_COMPLIANT', previousStatus: 'AT_RISK' },
      });
      expect((await n.notifications(n.vng)).items.map((n: { kind: string }) => n.kind)).toEqual([
        'NON_COMPLIANT',
        'COVERAGE_ENDING',
      ]);
      await n.receiver.waitFor(() => n.receiver.events('/assen', 'obligation.changed').length, 2);
      expect(n.receiver.events('/assen', 'obligation.changed')[1].payload.data).toMatchObject({
        previousStatus: 'AT_RISK',
        status: 'NON_COMPLIANT',
      });
    });
  });

  describe('the notifications API', () => {
    it('an API key lists notifications but keeps no read marks (422)', async () => {
      const key = (
        await n.assenAdmin
          .post('/api/v1/api-keys')
          .send({ name: 'Zaaksysteem', roles: ['ORG_ADMIN'] })
          .expect(201)
      ).body.secret;
      const machine = n.t.withAuthorization(`Bearer ${key}`);
      const list = await n.notifications(machine);
      expect(list.total).toBeGreaterThan(0);
      const res = await machine.post(`/api/v1/notifications/${list.items[0].id}/read`);
      expect([res.status, res.body.type]).toEqual([422, '/problems/read-needs-user']);
    });

    it.each(['unread=maybe', 'limit=0', 'page=0', 'colour=red'])('?%s is a 400', async (query) => {
      const res = await n.assenOfficer.get(`/api/v1/notifications?${query}`);
      expect([res.status, res.headers['content-type']]).toEqual([400, expect.stringContaining(PROBLEM)]);
    });
  });
});
