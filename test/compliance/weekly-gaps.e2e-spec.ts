import {
  ALWAYS,
  Coverage,
  daily,
  expectProblem,
  obligations,
  overview,
  row,
  WEEK,
  wmo,
  expectGetRefused,
} from '../support/compliance';
import { addUser, contractId, endParticipation, municipalityOrganisationId, WMO } from '../support/demo';
import { outcome } from '../support/http';
import { Client, startSignedIn, TestApp } from '../support/test-app';

const EXEMPT = { vatCategory: 'E', vatExemptionReason: 'Vrijgesteld van btw (test)' };
const PASSWORD = 'een-lang-wachtwoord';

/**
 * Municipalities that leave VNG-SEN-2018 for contracts of their own with a provider whose
 * services miss hours of the week: weekly gaps, and what that provider then sees. The weekly-gap
 * arithmetic itself is proven in libs/domain's compliance.spec.
 */
describe('own contracts with services that leave hours of the week uncovered', () => {
  let t: TestApp, vng: Client, operator: Client;
  let vng2018: string;
  let providerId: string;
  let chatServiceId: string;
  let mailServiceId: string;

  const endInVngSen2018 = (code: string, endDate: string) => endParticipation(vng, vng2018, code, endDate);
  /** An individual open-ended Wmo contract from 2025-01-01 with the test provider, as a draft. */
  const ownDraft = async (client: Client, body: Record<string, unknown>) => {
    const res = await client.post('/api/v1/contracts').send({
      kind: 'INDIVIDUAL',
      dutyCode: WMO,
      supplierId: providerId,
      startDate: '2025-01-01',
      fundingModel: 'DIRECT_INVOICE',
      ...body,
    });
    expect(outcome(res)).toMatchObject({ status: 201, body: { status: 'DRAFT', kind: 'INDIVIDUAL' } });
    return res.body as { id: string; reference: string };
  };

  beforeAll(async () => {
    [t, vng, operator] = await startSignedIn('vng@demo.nl', 'operator@demo.nl');
    vng2018 = await contractId(t, 'VNG-SEN-2018');

    // A provider whose only real-time channel is an evening-less chat, and a service with e-mail alone.
    const provider = await operator.post('/api/v1/providers').send({
      legalName: 'Luisterlijn Test BV',
      kvkNumber: '91234567',
      iban: 'NL91ABNA0417164300',
      street: 'Teststraat 1',
      postalCode: '1234 AB',
      city: 'Zwolle',
      invoicePrefix: 'LTB',
    });
    expect(outcome(provider)).toMatchObject({ status: 201, body: { legalName: 'Luisterlijn Test BV' } });
    providerId = provider.body.id;
    const chat = await operator.post(`/api/v1/providers/${providerId}/services`).send({
      name: 'Chat overdag',
      dutyCode: WMO,
      channels: [
        { kind: 'CHAT', contact: 'https://chat.test', schedule: daily('09:00', '22:00') },
        { kind: 'EMAIL', contact: 'mail@luisterlijn.test', schedule: ALWAYS },
      ],
    });
    expect(outcome(chat)).toMatchObject({ status: 201, body: { dutyCode: WMO } });
    chatServiceId = chat.body.id;
    const mail = await operator.post(`/api/v1/providers/${providerId}/services`).send({
      name: 'Alleen e-mail',
      dutyCode: WMO,
      channels: [{ kind: 'EMAIL', contact: 'mail@luisterlijn.test', schedule: ALWAYS }],
    });
    expect(outcome(mail)).toMatchObject({ status: 201, body: { dutyCode: WMO } });
    mailServiceId = mail.body.id;
  });
  afterAll(() => t?.close());

  describe("Groningen's own contract with a service whose only real-time channel is chat 09:00-22:00", () => {
    let groningenAdmin: Client;
    let own: { id: string; reference: string };

    beforeAll(async () => {
      groningenAdmin = await addUser(t, operator, {
        email: 'admin.gm0014@test.nl',
        name: 'Beheerder Groningen',
        roles: ['ORG_ADMIN'],
        password: PASSWORD,
        organisationId: await municipalityOrganisationId(t, 'GM0014'),
      });
      own = await ownDraft(groningenAdmin, {
        title: 'Eigen luisterend oor Groningen (chat)',
        serviceIds: [chatServiceId],
        vatCategory: 'S',
        vatRate: '21.00',
        tariffs: [{ perInhabitant: '0.3000', validFrom: '2025-01-01' }],
      });
    });

    it('cannot be activated while VNG-SEN-2018 still covers Groningen (409 double-coverage)', async () => {
      const res = await groningenAdmin.post(`/api/v1/contracts/${own.id}/activate`);
      expectProblem(res, 409, '/problems/double-coverage');
      expect(res.body.conflictingContract).toMatchObject({ reference: 'VNG-SEN-2018' });
    });

    it('after Groningen leaves VNG-SEN-2018 on 2024-12-31 it activates', async () => {
      await endInVngSen2018('GM0014', '2024-12-31');
      const res = await groningenAdmin.post(`/api/v1/contracts/${own.id}/activate`);
      expect(outcome(res)).toMatchObject({ status: 201, body: { status: 'ACTIVE' } });
    });

    it('2025 is NON_COMPLIANT with a weekly gap 22:00-09:00 on every day (weekday 1..7, 660 minutes)', async () => {
      const body = await obligations(groningenAdmin, 'GM0014', `year=2025&duty=${WMO}`);
      expect(body.status).toBe('NON_COMPLIANT');
      const [duty] = body.duties;
      expect(duty.gaps.days).toEqual([]);
      expect(duty.gaps.dated).toEqual([]);
      expect(duty.gaps.weekly).toEqual(
        WEEK.map((weekday) => ({
          weekday,
          from: '22:00',
          to: '09:00',
          minutes: 660,
          validFrom: '2025-01-01',
          validTo: '2025-12-31',
        })),
      );
      expect(duty.explanation).toContain('wekelijks tijden zonder telefoon of chat (bijvoorbeeld maandag 22:00-09:00)');
      expect(duty.coverage).toHaveLength(1);
      expect(duty.coverage[0]).toMatchObject({
        from: '2025-01-01',
        to: '2025-12-31',
        contract: { reference: own.reference, kind: 'INDIVIDUAL', providerId, providerName: 'Luisterlijn Test BV' },
      });
      expect(duty.coverage[0].services[0].channels.map((c) => [c.kind, c.counts])).toEqual([
        ['CHAT', true],
        ['EMAIL', false],
      ]);
      // 243,768 inhabitants x EUR 0.30 = 7,313,040 cents; 21% VAT = 1,535,738.4 -> 1,535,738
      expect(duty.cost).toMatchObject({ amountCents: 7313040, vatCents: 1535738, totalCents: 8848778 });
    });

    it('the overview shows 7 x 660 = 4,620 weekly gap minutes for Groningen', async () => {
      expect(row(await overview(vng, 'year=2025'), 'GM0014')).toMatchObject({
        status: 'NON_COMPLIANT',
        contracts: [own.reference],
        providers: ['Luisterlijn Test BV'],
        weeklyGapMinutes: 4620,
        gapDays: 0,
        costCents: 8848778,
      });
    });

    it('a period across the change: the weekly gaps apply from 2025-01-01 only', async () => {
      const duty = await wmo(vng, 'GM0014', 'from=2024-07-01&to=2025-06-30');
      expect(duty.status).toBe('NON_COMPLIANT');
      expect(duty.coverage.map((c) => [c.from, c.to, c.contract.reference])).toEqual([
        ['2024-07-01', '2024-12-31', 'VNG-SEN-2018'],
        ['2025-01-01', '2025-06-30', own.reference],
      ]);
      expect(duty.gaps.weekly).toHaveLength(7);
      expect(duty.gaps.weekly.every((g) => g.validFrom === '2025-01-01' && g.validTo === '2025-06-30')).toBe(true);
    });

    it('with a successor in place, the end of VNG-SEN-2018 is no risk: 2024 and 2024-12-01 are COMPLIANT, open-ended', async () => {
      expect(await wmo(vng, 'GM0014', 'year=2024')).toMatchObject({
        status: 'COMPLIANT',
        coveredUntil: null,
        uncoveredFrom: null,
      });
      expect(await wmo(vng, 'GM0014', 'date=2024-12-01')).toMatchObject({
        status: 'COMPLIANT',
        coveredUntil: null,
        uncoveredFrom: null,
      });
    });
  });

  describe('Almere with an e-mail-only service', () => {
    let own: { id: string; reference: string };

    beforeAll(async () => {
      await endInVngSen2018('GM0034', '2024-12-31');
      own = await ownDraft(operator, {
        municipalityCode: 'GM0034',
        title: 'Alleen e-mail Almere',
        serviceIds: [mailServiceId],
        ...EXEMPT,
        tariffs: [{ perInhabitant: '0.2000', validFrom: '2025-01-01' }],
      });
      expect(outcome(await operator.post(`/api/v1/contracts/${own.id}/activate`))).toMatchObject({
        status: 201,
        body: { status: 'ACTIVE' },
      });
    });

    it('2025 is NON_COMPLIANT: seven whole days of weekly gap (00:00-24:00, 1440 minutes), although every day has a contract', async () => {
      const duty = await wmo(vng, 'GM0034', 'year=2025');
      expect(duty.status).toBe('NON_COMPLIANT');
      expect(duty.gaps.days).toEqual([]);
      expect(duty.gaps.weekly).toEqual(
        WEEK.map((weekday) => ({
          weekday,
          from: '00:00',
          to: '24:00',
          minutes: 1440,
          validFrom: '2025-01-01',
          validTo: '2025-12-31',
        })),
      );
      expect(duty.explanation).toContain('geen telefoon of chat in de dienstverlening');
      expect(duty.coverage[0].services[0].channels.map((c) => [c.kind, c.counts])).toEqual([['EMAIL', false]]);
      // 226,500 x EUR 0.20 = 4,530,000 cents, exempt
      expect(duty.cost).toMatchObject({ amountCents: 4530000, vatCents: 0, totalCents: 4530000 });
    });

    it('the overview shows 10,080 weekly gap minutes for Almere', async () => {
      expect(row(await overview(vng, 'year=2025'), 'GM0034')).toMatchObject({
        status: 'NON_COMPLIANT',
        contracts: [own.reference],
        weeklyGapMinutes: 10080,
        gapDays: 0,
      });
    });
  });

  describe('what a provider that serves by its own contracts sees', () => {
    let luisterlijn: Client;

    beforeAll(async () => {
      luisterlijn = await addUser(t, operator, {
        email: 'admin@luisterlijn.test',
        name: 'Beheerder Luisterlijn',
        roles: ['PROVIDER_ADMIN'],
        password: PASSWORD,
        organisationId: providerId,
      });
    });

    it('Luisterlijn serves Groningen and Almere from 2025: its overview has those two rows, Assen is 404', async () => {
      const own = await overview(luisterlijn, 'year=2025&sort=code');
      expect(own.items.map((r) => [r.code, r.status, r.providers])).toEqual([
        ['GM0014', 'NON_COMPLIANT', ['Luisterlijn Test BV']],
        ['GM0034', 'NON_COMPLIANT', ['Luisterlijn Test BV']],
      ]);
      expect((await overview(luisterlijn, 'year=2024')).items).toEqual([]);
      await expectGetRefused(
        luisterlijn,
        '/api/v1/municipalities/GM0106/obligations?year=2025',
        404,
        '/problems/municipality-not-found',
      );
    });

    it('a draft contract (never activated) does not make it a provider serving the municipalities enrolled in it', async () => {
      const draft = await vng.post('/api/v1/contracts').send({
        kind: 'COLLECTIVE',
        dutyCode: WMO,
        title: 'Concept luisterlijn 2026',
        supplierId: providerId,
        serviceIds: [chatServiceId],
        startDate: '2026-01-01',
        fundingModel: 'DIRECT_INVOICE',
        ...EXEMPT,
      });
      expect(outcome(draft)).toMatchObject({ status: 201, body: { status: 'DRAFT' } });
      const enrolled = await vng
        .post(`/api/v1/contracts/${draft.body.id}/participants`)
        .send({ all: true, year: 2026 });
      expect(outcome(enrolled)).toMatchObject({ status: 201 });
      expect(enrolled.body.enrolled).toHaveLength(342);
      // Still only the two municipalities it serves by an active contract, and no view of Amsterdam's own contract.
      const amsterdam = await luisterlijn.get(`/api/v1/municipalities/GM0363/obligations?year=2026&duty=${WMO}`);
      expect({
        status: amsterdam.status,
        seen: amsterdam.body.duties?.[0]?.coverage?.map((c: Coverage) => c.contract.reference),
      }).toEqual({ status: 404, seen: undefined });
      expect((await overview(luisterlijn, 'year=2026&sort=code')).items.map((r) => r.code)).toEqual([
        'GM0014',
        'GM0034',
      ]);
    });
  });
});
