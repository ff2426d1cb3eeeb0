import request from 'supertest';
import { distEntry, runProcess } from './support/processes';
import { sql } from './support/test-database';
import { Client, startTestApp, TestApp } from './support/test-app';

describe('users, organisations and the audit log', () => {
  let t: TestApp;
  let operator: Client;
  let assenAdmin: Client;
  let assenId: string;
  let groningenId: string;

  const orgId = async (code: string) =>
    (await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM organisation WHERE municipality_code = $1`, [code]))[0]
      .id;
  const userCount = async () =>
    Number((await sql<{ count: string }>(t.databaseUrl, 'SELECT count(*) FROM app_user'))[0].count);

  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.as('operator@demo.nl');
    assenId = await orgId('GM0106');
    groningenId = await orgId('GM0014');
    await operator
      .post('/api/v1/users')
      .send({
        email: 'admin.gm0106@test.nl',
        name: 'Beheerder Assen',
        // An administrator gives only roles they hold themselves.
        roles: ['ORG_ADMIN', 'OFFICER', 'FINANCE'],
        password: 'een-lang-wachtwoord',
        organisationId: assenId,
      })
      .expect(201);
    assenAdmin = await t.as('admin.gm0106@test.nl', 'een-lang-wachtwoord');
  });
  afterAll(() => t.close());

  it('every municipality of the reference data has its organisation (426), named after it', async () => {
    const res = await operator.get('/api/v1/organisations?kind=MUNICIPALITY&limit=500').expect(200);
    expect(res.body.total).toBe(426);
    expect(res.body.items.find((o: { municipalityCode: string }) => o.municipalityCode === 'GM0106')).toMatchObject({
      name: 'Gemeente Assen',
      kind: 'MUNICIPALITY',
    });
  });

  it('an ORG_ADMIN creates a user in the own organisation, who can then sign in; the write is audited without the password', async () => {
    const created = await assenAdmin
      .post('/api/v1/users')
      .send({
        email: 'Nieuwe.Collega@Assen.nl',
        name: 'Nieuwe Collega',
        roles: ['OFFICER', 'FINANCE'],
        password: 'correct-horse-battery',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      email: 'nieuwe.collega@assen.nl',
      organisationId: assenId,
      roles: ['OFFICER', 'FINANCE'],
      active: true,
    });
    expect(created.body).not.toHaveProperty('passwordHash');
    await t.login('nieuwe.collega@assen.nl', 'correct-horse-battery');

    const audit = await assenAdmin.get('/api/v1/audit-events?action=user.created').expect(200);
    const event = audit.body.items.find((e: { entityId: string }) => e.entityId === created.body.id);
    expect(event).toMatchObject({
      organisationId: assenId,
      entityType: 'user',
      before: null,
      requestId: expect.any(String),
    });
    expect(event.after).toEqual({
      email: 'nieuwe.collega@assen.nl',
      name: 'Nieuwe Collega',
      roles: ['OFFICER', 'FINANCE'],
      active: true,
      organisationId: assenId,
    });
    expect(JSON.stringify(audit.body)).not.toContain('argon2');
  });

  it.each([
    ['a password of 11 characters', { password: 'kort-wacht1' }, 'password', 'at least 12 characters'],
    [
      'the e-mail address as password',
      { email: 'zelfde@assen.nl', password: 'zelfde@assen.nl' },
      'password',
      'not be the e-mail address',
    ],
    ['a malformed e-mail address', { email: 'geen-adres' }, 'email', 'e-mail address'],
    ['no roles', { roles: [] }, 'roles', 'at least one role'],
    ['an unknown role', { roles: ['KING'] }, 'roles', 'each role must be one of'],
    ['an unknown field', { favouriteColour: 'blue' }, 'favouriteColour', 'unknown parameter'],
  ])('refuses %s with a 400 naming the field, and creates nothing', async (_case, change, field, message) => {
    const before = await userCount();
    const res = await assenAdmin
      .post('/api/v1/users')
      .send({ email: 'x@assen.nl', name: 'X', roles: ['OFFICER'], password: 'long-enough-password', ...change })
      .expect(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.stringContaining(message) }]));
    expect(await userCount()).toBe(before);
  });

  it('refuses a duplicate e-mail address in any letter case (409) and a role that does not fit the organisation (422)', async () => {
    await assenAdmin
      .post('/api/v1/users')
      .send({ email: 'OFFICER.gm0106@demo.nl', name: 'Dubbel', roles: ['OFFICER'], password: 'long-enough-password' })
      .expect(409);
    const misfit = await assenAdmin
      .post('/api/v1/users')
      .send({ email: 'cm@assen.nl', name: 'CM', roles: ['CONTRACT_MANAGER'], password: 'long-enough-password' })
      .expect(422);
    expect(misfit.body.detail).toContain('CONTRACT_MANAGER cannot be given in an organisation of kind MUNICIPALITY');
    await assenAdmin
      .post('/api/v1/users')
      .send({ email: 'op@assen.nl', name: 'Op', roles: ['OPERATOR'], password: 'long-enough-password' })
      .expect(422);
  });

  it('changing roles and deactivating are audited with before and after; a deactivated user can no longer sign in or refresh', async () => {
    const created = (
      await assenAdmin
        .post('/api/v1/users')
        .send({ email: 'tijdelijk@assen.nl', name: 'Tijdelijk', roles: ['OFFICER'], password: 'long-enough-password' })
        .expect(201)
    ).body;
    const session = await t.login('tijdelijk@assen.nl', 'long-enough-password');
    await assenAdmin
      .patch(`/api/v1/users/${created.id}`)
      .send({ roles: ['FINANCE'] })
      .expect(200);
    const deactivated = await assenAdmin.patch(`/api/v1/users/${created.id}`).send({ active: false }).expect(200);
    expect(deactivated.body.active).toBe(false);
    await request(t.server)
      .post('/api/v1/auth/login')
      .send({ email: 'tijdelijk@assen.nl', password: 'long-enough-password' })
      .expect(401);
    await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    const audit = await assenAdmin.get('/api/v1/audit-events?action=user.updated').expect(200);
    const events = audit.body.items.filter((e: { entityId: string }) => e.entityId === created.id).reverse();
    expect(events.map((e: { before: object; after: object }) => [e.before, e.after])).toEqual([
      [
        expect.objectContaining({ roles: ['OFFICER'], active: true }),
        expect.objectContaining({ roles: ['FINANCE'], active: true }),
      ],
      [
        expect.objectContaining({ roles: ['FINANCE'], active: true }),
        expect.objectContaining({ roles: ['FINANCE'], active: false }),
      ],
    ]);
  });

  it('an administrator cannot lock themselves out', async () => {
    const me = (await assenAdmin.get('/api/v1/me').expect(200)).body;
    await assenAdmin.patch(`/api/v1/users/${me.id}`).send({ active: false }).expect(409);
    await assenAdmin
      .patch(`/api/v1/users/${me.id}`)
      .send({ roles: ['OFFICER'] })
      .expect(409);
  });

  it("another organisation's users are a 404, exactly like a missing one, and nothing changes", async () => {
    const groningenUser = (
      await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM app_user WHERE email = 'officer.gm0014@demo.nl'`)
    )[0].id;
    const foreign = await assenAdmin.get(`/api/v1/users/${groningenUser}`).expect(404);
    const missing = await assenAdmin.get('/api/v1/users/00000000-0000-4000-8000-000000000000').expect(404);
    expect(foreign.body.title).toBe(missing.body.title);
    await assenAdmin.patch(`/api/v1/users/${groningenUser}`).send({ name: 'Overgenomen' }).expect(404);
    await assenAdmin
      .post('/api/v1/users')
      .send({
        email: 'indringer@x.nl',
        name: 'I',
        roles: ['OFFICER'],
        password: 'long-enough-password',
        organisationId: groningenId,
      })
      .expect(404);
    await assenAdmin.get(`/api/v1/users?organisation=${groningenId}`).expect(404);
    const [row] = await sql<{ name: string }>(t.databaseUrl, `SELECT name FROM app_user WHERE id = $1`, [
      groningenUser,
    ]);
    expect(row.name).toBe('Beleidsmedewerker Groningen');
  });

  it('lists only the own organisation; an operator may pick one', async () => {
    const own = await assenAdmin.get('/api/v1/users').expect(200);
    expect(own.body.items.every((u: { organisationId: string }) => u.organisationId === assenId)).toBe(true);
    const groningen = await operator.get(`/api/v1/users?organisation=${groningenId}`).expect(200);
    expect(groningen.body.items.map((u: { email: string }) => u.email)).toEqual(['officer.gm0014@demo.nl']);
    const orgs = await assenAdmin.get('/api/v1/organisations').expect(200);
    expect(orgs.body).toMatchObject({ total: 1, items: [{ id: assenId }] });
  });

  it('roles: a user without ORG_ADMIN gets 403 on user management; only an OPERATOR creates organisations', async () => {
    const officer = await t.as('officer.gm0106@demo.nl');
    const res = await officer.get('/api/v1/users').expect(403);
    expect(res.body.detail).toBe('This needs one of the roles ORG_ADMIN.');
    const vng = await t.as('vng@demo.nl');
    await vng.post('/api/v1/organisations').send({ kind: 'PROVIDER', name: 'De Kindertelefoon' }).expect(403);
    const created = await operator
      .post('/api/v1/organisations')
      .send({ kind: 'PROVIDER', name: 'De Kindertelefoon' })
      .expect(201);
    expect(created.body).toMatchObject({ kind: 'PROVIDER', name: 'De Kindertelefoon', municipalityCode: null });
    await operator.post('/api/v1/organisations').send({ kind: 'MUNICIPALITY', name: 'Nieuwegemeente' }).expect(400);
  });

  it('the command line creates the first operator of a production database', async () => {
    const env = { DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'warn' };
    const given = await runProcess(
      [distEntry('cli'), 'create-operator', '--email', 'Beheer@Platform.nl', '--name', 'Eerste beheerder'],
      { ...env, OPERATOR_PASSWORD: 'een-sterk-wachtwoord' },
    );
    expect(given.code).toBe(0);
    expect(given.output).toContain('Created operator beheer@platform.nl');
    const session = await t.login('beheer@platform.nl', 'een-sterk-wachtwoord');
    const me = await t.withAuthorization(`Bearer ${session.accessToken}`).get('/api/v1/me').expect(200);
    expect(me.body).toMatchObject({
      roles: ['OPERATOR', 'ORG_ADMIN'],
      organisation: { kind: 'OPERATOR', name: 'Platformbeheer' },
    });

    const generated = await runProcess(
      [distEntry('cli'), 'create-operator', '--email', 'tweede@platform.nl', '--name', 'Tweede'],
      env,
    );
    const password = /Password \(shown once[^)]*\): (\S+)/.exec(generated.output)?.[1];
    expect(password).toHaveLength(20);
    await t.login('tweede@platform.nl', password);
    const twice = await runProcess(
      [distEntry('cli'), 'create-operator', '--email', 'tweede@platform.nl', '--name', 'Tweede'],
      env,
    );
    expect(twice.code).toBe(1);
    const weak = await runProcess(
      [distEntry('cli'), 'create-operator', '--email', 'derde@platform.nl', '--name', 'Derde'],
      { ...env, OPERATOR_PASSWORD: 'kort' },
    );
    expect([weak.code, weak.output]).toEqual([1, expect.stringContaining('at least 12 characters')]);
  });

  it('the audit log is readable by an ORG_ADMIN for the own organisation only, and by an OPERATOR for all', async () => {
    const own = await assenAdmin.get('/api/v1/audit-events?limit=500').expect(200);
    expect(own.body.total).toBeGreaterThan(0);
    expect(own.body.items.every((e: { organisationId: string }) => e.organisationId === assenId)).toBe(true);
    await assenAdmin.get(`/api/v1/audit-events?organisation=${groningenId}`).expect(404);
    const all = await operator.get('/api/v1/audit-events?limit=500').expect(200);
    expect(new Set(all.body.items.map((e: { organisationId: string }) => e.organisationId)).size).toBeGreaterThan(1);
  });
});
