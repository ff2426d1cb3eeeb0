import { sql } from './support/test-database';
import { expectInvalidField, outcome } from './support/http';
import { addUser, municipalityOrganisationId, TODAY, addDays } from './support/demo';
import { Client, startTestApp, TestApp } from './support/test-app';

/**
 * The administration lists on the one list convention: users, the audit log, notifications and a
 * webhook's deliveries searched, filtered, sorted and paged on the server; a bad value is a 400
 * naming its field; and no organisation sees another's rows.
 */
describe('administration lists: users, audit log, notifications, webhook deliveries', () => {
  let t: TestApp;
  let operator: Client;
  let assenAdmin: Client;
  let groningenAdmin: Client;
  let assenId: string;
  let assenAdminId: string;

  const emails = (res: { body: { items: Array<{ email: string }> } }) => res.body.items.map((u) => u.email);

  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.as('operator@demo.nl');
    assenId = await municipalityOrganisationId(t, 'GM0106');
    assenAdmin = await addUser(t, operator, {
      email: 'beheer@assen.nl',
      name: 'Beheerder Assen',
      roles: ['ORG_ADMIN', 'OFFICER'],
      password: 'assen-beheer-123',
      organisationId: assenId,
    });
    groningenAdmin = await addUser(t, operator, {
      email: 'beheer@groningen.nl',
      name: 'Beheerder Groningen',
      roles: ['ORG_ADMIN', 'OFFICER'],
      password: 'groningen-beheer-123',
      organisationId: await municipalityOrganisationId(t, 'GM0014'),
    });
    assenAdminId = (
      await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM app_user WHERE email = 'beheer@assen.nl'`)
    )[0].id;
    for (const [email, name] of [
      ['bram.bakker@assen.nl', 'Bram Bakker'],
      ['anna.zwart@assen.nl', 'Anna Zwart'],
      ['carla.de.vries@assen.nl', 'Carla de Vries'],
    ])
      await assenAdmin
        .post('/api/v1/users')
        .send({ email, name, roles: ['OFFICER'], password: 'een-lang-wachtwoord' })
        .expect(201);
    const carla = await assenAdmin.get('/api/v1/users?q=carla').expect(200);
    await assenAdmin.patch(`/api/v1/users/${carla.body.items[0].id}`).send({ active: false }).expect(200);
  });
  afterAll(() => t.close());

  describe('GET /api/v1/users', () => {
    it('searches name and e-mail address, case-insensitively', async () => {
      expect(emails(await assenAdmin.get('/api/v1/users?q=ZWART').expect(200))).toEqual(['anna.zwart@assen.nl']);
      expect(emails(await assenAdmin.get('/api/v1/users?q=bram.b').expect(200))).toEqual(['bram.bakker@assen.nl']);
      // % is a character, not a wildcard
      expect((await assenAdmin.get('/api/v1/users?q=%25').expect(200)).body.total).toBe(0);
    });

    it('sorts by name either way, by e-mail address by default, and pages', async () => {
      const names = (await assenAdmin.get('/api/v1/users?sort=name').expect(200)).body.items.map(
        (u: { name: string }) => u.name,
      );
      // Assen's demo officer and finance user are there too
      expect(names).toEqual([
        'Anna Zwart',
        'Beheerder Assen',
        'Beleidsmedewerker Assen',
        'Bram Bakker',
        'Carla de Vries',
        'Financiën Assen',
      ]);
      const descending = await assenAdmin.get('/api/v1/users?sort=-name&limit=2&page=1').expect(200);
      expect(descending.body).toMatchObject({ total: 6, page: 1, limit: 2 });
      expect(emails(descending)).toEqual(['finance.gm0106@demo.nl', 'carla.de.vries@assen.nl']);
      expect(emails(await assenAdmin.get('/api/v1/users?q=assen.nl').expect(200))).toEqual([
        'anna.zwart@assen.nl',
        'beheer@assen.nl',
        'bram.bakker@assen.nl',
        'carla.de.vries@assen.nl',
      ]);
    });

    it('sorts by last sign-in with those who never signed in last, and filters active or deactivated users', async () => {
      const bySignIn = await assenAdmin.get('/api/v1/users?sort=-lastLoginAt').expect(200);
      expect(emails(bySignIn)[0]).toBe('beheer@assen.nl');
      expect(bySignIn.body.items[1].lastLoginAt).toBeNull();
      expect(bySignIn.body.items[5].lastLoginAt).toBeNull();
      expect(emails(await assenAdmin.get('/api/v1/users?active=false').expect(200))).toEqual([
        'carla.de.vries@assen.nl',
      ]);
      expect((await assenAdmin.get('/api/v1/users?active=true').expect(200)).body.total).toBe(5);
    });

    it('refuses an unknown sort field or active value with a 400 naming it', async () => {
      expectInvalidField(await assenAdmin.get('/api/v1/users?sort=password'), 'sort');
      expectInvalidField(await assenAdmin.get('/api/v1/users?active=yes'), 'active');
      expectInvalidField(await assenAdmin.get(`/api/v1/users?q=${'x'.repeat(101)}`), 'q');
    });

    it("does not list another organisation's users", async () => {
      expect((await groningenAdmin.get('/api/v1/users?q=assen').expect(200)).body.total).toBe(0);
    });
  });

  describe('GET /api/v1/audit-events', () => {
    it('finds the creation of a user by its name, with who did it', async () => {
      const res = await assenAdmin.get('/api/v1/audit-events?q=anna%20zwart').expect(200);
      expect(res.body.total).toBe(1);
      expect(res.body.items[0]).toMatchObject({
        action: 'user.created',
        entityType: 'user',
        actorUserId: assenAdminId,
        actorName: 'Beheerder Assen (beheer@assen.nl)',
        after: { email: 'anna.zwart@assen.nl', name: 'Anna Zwart', roles: ['OFFICER'], active: true },
      });
    });

    it('filters by action and actor, newest first by default and oldest first when asked', async () => {
      const newest = await assenAdmin.get(`/api/v1/audit-events?action=user.created&actor=${assenAdminId}`).expect(200);
      expect(newest.body.total).toBe(3);
      const createdEmails = (res: { body: { items: Array<{ after: { email: string } }> } }) =>
        res.body.items.map((e) => e.after.email);
      expect(createdEmails(newest)).toEqual(['carla.de.vries@assen.nl', 'anna.zwart@assen.nl', 'bram.bakker@assen.nl']);
      const oldest = await assenAdmin
        .get(`/api/v1/audit-events?action=user.created&actor=${assenAdminId}&sort=occurredAt`)
        .expect(200);
      expect(createdEmails(oldest)).toEqual(['bram.bakker@assen.nl', 'anna.zwart@assen.nl', 'carla.de.vries@assen.nl']);
      // The operator made Assen's administrator: the admin sees the event but not who at the operator did it.
      const byOperator = await assenAdmin
        .get('/api/v1/audit-events?q=beheerder%20assen&action=user.created&sort=occurredAt&limit=1')
        .expect(200);
      expect(byOperator.body.items).toEqual([
        expect.objectContaining({ actorName: null, after: expect.objectContaining({ email: 'beheer@assen.nl' }) }),
      ]);
    });

    it('filters by day, both ends included', async () => {
      const q = 'action=user.created&q=zwart';
      expect((await assenAdmin.get(`/api/v1/audit-events?${q}&from=${TODAY}&to=${TODAY}`).expect(200)).body.total).toBe(
        1,
      );
      expect((await assenAdmin.get(`/api/v1/audit-events?${q}&from=${addDays(TODAY, 1)}`).expect(200)).body.total).toBe(
        0,
      );
      expect((await assenAdmin.get(`/api/v1/audit-events?${q}&to=${addDays(TODAY, -1)}`).expect(200)).body.total).toBe(
        0,
      );
    });

    it('answers the total on a page past the end', async () => {
      const res = await assenAdmin.get('/api/v1/audit-events?action=user.created&limit=2&page=9').expect(200);
      expect(res.body).toMatchObject({ items: [], total: 4, page: 9, limit: 2 });
    });

    it('refuses a bad sort, date, range or actor with a 400 naming the field', async () => {
      expectInvalidField(await assenAdmin.get('/api/v1/audit-events?sort=action'), 'sort');
      expectInvalidField(await assenAdmin.get('/api/v1/audit-events?from=2026-02-30'), 'from');
      expectInvalidField(await assenAdmin.get(`/api/v1/audit-events?from=${TODAY}&to=${addDays(TODAY, -1)}`), 'to');
      expectInvalidField(await assenAdmin.get('/api/v1/audit-events?actor=beheer'), 'actor');
    });

    it("keeps each organisation to its own log: Groningen finds nothing of Assen's, and cannot ask for it", async () => {
      expect((await groningenAdmin.get('/api/v1/audit-events?q=zwart').expect(200)).body.total).toBe(0);
      expect((await groningenAdmin.get(`/api/v1/audit-events?actor=${assenAdminId}`).expect(200)).body.total).toBe(0);
      expect((await groningenAdmin.get(`/api/v1/audit-events?organisation=${assenId}`)).status).toBe(404);
      // The operator reads every organisation's log
      expect((await operator.get('/api/v1/audit-events?q=zwart').expect(200)).body.total).toBe(1);
    });
  });

  describe('GET /api/v1/notifications', () => {
    let officer: Client;
    beforeAll(async () => {
      officer = await t.as('officer.gm0106@demo.nl');
      await sql(
        t.databaseUrl,
        `INSERT INTO notification (organisation_id, roles, kind, municipality_code, subject_type, subject_id, title, message, data, dedupe_key, created_at)
         VALUES ($1, '{}', 'COVERAGE_ENDING', 'GM0106', 'obligation', 'X', 'Dekking eindigt', 'm', '{}', 'a', now() - interval '3 days'),
                ($1, '{}', 'NON_COMPLIANT', 'GM0106', 'obligation', 'X', 'Niet gedekt', 'm', '{}', 'b', now() - interval '2 days'),
                ($1, '{}', 'COVERAGE_ENDING', 'GM0106', 'obligation', 'X', 'Dekking eindigt weer', 'm', '{}', 'c', now() - interval '1 day')`,
        [assenId],
      );
    });
    const titles = (res: { body: { items: Array<{ title: string }> } }) => res.body.items.map((n) => n.title);

    it('filters by kind and sorts either way, with the unread count of all', async () => {
      const ending = await officer.get('/api/v1/notifications?kind=COVERAGE_ENDING').expect(200);
      expect(titles(ending)).toEqual(['Dekking eindigt weer', 'Dekking eindigt']);
      expect(ending.body).toMatchObject({ total: 2, unread: 3 });
      expect(titles(await officer.get('/api/v1/notifications?sort=createdAt').expect(200))).toEqual([
        'Dekking eindigt',
        'Niet gedekt',
        'Dekking eindigt weer',
      ]);
    });

    it('filters unread and read ones after marking one read', async () => {
      const all = await officer.get('/api/v1/notifications?sort=createdAt').expect(200);
      await officer.post(`/api/v1/notifications/${all.body.items[1].id}/read`).expect(200);
      const unread = await officer.get('/api/v1/notifications?unread=true').expect(200);
      expect(titles(unread)).toEqual(['Dekking eindigt weer', 'Dekking eindigt']);
      expect(unread.body).toMatchObject({ total: 2, unread: 2 });
      expect(titles(await officer.get('/api/v1/notifications?unread=false').expect(200))).toEqual(['Niet gedekt']);
    });

    it('refuses an unknown kind or sort with a 400 naming it', async () => {
      expectInvalidField(await officer.get('/api/v1/notifications?kind=SPAM'), 'kind');
      expectInvalidField(await officer.get('/api/v1/notifications?sort=-title'), 'sort');
    });

    it("shows Groningen none of Assen's", async () => {
      expect((await groningenAdmin.get('/api/v1/notifications').expect(200)).body.total).toBe(0);
    });
  });

  describe('GET /api/v1/webhooks/:id/deliveries', () => {
    let hookId: string;
    beforeAll(async () => {
      const hook = await assenAdmin
        .post('/api/v1/webhooks')
        .send({ url: 'https://93.184.215.14/hooks', events: ['obligation.changed'] })
        .expect(201);
      hookId = hook.body.id;
      await sql(
        t.databaseUrl,
        `INSERT INTO webhook_delivery (subscription_id, organisation_id, event, event_id, payload, status, attempts, last_response_status, created_at)
         VALUES ($1, $2, 'obligation.changed', gen_random_uuid(), '{"n":1}', 'DELIVERED', 1, 200, now() - interval '3 hours'),
                ($1, $2, 'obligation.changed', gen_random_uuid(), '{"n":2}', 'FAILED', 3, 500, now() - interval '2 hours'),
                ($1, $2, 'obligation.changed', gen_random_uuid(), '{"n":3}', 'PENDING', 0, NULL, now() - interval '1 hour')`,
        [hookId, assenId],
      );
    });

    it('pages the deliveries newest first', async () => {
      const first = await assenAdmin.get(`/api/v1/webhooks/${hookId}/deliveries?limit=2`).expect(200);
      expect(first.body).toMatchObject({ total: 3, page: 1, limit: 2 });
      expect(first.body.items.map((d: { payload: { n: number } }) => d.payload.n)).toEqual([3, 2]);
      const second = await assenAdmin.get(`/api/v1/webhooks/${hookId}/deliveries?limit=2&page=2`).expect(200);
      expect(second.body.items).toEqual([
        expect.objectContaining({ status: 'DELIVERED', attempts: 1, lastResponseStatus: 200 }),
      ]);
    });

    it('filters by status, and refuses an unknown one with a 400 naming it', async () => {
      const failed = await assenAdmin.get(`/api/v1/webhooks/${hookId}/deliveries?status=FAILED`).expect(200);
      expect(failed.body.items).toEqual([
        expect.objectContaining({ status: 'FAILED', attempts: 3, lastResponseStatus: 500 }),
      ]);
      expect(failed.body.total).toBe(1);
      expectInvalidField(await assenAdmin.get(`/api/v1/webhooks/${hookId}/deliveries?status=LOST`), 'status');
    });

    it("answers Groningen 404 for Assen's webhook", async () => {
      expect(outcome(await groningenAdmin.get(`/api/v1/webhooks/${hookId}/deliveries`))).toMatchObject({ status: 404 });
    });
  });
});
