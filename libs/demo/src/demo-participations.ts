import type { SeedContract } from '@wmo/contracts';
import type { IsoDate } from '@wmo/domain';

/** Who takes part in a demo contract: every municipality but some, or the contracting municipality alone. */
export type DemoParticipants = { kind: 'ALL'; except: readonly string[] } | { kind: 'CONTRACTING'; code: string };

/**
 * Every municipality (of those given) existing during the term takes part for the days it
 * existed; those born of a merger during the term continue their predecessors' participation, as
 * the roll-over would (ROLL_OVER); a contract of one municipality is its own (CONTRACT). Open ends
 * (null) are ignored when the dates are clipped to the term.
 */
export function demoParticipations(
  municipalities: ReadonlyArray<{ code: string; validFrom: IsoDate | null; validTo: IsoDate | null }>,
  term: { start: IsoDate; end: IsoDate | null },
  participants: DemoParticipants,
): SeedContract['participations'] {
  const takesPart = (code: string) =>
    participants.kind === 'ALL' ? !participants.except.includes(code) : code === participants.code;
  return municipalities
    .filter(
      (m) =>
        (m.validTo === null || m.validTo >= term.start) &&
        (term.end === null || m.validFrom === null || m.validFrom <= term.end) &&
        takesPart(m.code),
    )
    .map((m) => ({
      code: m.code,
      from: m.validFrom !== null && m.validFrom > term.start ? m.validFrom : term.start,
      to: m.validTo === null ? term.end : term.end === null || m.validTo < term.end ? m.validTo : term.end,
      origin:
        participants.kind === 'CONTRACTING'
          ? 'CONTRACT'
          : m.validFrom !== null && m.validFrom > term.start
            ? 'ROLL_OVER'
            : 'ENROLMENT',
    }));
}
