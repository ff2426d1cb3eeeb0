import type { Response } from 'supertest';
import { sql } from './support/test-database';
import { Client, startTestApp, TestApp } from './support/test-app';

const WMO = 'WMO2015_2_2_4_1B';
const KT = 'JEUGDWET_KINDERTELEFOON';
const G4 = ['GM0344', 'GM0363', 'GM0518', 'GM0599'];
const EXEMPT = { vatCategory: 'E', vatExemptionReason: 'Vrijgesteld van btw (test)' };
const PROBLEM = 'application/problem+json';

/** Status and body together, so that a failing expectation shows the problem document. */
const outcome = (res: Response) => ({ status: res.status, body: res.body });

describe('contracts, tariffs, participants and coverage', () => {
  let t: TestApp;
  let vng: Client;
  let operator: Client;
  let officerAssen: Client;
  let sensoor: Client;
  let assenAdmin: Client;
  let sensoorId: string;
  let sensoorServiceId: string;
  let kindertelefoonId: string;
  let kindertelefoonServiceId: string;

  const contractId = async (reference: string) =>
    (await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM contract WHERE reference = $1`, [reference]))[0].id;
  const count = async (query: string, params: unknown[] = []) =>
    Number((await sql<{ n: string }>(t.databaseUrl, query, params))[0].n);
  const contractCount = () => count(`SELECT count(*) AS n FROM contract`);
  const participantCount = (id: string) =>
    count(`SELECT count(*) AS n FROM participation WHERE contract_id = $1`, [id]);
  const tariffCount = (id: string) => count(`SELECT count(*) AS n FROM tariff WHERE contract_id = $1`, [id]);

  /** A draft collective Wmo contract of the VNG with Sensoor for 2025, without tariffs unless given. */
  const collectiveDraft = async (overrides: Record<string, unknown> = {}, as = () => vng) => {
    const res = await as()
      .post('/api/v1/contracts')
      .send({
        kind: 'COLLECTIVE',
        dutyCode: WMO,
        title: 'Testcontract luisterend oor',
        supplierId: sensoorId,
        serviceIds: [sensoorServiceId],
        startDate: '2025-01-01',
        endDate: '2025-12-31',
        fundingModel: 'CENTRAL_INVOICE',
        ...EXEMPT,
        ...overrides,
      });
    expect(outcome(res)).toMatchObject({ status: 201, body: { status: 'DRAFT' } });
    return res.body as { id: string; reference: string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    [vng, operator, officerAssen, sensoor] = await Promise.all(
      ['vng@demo.nl', 'operator@demo.nl', 'officer.gm0106@demo.nl', 'sensoor@demo.nl'].map((email) => t.as(email)),
    );
    const [assen] = await sql<{ id: string }>(
      t.databaseUrl,
      `SELECT id FROM organisation WHERE municipality_code = 'GM0106'`,
    );
    await operator
      .post('/api/v1/users')
      .send({
        email: 'admin.gm0106@test.nl',
        name: 'Beheerder Assen',
        roles: ['ORG_ADMIN'],
        password: 'een-lang-wachtwoord',
        organisationId: assen.id,
      })
      .expect(201);
    assenAdmin = await t.as('admin.gm0106@test.nl', 'een-lang-wachtwoord');

    const providers = (await vng.get('/api/v1/providers').expect(200)).body as Array<{ id: string; legalName: string }>;
    sensoorId = providers.find((p) => p.legalName === 'Stichting Sensoor')!.id;
    kindertelefoonId = providers.find((p) => p.legalName === 'De Kindertelefoon')!.id;
    sensoorServiceId = (await vng.get(`/api/v1/providers/${sensoorId}/services`).expect(200)).body.find(
      (s: { dutyCode: string }) => s.dutyCode === WMO,
    ).id;
    kindertelefoonServiceId = (await vng.get(`/api/v1/providers/${kindertelefoonId}/services`).expect(200)).body.find(
      (s: { dutyCode: string }) => s.dutyCode === KT,
    ).id;
  });
  afterAll(() => t?.close());

  describe('tariffs', () => {
    it('refuses a tariff overlapping an existing one of the contract (409 tariff-overlap) and writes nothing', async () => {
      const draft = await collectiveDraft({
        tariffs: [{ perInhabitant: '0.2500', validFrom: '2025-01-01', validTo: '2025-06-30' }],
      });
      const res = await vng
        .post(`/api/v1/contracts/${draft.id}/tariffs`)
        .send({ perInhabitant: '0.3000', validFrom: '2025-06-30', validTo: null });
      expect(outcome(res)).toMatchObject({ status: 409, body: { type: '/problems/tariff-overlap' } });
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(res.body.detail).toContain('2025-01-01 to 2025-06-30');
      expect(await tariffCount(draft.id)).toBe(1);

      const adjacent = await vng
        .post(`/api/v1/contracts/${draft.id}/tariffs`)
        .send({ perInhabitant: '0.3000', validFrom: '2025-07-01' });
      expect(outcome(adjacent)).toMatchObject({
        status: 201,
        body: { perInhabitant: '0.3000', validFrom: '2025-07-01', validTo: '2025-12-31' },
      });
      const tariffs = await vng.get(`/api/v1/contracts/${draft.id}/tariffs`).expect(200);
      expect(tariffs.body).toEqual([
        { perInhabitant: '0.2500', validFrom: '2025-01-01', validTo: '2025-06-30' },
        { perInhabitant: '0.3000', validFrom: '2025-07-01', validTo: '2025-12-31' },
      ]);
    });

    it('refuses a new contract whose own tariffs overlap (409) and creates no contract at all', async () => {
      const before = await contractCount();
      const res = await vng.post('/api/v1/contracts').send({
        kind: 'COLLECTIVE',
        dutyCode: WMO,
        title: 'Overlappende tarieven',
        supplierId: sensoorId,
        startDate: '2025-01-01',
        fundingModel: 'DIRECT_INVOICE',
        ...EXEMPT,
        tariffs: [
          { perInhabitant: '0.2500', validFrom: '2025-01-01' },
          { perInhabitant: '0.2600', validFrom: '2026-01-01' },
        ],
      });
      expect(outcome(res)).toMatchObject({ status: 409, body: { type: '/problems/tariff-overlap' } });
      expect(await contractCount()).toBe(before);
    });
  });

  describe('double coverage', () => {
    it("refuses to activate Assen's own contract while VNG-SEN-2018 covers Assen (409 naming VNG-SEN-2018); it stays a draft", async () => {
      const created = await assenAdmin.post('/api/v1/contracts').send({
        kind: 'INDIVIDUAL',
        dutyCode: WMO,
        title: 'Eigen luisterend oor Assen',
        supplierId: sensoorId,
        serviceIds: [sensoorServiceId],
        startDate: '2025-01-01',
        fundingModel: 'DIRECT_INVOICE',
        vatCategory: 'S',
        vatRate: '21.00',
        tariffs: [{ perInhabitant: '0.4000', validFrom: '2025-01-01' }],
      });
      expect(outcome(created)).toMatchObject({
        status: 201,
        body: { kind: 'INDIVIDUAL', status: 'DRAFT', contractingOrganisation: { name: 'Gemeente Assen' } },
      });
      const res = await assenAdmin.post(`/api/v1/contracts/${created.body.id}/activate`);
      expect(outcome(res)).toMatchObject({
        status: 409,
        body: {
          type: '/problems/double-coverage',
          conflictingContract: { id: await contractId('VNG-SEN-2018'), reference: 'VNG-SEN-2018' },
        },
      });
      expect(res.body.detail).toContain('GM0106');
      expect((await assenAdmin.get(`/api/v1/contracts/${created.body.id}`).expect(200)).body.status).toBe('DRAFT');
      expect(await participantCount(created.body.id)).toBe(0);
    });

    it('refuses to enrol Assen in a second active collective contract for the same duty (409 naming VNG-SEN-2018)', async () => {
      const second = await collectiveDraft({
        startDate: '2026-01-01',
        endDate: null,
        tariffs: [{ perInhabitant: '0.2700', validFrom: '2026-01-01' }],
      });
      expect(outcome(await vng.post(`/api/v1/contracts/${second.id}/activate`))).toMatchObject({
        status: 201,
        body: { status: 'ACTIVE' },
      });
      const res = await vng
        .post(`/api/v1/contracts/${second.id}/participants`)
        .send({ code: 'GM0106', from: '2026-01-01' });
      expect(outcome(res)).toMatchObject({
        status: 409,
        body: { type: '/problems/double-coverage', conflictingContract: { reference: 'VNG-SEN-2018' } },
      });
      expect(await participantCount(second.id)).toBe(0);
    });

    it('refuses to enrol a G4 city in VNG-SEN-2018: GM0363 is excepted (409 municipality-excepted)', async () => {
      const id = await contractId('VNG-SEN-2018');
      const before = await participantCount(id);
      const res = await vng.post(`/api/v1/contracts/${id}/participants`).send({ code: 'GM0363', from: '2025-01-01' });
      expect(outcome(res)).toMatchObject({
        status: 409,
        body: { type: '/problems/municipality-excepted', exception: { kind: 'EXCLUDED' } },
      });
      expect(res.body.detail).toContain('GM0363 is excepted from contract VNG-SEN-2018');
      expect(await participantCount(id)).toBe(before);
    });
  });

  describe('changing an active contract', () => {
    it('refuses to PATCH an active contract (409 contract-not-draft) and leaves it unchanged', async () => {
      const id = await contractId('VNG-SEN-2018');
      const res = await vng.patch(`/api/v1/contracts/${id}`).send({ title: 'Stiekem gewijzigd', paymentTermDays: 14 });
      expect(outcome(res)).toMatchObject({ status: 409, body: { type: '/problems/contract-not-draft' } });
      const after = await vng.get(`/api/v1/contracts/${id}`).expect(200);
      expect(after.body).toMatchObject({
        title: 'Luisterend oor vanaf 2018 (facturering per gemeente)',
        paymentTermDays: 30,
        status: 'ACTIVE',
      });
    });

    it('changes an active contract by numbered amendments, listed in order and in the audit log (contract.amended)', async () => {
      const id = await contractId('VNG-SEN-2018');
      const first = await vng
        .post(`/api/v1/contracts/${id}/amendments`)
        .send({ effectiveDate: '2026-01-01', reason: 'Indexatie tarief 2026', perInhabitant: '0.2600' });
      expect(outcome(first)).toMatchObject({
        status: 201,
        body: {
          number: 1,
          effectiveDate: '2026-01-01',
          changes: {
            tariff: {
              before: { perInhabitant: '0.2500', validFrom: '2018-01-01', validTo: null },
              after: { perInhabitant: '0.2600' },
            },
          },
        },
      });
      const second = await vng
        .post(`/api/v1/contracts/${id}/amendments`)
        .send({ effectiveDate: '2026-01-01', reason: 'Betaaltermijn 45 dagen', paymentTermDays: 45 });
      expect(outcome(second)).toMatchObject({
        status: 201,
        body: { number: 2, changes: { paymentTermDays: { before: 30, after: 45 } } },
      });

      const list = await vng.get(`/api/v1/contracts/${id}/amendments`).expect(200);
      expect(list.body.map((a: { number: number; reason: string }) => [a.number, a.reason])).toEqual([
        [1, 'Indexatie tarief 2026'],
        [2, 'Betaaltermijn 45 dagen'],
      ]);
      const contract = (await vng.get(`/api/v1/contracts/${id}`).expect(200)).body;
      expect(contract).toMatchObject({
        paymentTermDays: 45,
        tariffs: [
          { perInhabitant: '0.2500', validFrom: '2018-01-01', validTo: '2025-12-31' },
          { perInhabitant: '0.2600', validFrom: '2026-01-01', validTo: null },
        ],
      });

      const audit = await vng.get('/api/v1/audit-events?action=contract.amended&limit=500').expect(200);
      const events = audit.body.items.filter((e: { entityId: string }) => e.entityId === id);
      expect(events.map((e: { after: { number: number } }) => e.after.number).sort()).toEqual([1, 2]);
      expect(events[0]).toMatchObject({ entityType: 'contract', action: 'contract.amended' });
    });
  });

  describe('ending an active contract early', () => {
    /** An active collective contract from 2026 with a second tariff from 2027 and no participants (so no coverage conflict). */
    const activeWithTwoTariffs = async () => {
      const created = await collectiveDraft({
        startDate: '2026-01-01',
        endDate: null,
        tariffs: [
          { perInhabitant: '0.2500', validFrom: '2026-01-01', validTo: '2026-12-31' },
          { perInhabitant: '0.2600', validFrom: '2027-01-01' },
        ],
      });
      expect(outcome(await vng.post(`/api/v1/contracts/${created.id}/activate`))).toMatchObject({
        status: 201,
        body: { status: 'ACTIVE' },
      });
      return created.id;
    };

    it('terminating before a later tariff starts ends the contract and drops that tariff (not a 500)', async () => {
      const id = await activeWithTwoTariffs();
      const res = await vng
        .post(`/api/v1/contracts/${id}/terminate`)
        .send({ terminationDate: '2026-06-30', reason: 'Opgezegd per 1 juli' });
      expect(outcome(res)).toMatchObject({
        status: 201,
        body: { status: 'TERMINATED', endDate: '2026-06-30', terminationReason: 'Opgezegd per 1 juli' },
      });
      expect(res.body.tariffs).toEqual([{ perInhabitant: '0.2500', validFrom: '2026-01-01', validTo: '2026-06-30' }]);
    });

    it('an amendment moving the end date before a later tariff starts is accepted (not a 500)', async () => {
      const id = await activeWithTwoTariffs();
      const res = await vng
        .post(`/api/v1/contracts/${id}/amendments`)
        .send({ effectiveDate: '2026-01-01', reason: 'Looptijd ingekort', endDate: '2026-06-30' });
      expect(outcome(res)).toMatchObject({
        status: 201,
        body: { number: 1, changes: { endDate: { before: null, after: '2026-06-30' } } },
      });
      expect((await vng.get(`/api/v1/contracts/${id}/tariffs`).expect(200)).body).toEqual([
        { perInhabitant: '0.2500', validFrom: '2026-01-01', validTo: '2026-06-30' },
      ]);
    });
  });

  describe('participants', () => {
    it('refuses a participant outside the contract term (422 outside-contract-term) and enrols nobody', async () => {
      const draft = await collectiveDraft();
      const early = await vng
        .post(`/api/v1/contracts/${draft.id}/participants`)
        .send({ code: 'GM0106', from: '2024-12-31' });
      expect(outcome(early)).toMatchObject({ status: 422, body: { type: '/problems/outside-contract-term' } });
      const late = await vng
        .post(`/api/v1/contracts/${draft.id}/participants`)
        .send({ code: 'GM0106', from: '2025-01-01', to: '2026-03-31' });
      expect(outcome(late)).toMatchObject({ status: 422, body: { type: '/problems/outside-contract-term' } });
      const year = await vng.post(`/api/v1/contracts/${draft.id}/participants`).send({ all: true, year: 2026 });
      expect(outcome(year)).toMatchObject({ status: 422, body: { type: '/problems/outside-contract-term' } });
      expect(await participantCount(draft.id)).toBe(0);
    });

    it('enrolling "all" for 2025 skips the four excepted G4 cities (338 enrolled); activating then is a 409 naming VNG-SEN-2018', async () => {
      const draft = await collectiveDraft({ tariffs: [{ perInhabitant: '0.2500', validFrom: '2025-01-01' }] });
      for (const code of G4) {
        const res = await vng
          .post(`/api/v1/contracts/${draft.id}/exceptions`)
          .send({ code, kind: 'EXCLUDED', reason: 'G4: eigen contract' });
        expect(outcome(res)).toMatchObject({ status: 201, body: { code, from: '2025-01-01', to: null } });
      }
      const res = await vng.post(`/api/v1/contracts/${draft.id}/participants`).send({ all: true, year: 2025 });
      expect(res.status).toBe(201);
      expect(res.body.enrolled).toHaveLength(338);
      expect(res.body.enrolled.map((p: { code: string }) => p.code)).not.toEqual(expect.arrayContaining(['GM0363']));
      expect(res.body.skipped.map((s: { code: string }) => s.code)).toEqual(G4);
      expect(res.body.skipped.every((s: { reason: string }) => s.reason.startsWith('excepted'))).toBe(true);
      expect((await vng.get(`/api/v1/contracts/${draft.id}/participants?date=2025-06-01`).expect(200)).body.total).toBe(
        338,
      );

      const activate = await vng.post(`/api/v1/contracts/${draft.id}/activate`);
      expect(outcome(activate)).toMatchObject({
        status: 409,
        body: { type: '/problems/double-coverage', conflictingContract: { reference: 'VNG-SEN-2018' } },
      });
      expect(activate.body.conflicts).toHaveLength(338);
      expect(new Set(activate.body.conflicts.map((c: { contractReference: string }) => c.contractReference))).toEqual(
        new Set(['VNG-SEN-2018']),
      );
      expect((await vng.get(`/api/v1/contracts/${draft.id}`).expect(200)).body.status).toBe('DRAFT');
    });
  });

  describe('the merger roll-over of 1 January 2019 (380 municipalities became 355)', () => {
    let collectiveId: string;
    let westerkwartier: { id: string; reference: string };
    let rollOver: Response;

    beforeAll(async () => {
      // Free 2018-2019 for the Kindertelefoon duty: the operator ends VNG-KT-2015 on 31 December 2017
      // (participations of municipalities formed later, such as GM1966 in 2019, go with it).
      const kt = await contractId('VNG-KT-2015');
      const terminated = await operator
        .post(`/api/v1/contracts/${kt}/terminate`)
        .send({ terminationDate: '2017-12-31', reason: 'Nieuw contract per 2018' });
      expect(outcome(terminated)).toMatchObject({ status: 201, body: { status: 'TERMINATED', endDate: '2017-12-31' } });

      const created = await vng.post('/api/v1/contracts').send({
        kind: 'COLLECTIVE',
        dutyCode: KT,
        title: 'De Kindertelefoon 2018-2019',
        supplierId: kindertelefoonId,
        serviceIds: [kindertelefoonServiceId],
        startDate: '2018-01-01',
        endDate: '2019-12-31',
        fundingModel: 'FUND_WITHHOLDING',
        ...EXEMPT,
        tariffs: [{ perInhabitant: '0.5500', validFrom: '2018-01-01' }],
      });
      expect(outcome(created)).toMatchObject({ status: 201 });
      collectiveId = created.body.id;
      const enrolled = await vng.post(`/api/v1/contracts/${collectiveId}/participants`).send({ all: true, year: 2018 });
      expect([enrolled.status, enrolled.body.enrolled?.length, enrolled.body.skipped]).toEqual([201, 380, []]);
      // Activated; its term lies in the past, so it reads as ENDED (an active contract past its end date).
      expect(outcome(await vng.post(`/api/v1/contracts/${collectiveId}/activate`))).toMatchObject({
        status: 201,
        body: { status: 'ENDED' },
      });

      // Westerkwartier (formed 2019-01-01) gets coverage of its own before the roll-over.
      const own = await operator.post('/api/v1/contracts').send({
        kind: 'INDIVIDUAL',
        municipalityCode: 'GM1969',
        dutyCode: KT,
        title: 'Kindertelefoon Westerkwartier',
        supplierId: kindertelefoonId,
        serviceIds: [kindertelefoonServiceId],
        startDate: '2019-01-01',
        endDate: '2019-12-31',
        fundingModel: 'DIRECT_INVOICE',
        ...EXEMPT,
        tariffs: [{ perInhabitant: '0.6000', validFrom: '2019-01-01' }],
      });
      expect(outcome(own)).toMatchObject({
        status: 201,
        body: { contractingOrganisation: { name: 'Gemeente Westerkwartier' } },
      });
      westerkwartier = own.body;
      expect(outcome(await operator.post(`/api/v1/contracts/${westerkwartier.id}/activate`))).toMatchObject({
        status: 201,
        body: { status: 'ENDED' },
      });

      rollOver = await vng.post(`/api/v1/contracts/${collectiveId}/participants/roll-over?year=2019`);
    });

    it('the predecessors took part until they were dissolved on 31 December 2018', async () => {
      const participants = (await vng.get(`/api/v1/contracts/${collectiveId}/participants?date=2018-12-31`).expect(200))
        .body;
      expect(participants.total).toBe(380);
      const bedum = participants.items.find((p: { code: string }) => p.code === 'GM0005');
      expect(bedum).toMatchObject({ name: 'Bedum', from: '2018-01-01', to: '2018-12-31' });
    });

    it('Het Hogeland (GM1966) continues the participation of its four predecessors from 2019-01-01; Groningen already takes part', async () => {
      expect(outcome(rollOver)).toMatchObject({ status: 201, body: { year: 2019 } });
      expect(rollOver.body.continued).toEqual(
        expect.arrayContaining([
          { code: 'GM1966', from: '2019-01-01', predecessors: ['GM0005', 'GM0053', 'GM1651', 'GM1663'] },
        ]),
      );
      expect(rollOver.body.continued.map((c: { code: string }) => c.code)).toEqual([
        'GM1954',
        'GM1959',
        'GM1960',
        'GM1961',
        'GM1963',
        'GM1966',
        'GM1970',
        'GM1978',
      ]);
      expect(rollOver.body.alreadyParticipating).toEqual(['GM0014', 'GM0394', 'GM0575']);
      const hogeland = (
        await vng.get(`/api/v1/contracts/${collectiveId}/participants?date=2019-01-01`).expect(200)
      ).body.items.find((p: { code: string }) => p.code === 'GM1966');
      expect(hogeland).toMatchObject({
        name: 'Het Hogeland',
        from: '2019-01-01',
        to: '2019-12-31',
        origin: 'ROLL_OVER',
      });
    });

    it('reports Westerkwartier (GM1969) as a conflict naming its own contract, and does not enrol it', async () => {
      expect(rollOver.body.conflicts).toEqual([
        expect.objectContaining({
          code: 'GM1969',
          predecessors: ['GM0015', 'GM0022', 'GM0025', 'GM0053', 'GM0056'],
          conflictingContract: { id: westerkwartier.id, reference: westerkwartier.reference },
        }),
      ]);
      expect(
        await count(`SELECT count(*) AS n FROM participation WHERE contract_id = $1 AND municipality_code = 'GM1969'`, [
          collectiveId,
        ]),
      ).toBe(0);
    });

    it('on 2019-01-01 the 355 municipalities are covered exactly once: 354 by the collective contract and Westerkwartier by its own', async () => {
      const participants = (await vng.get(`/api/v1/contracts/${collectiveId}/participants?date=2019-01-01`).expect(200))
        .body;
      expect(participants.total).toBe(354);
      const covered = await sql<{ code: string; contracts: string }>(
        t.databaseUrl,
        `SELECT p.municipality_code AS code, count(*) AS contracts FROM participation p JOIN contract c ON c.id = p.contract_id
          WHERE c.duty_code = $1 AND c.status IN ('ACTIVE', 'TERMINATED') AND p.from_date <= '2019-01-01' AND (p.to_date IS NULL OR p.to_date >= '2019-01-01')
            AND c.start_date <= '2019-01-01' AND (c.end_date IS NULL OR c.end_date >= '2019-01-01')
          GROUP BY 1`,
        [KT],
      );
      expect(covered).toHaveLength(355);
      expect(covered.filter((c) => Number(c.contracts) !== 1)).toEqual([]);
    });

    it('the roll-over is one audited step (contract.rolled-over)', async () => {
      const audit = await vng.get('/api/v1/audit-events?action=contract.rolled-over').expect(200);
      const event = audit.body.items.find((e: { entityId: string }) => e.entityId === collectiveId);
      expect(event.after).toMatchObject({ year: 2019, alreadyParticipating: ['GM0014', 'GM0394', 'GM0575'] });
      expect(event.after.continued).toHaveLength(8);
    });
  });

  describe('invalid requests: a 4xx problem+json naming the field, and nothing changes', () => {
    let draftId: string;
    beforeAll(async () => {
      draftId = (await collectiveDraft({ tariffs: [{ perInhabitant: '0.2500', validFrom: '2025-01-01' }] })).id;
    });

    it('a contract without its required fields is a 400 naming each of them', async () => {
      const before = await contractCount();
      const res = await vng.post('/api/v1/contracts').send({});
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'dutyCode',
        'fundingModel',
        'kind',
        'startDate',
        'supplierId',
        'title',
        'vatCategory',
      ]);
      expect(await contractCount()).toBe(before);
    });

    it.each([
      ['a negative tariff (-0.25)', '-0.25'],
      ['a tariff with 5 decimals (0.25001)', '0.25001'],
    ])('%s is a 400 naming perInhabitant', async (_case, perInhabitant) => {
      const res = await vng
        .post(`/api/v1/contracts/${draftId}/tariffs`)
        .send({ perInhabitant, validFrom: '2025-01-01' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(res.body.errors).toEqual([
        { field: 'perInhabitant', message: expect.stringContaining('at most 4 decimals') },
      ]);
      const amendment = await vng
        .post(`/api/v1/contracts/${await contractId('GM0363-LUISTEREND-OOR')}/amendments`)
        .send({ effectiveDate: '2025-01-01', reason: 'Indexatie', perInhabitant });
      expect(amendment.status).toBe(400);
      expect(await tariffCount(draftId)).toBe(1);
    });

    it('an end before the start is a 400 naming endDate', async () => {
      const before = await contractCount();
      const res = await vng.post('/api/v1/contracts').send({
        kind: 'COLLECTIVE',
        dutyCode: WMO,
        title: 'Verkeerd om',
        supplierId: sensoorId,
        startDate: '2025-01-01',
        endDate: '2024-12-31',
        fundingModel: 'DIRECT_INVOICE',
        ...EXEMPT,
      });
      expect(outcome(res)).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'endDate', message: 'endDate must not be before startDate' }] },
      });
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(await contractCount()).toBe(before);
    });

    it('an unknown municipality code (GM9999) is a 404', async () => {
      const res = await vng
        .post(`/api/v1/contracts/${draftId}/participants`)
        .send({ code: 'GM9999', from: '2025-01-01' });
      expect(outcome(res)).toMatchObject({ status: 404, body: { type: '/problems/municipality-not-found' } });
      expect(res.body.detail).toContain('GM9999');
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(await participantCount(draftId)).toBe(0);
      const exception = await vng
        .post(`/api/v1/contracts/${draftId}/exceptions`)
        .send({ code: 'GM9999', kind: 'EXCLUDED', reason: 'bestaat niet' });
      expect(exception.status).toBe(404);
      expect(await count(`SELECT count(*) AS n FROM contract_exception WHERE contract_id = $1`, [draftId])).toBe(0);
    });

    it('an individual contract for a municipality dissolved before its start (Bedum, GM0005) is a 422, not a 500', async () => {
      const created = await operator.post('/api/v1/contracts').send({
        kind: 'INDIVIDUAL',
        municipalityCode: 'GM0005',
        dutyCode: KT,
        title: 'Kindertelefoon Bedum',
        supplierId: kindertelefoonId,
        serviceIds: [kindertelefoonServiceId],
        startDate: '2025-01-01',
        fundingModel: 'DIRECT_INVOICE',
        ...EXEMPT,
        tariffs: [{ perInhabitant: '0.6000', validFrom: '2025-01-01' }],
      });
      // Refused when created, or at the latest when activated (which enrols the municipality).
      const refused =
        created.status === 201 ? await operator.post(`/api/v1/contracts/${created.body.id}/activate`) : created;
      expect(outcome(refused)).toMatchObject({ status: 422, body: { type: '/problems/municipality-not-existing' } });
      expect(
        await count(
          `SELECT count(*) AS n FROM participation WHERE municipality_code = 'GM0005' AND from_date >= '2025-01-01'`,
        ),
      ).toBe(0);
    });

    it('a wrong enum (fundingModel FREE) is a 400 naming fundingModel', async () => {
      const before = await contractCount();
      const res = await vng.post('/api/v1/contracts').send({
        kind: 'COLLECTIVE',
        dutyCode: WMO,
        title: 'Gratis',
        supplierId: sensoorId,
        startDate: '2025-01-01',
        fundingModel: 'FREE',
        ...EXEMPT,
      });
      expect(outcome(res)).toMatchObject({
        status: 400,
        body: {
          errors: [
            {
              field: 'fundingModel',
              message: expect.stringContaining('FUND_WITHHOLDING, DIRECT_INVOICE, CENTRAL_INVOICE'),
            },
          ],
        },
      });
      expect(res.headers['content-type']).toContain(PROBLEM);
      const patched = await vng.patch(`/api/v1/contracts/${draftId}`).send({ fundingModel: 'FREE' });
      expect(outcome(patched)).toMatchObject({ status: 400, body: { errors: [{ field: 'fundingModel' }] } });
      expect(await contractCount()).toBe(before);
      expect((await vng.get(`/api/v1/contracts/${draftId}`).expect(200)).body.fundingModel).toBe('CENTRAL_INVOICE');
    });
  });

  describe('demo data', () => {
    type Covering = {
      reference: string;
      kind: string;
      dutyCode: string;
      supplier: { name: string };
      tariffPerInhabitant: string;
    };

    it('Assen is covered on 2025-06-01 by VNG-SEN-2018 with Stichting Sensoor at EUR 0.25', async () => {
      const res = await officerAssen.get('/api/v1/municipalities/GM0106/contracts?date=2025-06-01').expect(200);
      const wmo = (res.body as Covering[]).filter((c) => c.dutyCode === WMO);
      expect(wmo).toHaveLength(1);
      expect(wmo[0]).toMatchObject({
        reference: 'VNG-SEN-2018',
        kind: 'COLLECTIVE',
        fundingModel: 'DIRECT_INVOICE',
        supplier: { name: 'Stichting Sensoor' },
        tariffPerInhabitant: '0.2500',
      });
    });

    it('Amsterdam is covered on 2025-06-01 by its own contract at EUR 0.50, not by VNG-SEN-2018', async () => {
      const finance = await t.as('finance.gm0363@demo.nl');
      const res = await finance.get('/api/v1/municipalities/GM0363/contracts?date=2025-06-01').expect(200);
      const references = (res.body as Covering[]).map((c) => c.reference);
      expect(references).toContain('GM0363-LUISTEREND-OOR');
      expect(references).not.toContain('VNG-SEN-2018');
      expect((res.body as Covering[]).find((c) => c.dutyCode === WMO)).toMatchObject({
        reference: 'GM0363-LUISTEREND-OOR',
        kind: 'INDIVIDUAL',
        supplier: { name: 'Sensoor Amsterdam' },
        tariffPerInhabitant: '0.5000',
      });
    });

    it("Assen's officer asking for Amsterdam's contracts gets a 404", async () => {
      const res = await officerAssen.get('/api/v1/municipalities/GM0363/contracts?date=2025-06-01');
      expect(outcome(res)).toMatchObject({ status: 404, body: { type: '/problems/municipality-not-found' } });
    });
  });

  describe('roles', () => {
    it('an OFFICER cannot create a contract (403) and nothing is created', async () => {
      const before = await contractCount();
      const res = await officerAssen.post('/api/v1/contracts').send({
        kind: 'INDIVIDUAL',
        dutyCode: WMO,
        title: 'Door een beleidsmedewerker',
        supplierId: sensoorId,
        startDate: '2025-01-01',
        fundingModel: 'DIRECT_INVOICE',
        ...EXEMPT,
      });
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(await contractCount()).toBe(before);
    });

    it('the supplier Sensoor reads VNG-SEN-2018 but cannot amend it (403)', async () => {
      const id = await contractId('VNG-SEN-2018');
      const read = await sensoor.get(`/api/v1/contracts/${id}`).expect(200);
      expect(read.body).toMatchObject({
        reference: 'VNG-SEN-2018',
        supplier: { id: sensoorId, name: 'Stichting Sensoor' },
      });
      const before = await count(`SELECT count(*) AS n FROM contract_amendment WHERE contract_id = $1`, [id]);
      const res = await sensoor
        .post(`/api/v1/contracts/${id}/amendments`)
        .send({ effectiveDate: '2026-01-01', reason: 'Eigen tarief', perInhabitant: '0.9000' });
      expect(res.status).toBe(403);
      expect(await count(`SELECT count(*) AS n FROM contract_amendment WHERE contract_id = $1`, [id])).toBe(before);
      await sensoor.patch(`/api/v1/contracts/${id}`).send({ title: 'Van Sensoor' }).expect(403);
    });

    it("Assen's officer lists only the contracts Assen takes part in (or contracts itself)", async () => {
      const res = await officerAssen.get('/api/v1/contracts?limit=500').expect(200);
      const listed = res.body.items.map((c: { reference: string }) => c.reference).sort();
      const expected = await sql<{ reference: string }>(
        t.databaseUrl,
        `SELECT reference FROM contract c WHERE c.contracting_organisation_id = (SELECT id FROM organisation WHERE municipality_code = 'GM0106')
            OR EXISTS (SELECT 1 FROM participation p WHERE p.contract_id = c.id AND p.municipality_code = 'GM0106') ORDER BY reference`,
      );
      expect(listed).toEqual(expected.map((r) => r.reference).sort());
      expect(listed).toEqual(expect.arrayContaining(['VNG-KT-2015', 'VNG-SEN-2015', 'VNG-SEN-2018']));
      expect(listed).not.toContain('GM0363-LUISTEREND-OOR');
      expect(res.body.total).toBe(listed.length);
      const filtered = await officerAssen
        .get('/api/v1/contracts?municipality=GM0106&status=ACTIVE&kind=COLLECTIVE')
        .expect(200);
      expect(filtered.body.items.map((c: { reference: string }) => c.reference)).toContain('VNG-SEN-2018');
    });
  });
});
