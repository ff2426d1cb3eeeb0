import { endDateChange, planExtension, planShortening } from './term-change.rules';

describe('a changed end date', () => {
  it('shortens to an earlier date or from open-ended, extends to a later date or to open-ended', () => {
    expect(endDateChange('2026-12-31', '2026-06-30')).toBe('SHORTEN');
    expect(endDateChange(null, '2026-12-31')).toBe('SHORTEN');
    expect(endDateChange('2026-12-31', '2027-12-31')).toBe('EXTEND');
    expect(endDateChange('2026-12-31', null)).toBe('EXTEND');
    expect(endDateChange('2026-12-31', '2026-12-31')).toBe('NONE');
  });
});

describe('shortening a term', () => {
  const tariffs = [
    { id: 't1', perInhabitant: '0.2500', validFrom: '2025-01-01', validTo: '2025-12-31' },
    { id: 't2', perInhabitant: '0.2600', validFrom: '2026-01-01', validTo: null },
    { id: 't3', perInhabitant: '0.2700', validFrom: '2027-01-01', validTo: null },
  ];
  const participations = [
    { id: 'p1', municipalityCode: 'GM0106', fromDate: '2025-01-01', toDate: null },
    { id: 'p2', municipalityCode: 'GM0014', fromDate: '2025-01-01', toDate: '2025-06-30' },
    { id: 'p3', municipalityCode: 'GM1966', fromDate: '2026-07-01', toDate: null },
  ];

  it('drops what starts after the new end, ends on it what ran beyond, leaves what ended before', () => {
    const plan = planShortening('2026-06-30', tariffs, participations);
    expect(plan).toMatchObject({
      dropTariffIds: ['t3'],
      endTariffIds: ['t2'],
      dropParticipationIds: ['p3'],
      endParticipationIds: ['p1'],
    });
  });

  it('lists what it dropped for the audit log, in its stored form', () => {
    expect(planShortening('2026-06-30', tariffs, participations).dropped).toEqual({
      droppedTariffs: [{ per_inhabitant: '0.2700', valid_from: '2027-01-01' }],
      droppedParticipations: [{ municipality_code: 'GM1966', from_date: '2026-07-01' }],
    });
  });

  it('keeps what starts on the new end day itself', () => {
    const plan = planShortening('2026-01-01', tariffs, []);
    expect(plan.dropTariffIds).toEqual(['t3']);
    expect(plan.endTariffIds).toEqual(['t2']);
  });
});

describe('extending a term', () => {
  const tariffs = [
    { id: 't1', validTo: '2025-06-30' },
    { id: 't2', validTo: '2025-12-31' },
  ];
  const participations = [
    { id: 'p1', municipalityCode: 'GM0106', toDate: '2025-12-31' },
    { id: 'p2', municipalityCode: 'GM0005', toDate: '2025-12-31' },
    { id: 'p3', municipalityCode: 'GM0014', toDate: '2025-12-31' },
  ];
  const municipalities = [
    { code: 'GM0106', validTo: null },
    { code: 'GM0005', validTo: '2025-12-31' },
    { code: 'GM0014', validTo: '2026-06-30' },
  ];

  it('continues the tariff that ended with the old term', () => {
    expect(planExtension('2025-12-31', '2026-12-31', tariffs, [], []).tariffIds).toEqual(['t2']);
  });

  it('continues participations to the new end, as long as the municipality exists; one that ended does not', () => {
    const plan = planExtension('2025-12-31', '2026-12-31', tariffs, participations, municipalities);
    expect(plan.participations).toEqual([
      { id: 'p1', code: 'GM0106', to: '2026-12-31' },
      { id: 'p3', code: 'GM0014', to: '2026-06-30' },
    ]);
  });

  it('checks the newly covered days, from the day after the old end, for double coverage', () => {
    const plan = planExtension('2025-12-31', null, tariffs, participations, municipalities);
    expect(plan.candidates).toEqual([
      { code: 'GM0106', from: '2026-01-01', to: null },
      { code: 'GM0014', from: '2026-01-01', to: '2026-06-30' },
    ]);
  });
});
