import { formatAmsterdam } from '@wmo/domain';
import { ALWAYS, daily, expectProblem, overview, row } from '../support/compliance';
import { addDays, addUser, providerService, sensoorIds, TODAY, WMO, YEAR } from '../support/demo';
import { expectInvalidField, outcome } from '../support/http';
import { Client, startSignedIn, TestApp } from '../support/test-app';
import { sql } from '../support/test-database';

interface Group {
  change: string;
  municipalities: Array<{ code: string; name: string }>;
  before: { covered: boolean; summary: string };
  after: { covered: boolean; summary: string };
  newWeeklyGaps: Array<{ weekday: number; from: string; to: string; minutes: number }>;
  newDatedGaps: Array<{ start: string; end: string; minutes: number; reasons: string[] }>;
  newGapsText: string;
}
interface Change {
  applied: boolean;
  changes: string[];
  service: { channels: Array<{ kind: string; schedule: unknown[]; closures: Array<{ id: string }> }> };
  effect: {
    dutyCode: string;
    municipalities: number;
    becomeUncovered: number;
    becomeCovered: number;
    changed: number;
    unchanged: number;
    groups: Group[];
  };
}

/**
 * Stichting Sensoor changes its Wmo service's hours and closures: every change answers its
 * compliance effect on the municipalities the service covers, a dry run writes nothing, and a
 * saved change shows in the compliance overview.
 */
