import { dateLong, today } from '../../format';
import { daysInclusive, DutyObligation } from './obligations';

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

type Kind = 'covered' | 'gap' | 'outside';
interface Segment {
  kind: Kind;
  from: string;
  to: string;
  label?: string;
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

/** The year cut into covered days, days without a contract, and days outside the judged period. */
export function yearSegments(duty: DutyObligation, year: number): Segment[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const marked: Segment[] = [
    ...duty.coverage.map((c): Segment => ({
      kind: 'covered',
      from: max(c.from, start),
      to: min(c.to, end),
      label: `${c.contract.reference}, ${c.contract.providerName}`,
    })),
    ...duty.gaps.days.map((g): Segment => ({ kind: 'gap', from: max(g.from, start), to: min(g.to, end) })),
  ]
    .filter((s) => s.from <= s.to)
    .sort((a, b) => a.from.localeCompare(b.from));
  // Whatever is left (before the municipality existed or the duty was in force, or after) is outside the judged period.
  const segments: Segment[] = [];
  let cursor = start;
  for (const segment of marked) {
    if (segment.from > cursor) segments.push({ kind: 'outside', from: cursor, to: addDays(segment.from, -1) });
    if (segment.to >= cursor) segments.push({ ...segment, from: max(segment.from, cursor) });
    cursor = max(cursor, addDays(segment.to, 1));
  }
  if (cursor <= end) segments.push({ kind: 'outside', from: cursor, to: end });
  return segments;
}

const KIND_WORDS: Record<Kind, string> = {
  covered: 'gedekt door een contract',
  gap: 'niet gedekt: geen contract',
  outside: 'niet beoordeeld (de plicht gold niet of de gemeente bestond niet)',
};

/** A year as a bar of 12 months: covered (solid), gaps (hatched, marked ✕), outside the period (dotted); with the same in text. */
export function YearTimeline({ duty, year, headingId }: { duty: DutyObligation; year: number; headingId: string }) {
  const segments = yearSegments(duty, year);
  const yearDays = daysInclusive(`${year}-01-01`, `${year}-12-31`);
  const offset = (iso: string) => ((daysInclusive(`${year}-01-01`, iso) - 1) / yearDays) * 100;
  const todayIso = today();
  const showToday = todayIso.startsWith(String(year));
  const gaps = segments.filter((s) => s.kind === 'gap');
  const summary =
    `Tijdlijn ${year}: ` +
    segments.map((s) => `${dateLong(s.from)} t/m ${dateLong(s.to)} ${KIND_WORDS[s.kind]}`).join('; ') +
    (showToday ? `. Vandaag is ${dateLong(todayIso)}.` : '.');
  const kinds = new Set(segments.map((s) => s.kind));
  return (
    <figure className="timeline" aria-labelledby={headingId}>
      <div className="timeline__bar" role="img" aria-label={summary}>
        {segments.map((s) => (
          <span
            key={`${s.kind}-${s.from}`}
            className={`timeline__segment timeline__segment--${s.kind}`}
            style={{
              insetInlineStart: `${offset(s.from)}%`,
              inlineSize: `${(daysInclusive(s.from, s.to) / yearDays) * 100}%`,
            }}
          >
            {s.kind === 'gap' && daysInclusive(s.from, s.to) >= 20 ? (
              <span className="timeline__mark" aria-hidden="true">
                ✕
              </span>
            ) : null}
          </span>
        ))}
        {showToday ? (
          <span className="timeline__today" style={{ insetInlineStart: `${offset(todayIso)}%` }} aria-hidden="true" />
        ) : null}
      </div>
      <ol className="timeline__months" aria-hidden="true">
        {MONTHS.map((month, index) => (
          <li key={month}>
            <span className="timeline__month-long">{month}</span>
            <span className="timeline__month-short">{index + 1}</span>
          </li>
        ))}
      </ol>
      <ul className="timeline__legend" aria-hidden="true">
        <li>
          <span className="timeline__swatch timeline__segment--covered" /> Gedekt
        </li>
        {kinds.has('gap') ? (
          <li>
            <span className="timeline__swatch timeline__segment--gap" /> Niet gedekt (gearceerd)
          </li>
        ) : null}
        {kinds.has('outside') ? (
          <li>
            <span className="timeline__swatch timeline__segment--outside" /> Niet beoordeeld
          </li>
        ) : null}
        {showToday ? (
          <li>
            <span className="timeline__swatch timeline__swatch--today" /> Vandaag
          </li>
        ) : null}
      </ul>
      <figcaption className="timeline__text">
        <ul className="utrecht-unordered-list">
          {segments
            .filter((s) => s.kind === 'covered')
            .map((s) => (
              <li key={s.from} className="utrecht-unordered-list__item">
                Gedekt van {dateLong(s.from)} t/m {dateLong(s.to)}
                {s.label ? ` (${s.label})` : ''}
              </li>
            ))}
          {gaps.length === 0 ? (
            <li className="utrecht-unordered-list__item">Geen periodes zonder contract in {year}.</li>
          ) : (
            gaps.map((s) => (
              <li key={s.from} className="utrecht-unordered-list__item">
                <strong>Niet gedekt</strong> van {dateLong(s.from)} t/m {dateLong(s.to)} ({daysInclusive(s.from, s.to)}{' '}
                {daysInclusive(s.from, s.to) === 1 ? 'dag' : 'dagen'} zonder contract)
              </li>
            ))
          )}
          {segments
            .filter((s) => s.kind === 'outside')
            .map((s) => (
              <li key={s.from} className="utrecht-unordered-list__item">
                Niet beoordeeld van {dateLong(s.from)} t/m {dateLong(s.to)}: de plicht gold toen niet voor deze gemeente
              </li>
            ))}
        </ul>
      </figcaption>
    </figure>
  );
}
