import {
  collectiveDraft,
  contractCount,
  EXEMPT,
  participantCount,
  postContract,
  Suppliers,
  suppliers,
  tariffCount,
} from '../support/contracts';
import { contractId, count, KT } from '../support/demo';
import { outcome, PROBLEM } from '../support/http';
import { Client, startSignedIn, TestApp } from '../support/test-app';

/**
 * The terms of a contract: its tariffs never overlap, an active contract changes by numbered
 * amendments or ends early, and a request with invalid terms changes nothing.
 */
describe('the terms of a contract', () => {
  let t: TestApp, vng: Client, operator: Client;
  let ids: Suppliers;

  beforeAll(async () => {
    [t, vng, operator] = await startSignedIn('vng@demo.nl', 'operator@demo.nl');
    ids = await suppliers(vng);
  });
  afterAll(() => t?.close());

  describe('tariffs', () => {
    it('refuses a tariff overlapping an existing one of the contract (409 tariff-overlap) and writes nothing', async () => {
      const draft = await collectiveDraft(vng, ids.sensoor, {
        tariffs: [{ perInhabitant: '0.2500', validFrom: '2025-01-01', validTo: '2025-06-30' }],
      });
      const res = await vng
        .post(`/api/v1/contracts/${draft.id}/tariffs`)
        .send({ perInhabitant: '0.3000', validFrom: '2025-06-30', validTo: null });
      expect(outcome(res)).toMatchObject({ status: 409, body: { type: '/problems/tariff-overlap' } });
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(res.body.detail).toContain('2025-01-01 to 2025-06-30');
      expect(await tariffCount(t, draft.id)).toBe(1);

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
      const before = await contractCount(t);
      const res = await postContract(vng, {
        title: 'Overlappende tarieven',
        supplierId: ids.sensoor.providerId,
        ...EXEMPT,
        tariffs: [
          { perInhabitant: '0.2500', validFrom: '2025-01-01' },
          { perInhabitant: '0.2600', validFrom: '2026-01-01' },
        ],
      });
      expect(outcome(res)).toMatchObject({ status: 409, body: { type: '/problems/tariff-overlap' } });
      expect(await contractCount(t)).toBe(before);
    });
  });

  describe('changing an active contract', () => {
    it('refuses to PATCH an active contract (409 contract-not-draft) and leaves it unchanged', async () => {
      const id = await contractId(t, 'VNG-SEN-2018');
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
      const id = await contractId(t, 'VNG-SEN-2018');
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
      const created = await collectiveDraft(vng, ids.sensoor, {
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

  describe('invalid requests: a 4xx problem+json naming the field, and nothing changes', () => {
    let draftId: string;
    beforeAll(async () => {
      draftId = (
        await collectiveDraft(vng, ids.sensoor, { tariffs: [{ perInhabitant: '0.2500', validFrom: '2025-01-01' }] })
      ).id;
    });

    it('a contract without its required fields is a 400 naming each of them', async () => {
      const before = await contractCount(t);
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
      expect(await contractCount(t)).toBe(before);
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
        .post(`/api/v1/contracts/${await contractId(t, 'GM0363-LUISTEREND-OOR')}/amendments`)
        .send({ effectiveDate: '2025-01-01', reason: 'Indexatie', perInhabitant });
      expect(amendment.status).toBe(400);
      expect(await tariffCount(t, draftId)).toBe(1);
    });

    it('an end before the start is a 400 naming endDate', async () => {
      const before = await contractCount(t);
      const res = await postContract(vng, {
        title: 'Verkeerd om',
        supplierId: ids.sensoor.providerId,
        endDate: '2024-12-31',
        ...EXEMPT,
      });
      expect(outcome(res)).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'endDate', message: 'endDate must not be before startDate' }] },
      });
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(await contractCount(t)).toBe(before);
    });

    it('an unknown municipality code (GM9999) is a 404', async () => {
      const res = await vng
        .post(`/api/v1/contracts/${draftId}/participants`)
        .send({ code: 'GM9999', from: '2025-01-01' });
      expect(outcome(res)).toMatchObject({ status: 404, body: { type: '/problems/municipality-not-found' } });
      expect(res.body.detail).toContain('GM9999');
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(await participantCount(t, draftId)).toBe(0);
      const exception = await vng
        .post(`/api/v1/contracts/${draftId}/exceptions`)
        .send({ code: 'GM9999', kind: 'EXCLUDED', reason: 'bestaat niet' });
      expect(exception.status).toBe(404);
      expect(await count(t, `SELECT count(*) AS n FROM contract_exception WHERE contract_id = $1`, [draftId])).toBe(0);
    });

    it('an individual contract for a municipality dissolved before its start (Bedum, GM0005) is a 422, not a 500', async () => {
      const created = await operator.post('/api/v1/contracts').send({
        kind: 'INDIVIDUAL',
        municipalityCode: 'GM0005',
        dutyCode: KT,
        title: 'Kindertelefoon Bedum',
        supplierId: ids.kindertelefoon.providerId,
        serviceIds: [ids.kindertelefoon.serviceId],
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
          t,
          `SELECT count(*) AS n FROM participation WHERE municipality_code = 'GM0005' AND from_date >= '2025-01-01'`,
        ),
      ).toBe(0);
    });

    it('a wrong enum (fundingModel FREE) is a 400 naming fundingModel', async () => {
      const before = await contractCount(t);
      const res = await postContract(vng, {
        title: 'Gratis',
        supplierId: ids.sensoor.providerId,
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
      expect(await contractCount(t)).toBe(before);
      expect((await vng.get(`/api/v1/contracts/${draftId}`).expect(200)).body.fundingModel).toBe('CENTRAL_INVOICE');
    });
  });
});
