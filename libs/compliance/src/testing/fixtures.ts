// Shared builders and fakes for the compliance unit specs: one duty, municipalities, callers, an
// evaluation, a snapshot with nobody covered, and a scoped database whose transaction runs at once.
import type { DutyInfo } from '@wmo/contracts';
import { cents, type ObligationEvaluation } from '@wmo/domain';
import type { MunicipalityInfo } from '@wmo/reference-data';
import type { Principal } from '@wmo/tenancy';
import type { CoverageSnapshot } from '../judgement.rules';

/** The one duty: anonymous listening ear and advice (art. 2.2.4 lid 1 onder b Wmo 2015). */
export const WMO: DutyInfo = {
  code: 'WMO2015_2_2_4_1B',
  name: 'Anoniem luisterend oor en advies',
  legalBasis: 'art. 2.2.4 lid 1 onder b Wmo 2015',
  inForceFrom: '2015-01-01',
  countingChannels: ['PHONE', 'CHAT'],
  continuousAvailability: true,
};

/** A municipality in Drenthe that has always existed, unless the overrides say otherwise. */
export const municipality = (
  code: string,
  name: string,
  overrides: Partial<MunicipalityInfo> = {},
): MunicipalityInfo => ({
  code,
  name,
  provinceCode: 'PV22',
  provinceName: 'Drenthe',
  validFrom: null,
  validTo: null,
  ...overrides,
});

/** A user of a municipality with the role OFFICER, unless the overrides say otherwise. */
export const principal = (overrides: Partial<Principal> = {}): Principal => ({
  kind: 'user',
  id: 'u',
  userId: 'u',
  apiKeyId: null,
  organisationId: 'org',
  organisationKind: 'MUNICIPALITY',
  municipalityCode: null,
  roles: ['OFFICER'],
  ...overrides,
});

/** An evaluation without gaps: NON_COMPLIANT unless the overrides say otherwise. */
export const evaluation = (overrides: Partial<ObligationEvaluation> = {}): ObligationEvaluation => ({
  status: 'NON_COMPLIANT',
  dayGaps: [],
  weeklyGaps: [],
  datedGaps: [],
  coveredUntil: null,
  uncoveredFrom: null,
  ...overrides,
});

/** Nobody covered: Assen (GM0106) and Coevorden (GM0109) both NON_COMPLIANT, no contracts. */
export const UNCOVERED: CoverageSnapshot = {
  duties: [WMO],
  municipalities: new Map([
    ['GM0106', municipality('GM0106', 'Assen')],
    ['GM0109', municipality('GM0109', 'Coevorden')],
  ]),
  contracts: new Map(),
  coverage: new Map(),
};

/** Invoice inv-1 from Stichting Sensoor to Assen, due 2025-02-14 and not paid in full. */
export const OVERDUE_INVOICE = {
  id: 'inv-1',
  number: 'F-2025-000017',
  supplierId: 'org-sensoor',
  supplierName: 'Stichting Sensoor',
  customerOrganisationId: 'org-assen',
  customerName: 'Gemeente Assen',
  municipalityCode: 'GM0106',
  dueDate: '2025-02-14',
  totalCents: cents(1_742_525),
  outstandingCents: cents(742_525),
};

/**
 * A ScopedDatabase whose transaction runs the work at once for the caller; within it,
 * `unscopedWithin` runs the work as the platform.
 */
export function scopedDatabase(caller: Principal) {
  const platform = { manager: {} };
  const tx = {
    manager: {},
    principal: caller,
    unscopedWithin: jest.fn((work: (p: typeof platform) => Promise<unknown>) => work(platform)),
  };
  const db = { transaction: jest.fn((work: (t: typeof tx) => Promise<unknown>) => work(tx)) };
  return { platform, tx, db };
}
