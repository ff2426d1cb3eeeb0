// The platform's domain rules as pure functions: no Nest, no TypeORM (see docs/DOMAIN.md).

// Calendar dates (ISO strings) and today's date in the Netherlands.
export {
  addDays,
  addYears,
  assertIsoDate,
  daysBetween,
  dutchDate,
  dutchLongDate,
  firstOfJanuary,
  isFirstOfJanuary,
  isIsoDate,
  maxDate,
  minDate,
  pinToday,
  todayInAmsterdam,
  yearOf,
} from './calendar-date';
export type { IsoDate } from './calendar-date';
export { formatAmsterdam, fromAmsterdam } from './amsterdam-time';

// Periods and validity.
export {
  contains,
  dayBefore,
  dayCount,
  firstOverlap,
  intersect,
  periodContains,
  periodsOverlap,
  subtractPeriods,
} from './period';
export type { Period } from './period';
export { isValidOn } from './validity';
export type { Validity } from './validity';

// Money: whole cents.
export { cents, minusCents, plusCents, sumCents, ZERO_CENTS } from './money';
export type { Cents } from './money';

// Billing: reference dates, prorated amounts, VAT, due dates and their formatting.
export {
  billingPeriod,
  centsToDecimal,
  chargeSegments,
  creditNoteVatCents,
  daysInYear,
  dueDate,
  formatEuroCents,
  formatInteger,
  lineAmountCents,
  referenceDateFor,
  vatAmountCents,
} from './billing';
export type { ChargeSegment, ReferenceDateRule, TariffPeriod } from './billing';
export { chargeCalculation, participantCharge, tariffDecimal } from './participant-charge';
export type { ChargedSegment, ParticipantCharge, ParticipantChargeInput } from './participant-charge';

// Municipal reorganisations: the population of a territory, and the roll-over of participations.
export { approximationCauseText, TERRITORIAL_CHANGE_RELATIONS, territoryPopulation } from './territory-population';
export type {
  ApproximationCause,
  PopulationComponent,
  TerritorialChange,
  TerritorialChangeRelation,
  TerritoryPopulation,
  TerritoryPopulationInput,
} from './territory-population';
export { planRollOver } from './roll-over';
export type {
  OtherCoverage,
  ParticipationFact,
  RollOverConflict,
  RollOverDecision,
  RollOverInput,
  RollOverPlan,
} from './roll-over';

// Opening hours and the compliance of a municipality's duty.
export { ALWAYS, daily, scheduleProblems } from './weekly-schedule';
export type { Weekday, WeeklyInterval } from './weekly-schedule';
export {
  AT_RISK_HORIZON_DAYS,
  evaluateObligation,
  OBLIGATION_STATUSES,
  ScheduleCache,
  worstStatus,
} from './compliance';
export type {
  ChannelAvailability,
  Closure,
  CoverageSlice,
  DatedGap,
  DayGap,
  ObligationEvaluation,
  ObligationInput,
  ObligationStatus,
  WeeklyGap,
} from './compliance';
