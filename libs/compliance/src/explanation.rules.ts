import { dutchLongDate, formatInteger, IsoDate, ObligationEvaluation } from '@wmo/domain';
import type { DayPeriod } from './period.rules';

const CHANNEL_NAMES: Record<string, string> = {
  PHONE: 'telefoon',
  CHAT: 'chat',
  EMAIL: 'e-mail',
  VIDEO: 'video',
  SMS: 'sms',
};
const WEEKDAYS = ['', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];

/** What the sentence names of the municipality, the duty and the contracts that covered the period. */
export interface ExplanationSubject {
  municipalityName: string;
  duty: { legalBasis: string; countingChannels: readonly string[]; continuousAvailability: boolean };
  /** The covering contracts in order of their coverage (the same contract may come back). */
  contracts: ReadonlyArray<{ reference: string; supplierName: string }>;
}

/**
 * One Dutch sentence a council member understands, with dates as running text writes them. A
 * period that has not ended yet is judged up to today and says so ("t/m 3 december 2026
 * (vandaag)"): the rest of it has not happened.
 */
export function explain(
  subject: ExplanationSubject,
  period: DayPeriod,
  evaluation: ObligationEvaluation,
  today?: IsoDate,
): string {
  const { municipalityName: name, duty } = subject;
  const running = today !== undefined && period.from < today && today < period.to;
  const span =
    period.from === period.to
      ? `op ${dutchLongDate(period.from)}`
      : running
        ? `van ${dutchLongDate(period.from)} t/m ${dutchLongDate(today)} (vandaag)`
        : `van ${dutchLongDate(period.from)} t/m ${dutchLongDate(period.to)}`;
  const contracts = [...new Set(subject.contracts.map((c) => `${c.reference} (${c.supplierName})`))].join(', ');
  const channels = duty.countingChannels.map((kind) => CHANNEL_NAMES[kind] ?? kind.toLowerCase()).join(' of ');
  if (evaluation.status === 'COMPLIANT') {
    return `${name} voldoet ${span} aan de plicht (${duty.legalBasis}): gedekt door ${contracts}${duty.continuousAvailability ? `; op elk moment van de week is ${channels} bereikbaar` : ''}.`;
  }
  if (evaluation.status === 'AT_RISK') {
    return `${name} voldoet ${span} aan de plicht (${duty.legalBasis}), maar de dekking door ${contracts} eindigt op ${dutchLongDate(evaluation.coveredUntil!)} en er is geen opvolgend contract: vanaf ${dutchLongDate(evaluation.uncoveredFrom!)} is de plicht niet gedekt.`;
  }
  const reasons: string[] = [];
  const days = evaluation.dayGaps.reduce((sum, gap) => sum + gap.days, 0);
  if (days) {
    const first = evaluation.dayGaps[0];
    reasons.push(
      `${formatInteger(days)} ${days === 1 ? 'dag' : 'dagen'} zonder contract (${first.from === first.to ? dutchLongDate(first.from) : `${dutchLongDate(first.from)} t/m ${dutchLongDate(first.to)}`}${evaluation.dayGaps.length > 1 ? ' en meer' : ''})`,
    );
  }
  if (evaluation.weeklyGaps.length) {
    const first = evaluation.weeklyGaps[0];
    const wholeWeek = evaluation.weeklyGaps.length === 7 && evaluation.weeklyGaps.every((gap) => gap.minutes === 1440);
    reasons.push(
      wholeWeek
        ? `geen ${channels} in de dienstverlening`
        : `wekelijks tijden zonder ${channels} (bijvoorbeeld ${WEEKDAYS[first.weekday]} ${first.from}-${first.to})`,
    );
  }
  if (evaluation.datedGaps.length) {
    const minutes = evaluation.datedGaps.reduce((sum, gap) => sum + gap.minutes, 0);
    reasons.push(
      `${evaluation.datedGaps.length} ${evaluation.datedGaps.length === 1 ? 'onderbreking' : 'onderbrekingen'} door sluiting (${formatInteger(minutes)} minuten)`,
    );
  }
  return `${name} voldoet ${span} niet aan de plicht (${duty.legalBasis}): ${reasons.join('; ')}.`;
}
