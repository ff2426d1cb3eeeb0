import type { Response } from 'supertest';
import { addUser, contractId, count, G4, KT, municipalityOrganisationId, providerService } from '../support/demo';
import { collectiveDraft, EXEMPT, participantCount, postContract, Suppliers, suppliers } from '../support/contracts';
import { outcome } from '../support/http';
import { sql } from '../support/test-database';
import { Client, startSignedIn, TestApp } from '../support/test-app';

/**
 * Who takes part in a contract: within its term, never covered twice for one duty, never an
 * excepted city; and municipalities formed by a merger continue their predecessors' participation.
 */
describe('participants of contracts', () => {
  let t: TestApp, vng: Client, operator: Client, assenAdmin: Client;
  let ids: Suppliers;

  beforeAll(async () => {
    [t, operator, vng] = await startSignedIn('operator@demo.nl', 'vng@demo.nl');
    assenAdmin = await addUser(t, operator, {
      email: 'admin.gm0106@test.nl',
      name: 'Beheerder Assen',
      roles: ['ORG_ADMIN'],
      password: 'een-lang-wachtwoord',
      organisationId: await municipalityOrganisationId(t, 'GM0106'),
    });
    ids = await suppliers(vng);
  });
  afterAll(() => t?.close());

  describe('double coverage', () => {
    it("refuses to activate Assen's own contract while VNG-SEN-2018 covers Assen (409 naming VNG-SEN-2018); it stays a draft", async () => {
      const created = await postContract(assenAdmin, {
        kind: 'INDIVIDUAL',
        title: 'Eigen luisterend oor Assen',
        supplierId: ids.sensoor.providerId,
        serviceIds: [ids.sensoor.serviceId],
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
          conflictingContract: { id: await contractId(t, 'VNG-SEN-2018'), reference: 'VNG-SEN-2018' },
        },
      });
      expect(res.body.detail).toContain('GM0106');
      expect((await assenAdmin.get(`/api/v1/contracts/${created.body.id}`).expect(200)).body.status).toBe('DRAFT');
      expect(await participantCount(t, created.body.id)).toBe(0);
    });

    it('refuses to enrol Assen in a second active collective contract for the same duty (409 naming VNG-SEN-2018)', async () => {
      const second = await collectiveDraft(vng, ids.sensoor, {
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
      expect(await participantCount(t, second.id)).toBe(0);
    });

    it('refuses to enrol a G4 city in VNG-SEN-2018: GM0363 is excepted (409 municipality-excepted)', async () => {
      const id = await contractId(t, 'VNG-SEN-2018');
      const before = await participantCount(t, id);
      const res = await vng.post(`/api/v1/contracts/${id}/participants`).send({ code: 'GM0363', from: '2025-01-01' });
      expect(outcome(res)).toMatchObject({
        status: 409,
        body: { type: '/problems/municipality-excepted', exception: { kind: 'EXCLUDED' } },
      });
      expect(res.body.detail).toContain('GM0363 is excepted from contract VNG-SEN-2018');
      expect(await participantCount(t, id)).toBe(before);
    });
  });

  describe('participants', () => {
    it('refuses a participant outside the contract term (422 outside-contract-term) and enrols nobody', async () => {
      const draft = await collectiveDraft(vng, ids.sensoor);
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
      expect(await participantCount(t, draft.id)).toBe(0);
    });

    it('enrolling "all" for 2025 skips the four excepted G4 cities (338 enrolled); activating then is a 409 naming VNG-SEN-2018', async () => {
      const draft = await collectiveDraft(vng, ids.sensoor, {
        tariffs: [{ perInhabitant: '0.2500', validFrom: '2025-01-01' }],
      });
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
      const kindertelefoon = await providerService(vng, 'De Kindertelefoon', KT);

      // Free 2018-2019 for the Kindertelefoon duty: the operator ends VNG-KT-2015 on 31 December 2017
      // (participations of municipalities formed later, such as GM1966 in 2019, go with it).
      const kt = await contractId(t, 'VNG-KT-2015');
      const terminated = await operator
        .post(`/api/v1/contracts/${kt}/terminate`)
        .send({ terminationDate: '2017-12-31', reason: 'Nieuw contract per 2018' });
      expect(outcome(terminated)).toMatchObject({ status: 201, body: { status: 'TERMINATED', endDate: '2017-12-31' } });

      const created = await postContract(vng, {
        dutyCode: KT,
        title: 'De Kindertelefoon 2018-2019',
        supplierId: kindertelefoon.providerId,
        serviceIds: [kindertelefoon.serviceId],
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
      const own = await postContract(operator, {
        kind: 'INDIVIDUAL',
        municipalityCode: 'GM1969',
        dutyCode: KT,
        title: 'Kindertelefoon Westerkwartier',
        supplierId: kindertelefoon.providerId,
        serviceIds: [kindertelefoon.serviceId],
        startDate: '2019-01-01',
        endDate: '2019-12-31',
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
      const participants = (
        await vng.get(`/api/v1/contracts/${collectiveId}/participants?date=2018-12-31&limit=500`).expect(200)
      ).body;
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
        await vng.get(`/api/v1/contracts/${collectiveId}/participants?date=2019-01-01&limit=500`).expect(200)
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
        await count(
          t,
          `SELECT count(*) AS n FROM participation WHERE contract_id = $1 AND municipality_code = 'GM1969'`,
          [collectiveId],
        ),
      ).toBe(0);
    });

    it('on 2019-01-01 the 355 municipalities are covered exactly once: 354 by the collective contract and Westerkwartier by its own', async () => {
      const participants = (
        await vng.get(`/api/v1/contracts/${collectiveId}/participants?date=2019-01-01&limit=500`).expect(200)
      ).body;
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
});