describe("a provider's hours and closures, with their compliance effect", () => {
  let t: TestApp, sensoor: Client, operator: Client, officer: Client;
  let providerId: string, serviceId: string;
  let url: string;

  /** The service's channels, its closures and the audit log as the database holds them. */
  const stored = async () =>
    (
      await sql<{ channels: unknown; closures: number; audits: number }>(
        t.databaseUrl,
        `SELECT (SELECT json_agg(json_build_object('kind', kind, 'contact', contact, 'schedule', schedule) ORDER BY kind)
                   FROM service_channel WHERE service_id = $1) AS channels,
                (SELECT count(*) FROM channel_closure WHERE provider_id = $2)::int AS closures,
                (SELECT count(*) FROM audit_event)::int AS audits`,
        [serviceId, providerId],
      )
    )[0];
  const audits = async (action: string) =>
    Number(
      (
        await sql<{ n: string }>(
          t.databaseUrl,
          `SELECT count(*) AS n FROM audit_event WHERE action = $1 AND entity_id = $2`,
          [action, serviceId],
        )
      )[0].n,
    );

  beforeAll(async () => {
    [t, sensoor, operator, officer] = await startSignedIn(
      'sensoor@demo.nl',
      'operator@demo.nl',
      'officer.gm0106@demo.nl',
    );
    ({ providerId, serviceId } = await sensoorIds(sensoor));
    url = `/api/v1/providers/${providerId}/services/${serviceId}`;
    // Telephone in the daytime only, chat day and night: the duty is still met at every moment.
    const res = await sensoor.patch(url).send({
      channels: [
        { kind: 'PHONE', schedule: daily('08:00', '22:00') },
        { kind: 'CHAT', schedule: ALWAYS },
      ],
    });
    expect(outcome(res)).toMatchObject({ status: 200, body: { applied: true, effect: { becomeUncovered: 0 } } });
  });
  afterAll(() => t.close());

  it('previews that chat 08:00-22:00 leaves every municipality the service covers without cover from 22:00 to 08:00, writing nothing', async () => {
    const before = await stored();
    const res = await sensoor
      .patch(`${url}?dryRun=true`)
      .send({ channels: [{ kind: 'CHAT', schedule: daily('08:00', '22:00') }] });
    expect(outcome(res)).toMatchObject({ status: 200, body: { applied: false } });
    const change = res.body as Change;
    expect(change.changes).toEqual(['Chat: 08:00-22:00 (was: dag en nacht)']);
    expect(change.service.channels.find((c) => c.kind === 'CHAT')!.schedule).toEqual(ALWAYS);
    const { effect } = change;
    expect(effect.dutyCode).toBe(WMO);
    // The collective contract's municipalities (not the G4, who have their own providers).
    expect(effect.municipalities).toBeGreaterThan(300);
    expect(effect).toMatchObject({
      becomeUncovered: effect.municipalities,
      becomeCovered: 0,
      changed: 0,
      unchanged: 0,
    });
    expect(effect.groups).toHaveLength(1);
    const [group] = effect.groups;
    expect(group.municipalities).toHaveLength(effect.municipalities);
    expect(group.municipalities).toContainEqual({ code: 'GM0106', name: 'Assen' });
    expect(group.municipalities.map((m) => m.code)).not.toContain('GM0363');
    expect(group).toMatchObject({
      change: 'UNCOVERED',
      before: { covered: true, summary: 'dag en nacht bereikbaar' },
      after: { covered: false, summary: 'niet bereikbaar elke dag van 22:00 tot 08:00 (de volgende dag)' },
      newGapsText: 'elke dag van 22:00 tot 08:00 (de volgende dag)',
      newDatedGaps: [],
    });
    expect(group.newWeeklyGaps).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '22:00', to: '08:00', minutes: 600 })),
    );
    expect(await stored()).toEqual(before);
  });

  it.each([
    [
      'overlapping intervals',
      [
        { weekday: 1, from: '08:00', to: '12:00' },
        { weekday: 1, from: '11:00', to: '14:00' },
      ],
      'channels.0.schedule',
    ],
    ['25:00', [{ weekday: 1, from: '08:00', to: '25:00' }], 'channels.0.schedule.0.to'],
    ['an unknown weekday', [{ weekday: 8, from: '08:00', to: '12:00' }], 'channels.0.schedule.0.weekday'],
    ['a day that ends before it starts', [{ weekday: 2, from: '22:00', to: '08:00' }], 'channels.0.schedule'],
  ])('refuses %s with a 400 naming the field, and changes nothing', async (_what, schedule, field) => {
    const before = await stored();
    for (const query of ['?dryRun=true', '']) {
      const res = await sensoor.patch(`${url}${query}`).send({ channels: [{ kind: 'CHAT', schedule }] });
      expectInvalidField(res, field);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    }
    expect(await stored()).toEqual(before);
  });

  it('saves the change, audited; after the evaluation the overview shows Assen non-compliant with 10 hours a day uncovered', async () => {
    const before = await stored();
    const updates = await audits('service.updated');
    const res = await sensoor.patch(url).send({ channels: [{ kind: 'CHAT', schedule: daily('08:00', '22:00') }] });
    expect(outcome(res)).toMatchObject({
      status: 200,
      body: { applied: true, effect: { groups: [{ change: 'UNCOVERED' }] } },
    });
    expect((res.body as Change).service.channels.find((c) => c.kind === 'CHAT')!.schedule).toEqual(
      daily('08:00', '22:00'),
    );
    expect(await audits('service.updated')).toBe(updates + 1);
    expect((await stored()).audits).toBe(before.audits + 1);

    await operator.post('/api/v1/compliance/evaluations').expect(200);
    const assen = row(await overview(sensoor, `year=${YEAR}`), 'GM0106');
    expect(assen).toMatchObject({ status: 'NON_COMPLIANT', weeklyGapMinutes: 7 * 600, contracts: ['VNG-SEN-2018'] });
    const notified = await sql<{ n: string }>(
      t.databaseUrl,
      `SELECT count(*) AS n FROM notification WHERE municipality_code = 'GM0106' AND kind = 'NON_COMPLIANT'`,
    );
    expect(Number(notified[0].n)).toBeGreaterThan(0);

    // Chat day and night again: covered again, the preview says so.
    const back = await sensoor.patch(`${url}?dryRun=true`).send({ channels: [{ kind: 'CHAT', schedule: ALWAYS }] });
    expect(outcome(back)).toMatchObject({
      status: 200,
      body: { effect: { becomeCovered: (res.body as Change).effect.municipalities, becomeUncovered: 0 } },
    });
    await sensoor
      .patch(url)
      .send({ channels: [{ kind: 'CHAT', schedule: ALWAYS }] })
      .expect(200);
  });

  it('a closure of the chat at night, when the telephone is closed, is a dated gap to the minute; removing it covers again', async () => {
    const day = addDays(TODAY, 30);
    const closure = {
      channel: 'CHAT',
      from: `${day}T02:00:00Z`,
      to: `${day}T06:00:00Z`,
      reason: 'Onderhoud chatplatform',
    };
    const before = await stored();
    const preview = await sensoor.post(`${url}/closures?dryRun=true`).send(closure);
    expect(outcome(preview)).toMatchObject({ status: 200, body: { applied: false } });
    const { effect } = preview.body as Change;
    expect(effect.becomeUncovered).toBe(effect.municipalities);
    expect(effect.groups[0].newDatedGaps).toEqual([
      {
        start: formatAmsterdam(Date.parse(closure.from)),
        end: formatAmsterdam(Date.parse(closure.to)),
        minutes: 240,
        reasons: ['Onderhoud chatplatform'],
      },
    ]);
    expect(effect.groups[0].newWeeklyGaps).toEqual([]);
    expect(await stored()).toEqual(before);

    const added = await sensoor.post(`${url}/closures`).send(closure);
    expect(added.status).toBe(201);
    const closureId = (added.body as Change['service']).channels.find((c) => c.kind === 'CHAT')!.closures[0].id;
    expect((await stored()).closures).toBe(before.closures + 1);

    const undo = await sensoor.delete(`${url}/closures/${closureId}?dryRun=true`);
    expect(outcome(undo)).toMatchObject({
      status: 200,
      body: { applied: false, effect: { becomeCovered: effect.municipalities, becomeUncovered: 0 } },
    });
    expect((undo.body as Change).changes).toEqual([
      expect.stringMatching(/^Chat: sluiting van .* vervalt \(Onderhoud chatplatform\)$/),
    ]);
    expect((await stored()).closures).toBe(before.closures + 1);

    const removed = await sensoor.delete(`${url}/closures/${closureId}`);
    expect(outcome(removed)).toMatchObject({ status: 200, body: { applied: true } });
    expect((await stored()).closures).toBe(before.closures);
    expect(await audits('service.closure-removed')).toBe(1);
    expectProblem(await sensoor.delete(`${url}/closures/${closureId}`), 404);
  });

  it('another provider and a municipality officer cannot change the service', async () => {
    const amsterdam = await providerService(operator, 'Sensoor Amsterdam', WMO);
    const other = await addUser(t, operator, {
      email: 'beheer@sensoor-amsterdam.test',
      name: 'Beheerder Sensoor Amsterdam',
      roles: ['PROVIDER_ADMIN'],
      organisationId: amsterdam.providerId,
      password: 'een-lang-wachtwoord',
    });
    const before = await stored();
    const body = { channels: [{ kind: 'PHONE', schedule: [] }] };
    for (const query of ['?dryRun=true', '']) {
      expectProblem(await other.patch(`${url}${query}`).send(body), 404);
      expectProblem(await officer.patch(`${url}${query}`).send(body), 403);
    }
    expect(await stored()).toEqual(before);
    // Its own service it may preview.
    const own = await other
      .patch(`/api/v1/providers/${amsterdam.providerId}/services/${amsterdam.serviceId}?dryRun=true`)
      .send(body);
    expect(outcome(own)).toMatchObject({ status: 200, body: { applied: false } });
    expect((own.body as Change).effect.groups[0].municipalities).toEqual([{ code: 'GM0363', name: 'Amsterdam' }]);
  });
});
