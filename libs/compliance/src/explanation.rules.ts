import { dutchDate, formatInteger, ObligationEvaluation } from '@wmo/domain';
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

/** One Dutch sentence a council member understands. */
export function explain(subject: ExplanationSubject, period: DayPeriod, evaluation: ObligationEvaluation): string {
  const { municipalityName: name, duty } = subject;
  const span =
    period.from === period.to
      ? `op ${dutchDate(period.from)}`
      : `van ${dutchDate(period.from)} t/m ${dutchDate(period.to)}`;
  const contracts = [...new Set(subject.contracts.map((c) => `${c.reference} (${c.supplierName})`))].join(', ');
  const channels = duty.countingChannels.map((kind) => CHANNEL_NAMES[kind] ?? kind.toLowerCase()).join(' of ');
  if (evaluation.status === 'COMPLIANT') {
    return `${name} voldoet ${span} aan de plicht (${duty.legalBasis}): gedekt door ${contracts}${duty.continuousAvailability ? `; op elk moment van de week is ${channels} bereikbaar` : ''}.`;
  }
  if (evaluation.status === 'AT_RISK') {
    return `${name} voldoet ${span} aan de plicht (${duty.legalBasis}), maar de dekking door ${contracts} eindigt op ${dutchDate(evaluation.coveredUntil!)} en er is geen opvolgend contract: vanaf ${dutchDate(evaluation.uncoveredFrom!)} is de plicht niet gedekt.`;
  }
  const reasons: string[] = [];
  const days = evaluation.dayGaps.reduce((sum, gap) => sum + gap.days, 0);
  if (days) {
    const first = evaluation.dayGaps[0];
    reasons.push(
      `${formatInteger(days)} ${days === 1 ? 'dag' : 'dagen'} zonder contract (${first.from === first.to ? dutchDate(first.from) : `${dutchDate(first.from)} t/m ${dutchDate(first.to)}`}${evaluation.dayGaps.length > 1 ? ' en meer' : ''})`,
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
