import { fromAmsterdam, formatAmsterdam, toAmsterdam } from './amsterdam-time';
import { addDays, daysBetween, IsoDate } from './calendar-date';
import { minutesOf, Weekday, WeeklyInterval } from './weekly-schedule';

/**
 * The compliance rules of DOMAIN.md: a duty is met for a period when every day is covered by a
 * contract and, for duties that must be available at every moment, every minute of the week has
 * a counting channel staffed (weekly hours in Amsterdam time, less dated closures). Pure: the
 * caller loads the coverage, this decides.
 */

export const OBLIGATION_STATUSES = ['COMPLIANT', 'AT_RISK', 'NON_COMPLIANT'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

const SEVERITY: Record<ObligationStatus, number> = { COMPLIANT: 0, AT_RISK: 1, NON_COMPLIANT: 2 };

export function worstStatus(statuses: readonly ObligationStatus[]): ObligationStatus {
  return statuses.reduce<ObligationStatus>(
    (worst, status) => (SEVERITY[status] > SEVERITY[worst] ? status : worst),
    'COMPLIANT',
  );
}

/** Coverage ending within this many days, with nothing after it, puts a duty AT_RISK. */
export const AT_RISK_HORIZON_DAYS = 90;

export interface Closure {
  /** Instants (ms since the epoch); `end` exclusive. */
  start: number;
  end: number;
  reason: string;
}

export interface ChannelAvailability {
  kind: string;
  /** Whether the duty accepts this channel (real-time ones); e-mail is reported but does not count. */
  counts: boolean;
  schedule: readonly WeeklyInterval[];
  closures: readonly Closure[];
}

/** Days on which a contract covers the municipality, with the channels it delivers. */
export interface CoverageSlice {
  key: string;
  from: IsoDate;
  /** Inclusive; null when open-ended. */
  to: IsoDate | null;
  channels: readonly ChannelAvailability[];
}

export interface DayGap {
  from: IsoDate;
  to: IsoDate;
  days: number;
}

/** A weekly time without a counting channel (Amsterdam time); `to` before `from` runs past midnight. */
export interface WeeklyGap {
  weekday: Weekday;
  from: string;
  to: string;
  minutes: number;
  /** The days on which this weekly gap applies. */
  validFrom: IsoDate;
  validTo: IsoDate;
}

/** A dated interval in which closures left no counting channel staffed that would otherwise have been. */
export interface DatedGap {
  /** ISO 8601 with the Amsterdam offset. */
  start: string;
  end: string;
  minutes: number;
  reasons: string[];
}

export interface ObligationInput {
  period: { from: IsoDate; to: IsoDate };
  /** The day "now" is judged on (AT_RISK looks 90 days ahead of it). */
  asOf: IsoDate;
  /** All coverage of the municipality for the duty, also outside the period (to see successors). */
  slices: readonly CoverageSlice[];
  /** The duty requires a counting channel at every moment of the week. */
  continuousAvailability: boolean;
  /** The municipality's last day, when it ends (a merger): coverage that ends with it is no risk. */
  existsUntil: IsoDate | null;
}

export interface ObligationEvaluation {
  status: ObligationStatus;
  dayGaps: DayGap[];
  weeklyGaps: WeeklyGap[];
  datedGaps: DatedGap[];
  /** The last day of the uninterrupted coverage that includes `asOf`; null when open-ended or not covered. */
  coveredUntil: IsoDate | null;
  /** Set when AT_RISK: the first day without coverage. */
  uncoveredFrom: IsoDate | null;
}

const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const MS_PER_MINUTE = 60_000;

/** Weekly schedules worked out once per channel object, when many municipalities share the same services. */
export class ScheduleCache {
  private readonly weeks = new WeakMap<ChannelAvailability, Uint8Array>();
  private readonly ids = new WeakMap<ChannelAvailability, number>();
  private readonly opens = new Map<string, Uint8Array>();
  private readonly gaps = new Map<string, DatedGap[]>();
  private lastId = 0;

  week(channel: ChannelAvailability): Uint8Array {
    let week = this.weeks.get(channel);
    if (!week) this.weeks.set(channel, (week = scheduleWeek(channel.schedule)));
    return week;
  }

  open(channels: readonly ChannelAvailability[]): Uint8Array {
    const key = this.key(channels);
    let open = this.opens.get(key);
    if (!open) {
      open = new Uint8Array(MINUTES_PER_WEEK);
      for (const channel of channels) {
        const own = this.week(channel);
        for (let m = 0; m < MINUTES_PER_WEEK; m++) open[m] |= own[m];
      }
      this.opens.set(key, open);
    }
    return open;
  }

  /**
   * The dated gaps closures cause in a segment: the same for every municipality served by the
   * same channels (a collective contract's hundreds), so computed once per channels and segment.
   */
  closureGaps(segment: Segment, counting: readonly ChannelAvailability[]): DatedGap[] {
    const key = `${this.key(counting)}|${segment.from}|${segment.to}`;
    let gaps = this.gaps.get(key);
    if (!gaps) this.gaps.set(key, (gaps = closureGaps(segment, counting, this)));
    return gaps;
  }

  private key(channels: readonly ChannelAvailability[]): string {
    return channels
      .map((channel) => this.id(channel))
      .sort((a, b) => a - b)
      .join(',');
  }

  private id(channel: ChannelAvailability): number {
    let id = this.ids.get(channel);
    if (id === undefined) this.ids.set(channel, (id = ++this.lastId));
    return id;
  }
}

export function evaluateObligation(input: ObligationInput, cache = new ScheduleCache()): ObligationEvaluation {
  const segments = segmentsOf(input.period, input.slices);
  const dayGaps = mergeDayGaps(segments.filter((s) => s.covering.length === 0));
  const weeklyGaps: WeeklyGap[] = [];
  const datedGaps: DatedGap[] = [];
  let previous: { signature: string; gaps: WeeklyGap[]; to: IsoDate } | null = null;
  for (const segment of segments) {
    if (segment.covering.length === 0) {
      previous = null;
      continue;
    }
    const counting = segment.covering.flatMap((slice) => slice.channels.filter((c) => c.counts));
    const open = cache.open(counting);
    const pieces = input.continuousAvailability ? weeklyGapPieces(open) : open.includes(1) ? [] : weeklyGapPieces(open);
    const signature = JSON.stringify(pieces);
    if (previous && previous.signature === signature && addDays(previous.to, 1) === segment.from) {
      for (const gap of previous.gaps) gap.validTo = segment.to;
      previous.to = segment.to;
    } else {
      const gaps = pieces.map((piece) => ({ ...piece, validFrom: segment.from, validTo: segment.to }));
      weeklyGaps.push(...gaps);
      previous = { signature, gaps, to: segment.to };
    }
    if (input.continuousAvailability) datedGaps.push(...cache.closureGaps(segment, counting));
  }
  const gapFound = dayGaps.length > 0 || weeklyGaps.length > 0 || datedGaps.length > 0;
  const coveredUntil = coverageRunEnd(input.slices, input.asOf);
  let uncoveredFrom: IsoDate | null = null;
  if (!gapFound && coveredUntil !== null && coveredUntil !== OPEN_ENDED) {
    const next = addDays(coveredUntil, 1);
    const municipalityGoesOn = input.existsUntil === null || next <= input.existsUntil;
    if (municipalityGoesOn && daysBetween(input.asOf, coveredUntil) <= AT_RISK_HORIZON_DAYS) uncoveredFrom = next;
  }
  return {
    status: gapFound ? 'NON_COMPLIANT' : uncoveredFrom ? 'AT_RISK' : 'COMPLIANT',
    dayGaps,
    weeklyGaps,
    datedGaps,
    coveredUntil: coveredUntil === OPEN_ENDED ? null : coveredUntil,
    uncoveredFrom,
  };
}

interface Segment {
  from: IsoDate;
  to: IsoDate;
  covering: CoverageSlice[];
}

/** The period cut where coverage changes: within a segment the same slices cover every day. */
function segmentsOf(period: { from: IsoDate; to: IsoDate }, slices: readonly CoverageSlice[]): Segment[] {
  const cuts = new Set<IsoDate>([period.from]);
  for (const slice of slices) {
    if (slice.from > period.from && slice.from <= period.to) cuts.add(slice.from);
    if (slice.to !== null && slice.to >= period.from && slice.to < period.to) cuts.add(addDays(slice.to, 1));
  }
  const starts = [...cuts].sort();
  return starts.map((from, i) => {
    const to = i + 1 < starts.length ? addDays(starts[i + 1], -1) : period.to;
    return { from, to, covering: slices.filter((s) => s.from <= from && (s.to === null || s.to >= to)) };
  });
}

function mergeDayGaps(uncovered: Segment[]): DayGap[] {
  const gaps: DayGap[] = [];
  for (const segment of uncovered) {
    const last = gaps[gaps.length - 1];
    if (last && addDays(last.to, 1) === segment.from) last.to = segment.to;
    else gaps.push({ from: segment.from, to: segment.to, days: 0 });
  }
  for (const gap of gaps) gap.days = daysBetween(gap.from, gap.to) + 1;
  return gaps;
}

/** Minute-of-week flags (Monday 00:00 = 0): 1 where the schedule is open. */
function scheduleWeek(schedule: readonly WeeklyInterval[]): Uint8Array {
  const week = new Uint8Array(MINUTES_PER_WEEK);
  for (const interval of schedule) {
    const base = (interval.weekday - 1) * MINUTES_PER_DAY;
    week.fill(1, base + minutesOf(interval.from), base + minutesOf(interval.to));
  }
  return week;
}

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * The closed stretches of a week (it wraps from Sunday to Monday). A stretch of at most a day is
 * one gap, also across midnight (22:00-09:00); a longer one is cut at each midnight.
 */
function weeklyGapPieces(open: Uint8Array): Array<Omit<WeeklyGap, 'validFrom' | 'validTo'>> {
  const firstOpen = open.indexOf(1);
  if (firstOpen < 0)
    return ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((weekday) => ({
      weekday,
      from: '00:00',
      to: '24:00',
      minutes: MINUTES_PER_DAY,
    }));
  const stretches: Array<{ start: number; length: number }> = [];
  let start = -1;
  for (let i = 1; i <= MINUTES_PER_WEEK; i++) {
    const m = (firstOpen + i) % MINUTES_PER_WEEK;
    if (!open[m] && start < 0) start = m;
    if (open[m] && start >= 0) {
      stretches.push({ start, length: (m - start + MINUTES_PER_WEEK) % MINUTES_PER_WEEK });
      start = -1;
    }
  }
  const pieces: Array<Omit<WeeklyGap, 'validFrom' | 'validTo'>> = [];
  const piece = (at: number, length: number) => {
    const weekday = (Math.floor(at / MINUTES_PER_DAY) + 1) as Weekday;
    const from = at % MINUTES_PER_DAY;
    const end = from + length;
    pieces.push({
      weekday,
      from: hhmm(from),
      to: end === MINUTES_PER_DAY ? '24:00' : hhmm(end % MINUTES_PER_DAY),
      minutes: length,
    });
  };
  for (const { start: at, length } of stretches) {
    if (length <= MINUTES_PER_DAY) {
      piece(at, length);
      continue;
    }
    let position = at;
    let left = length;
    while (left > 0) {
      const chunk = Math.min(left, MINUTES_PER_DAY - (position % MINUTES_PER_DAY));
      piece(position, chunk);
      position = (position + chunk) % MINUTES_PER_WEEK;
      left -= chunk;
    }
  }
  return pieces.sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
}

/**
 * Minutes inside closures of counting channels in which the weekly hours promise a counting
 * channel but none is staffed: the dated gaps closures cause. Walks the closed minutes in real
 * instants, so a closure over a daylight-saving change has its true length.
 */
function closureGaps(segment: Segment, counting: readonly ChannelAvailability[], cache: ScheduleCache): DatedGap[] {
  const segmentStart = fromAmsterdam(segment.from, 0);
  const segmentEnd = fromAmsterdam(addDays(segment.to, 1), 0);
  const windows = counting
    .flatMap((channel) => channel.closures)
    .map((closure) => ({ start: Math.max(closure.start, segmentStart), end: Math.min(closure.end, segmentEnd) }))
    .filter((window) => window.start < window.end)
    .sort((a, b) => a.start - b.start);
  if (windows.length === 0) return [];
  const merged: Array<{ start: number; end: number }> = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last && window.start <= last.end) last.end = Math.max(last.end, window.end);
    else merged.push({ ...window });
  }
  const weeks = counting.map((channel) => ({ channel, week: cache.week(channel) }));
  const gaps: DatedGap[] = [];
  let open: { start: number; reasons: Set<string> } | null = null;
  const close = (end: number) => {
    if (!open) return;
    gaps.push({
      start: formatAmsterdam(open.start),
      end: formatAmsterdam(end),
      minutes: Math.round((end - open.start) / MS_PER_MINUTE),
      reasons: [...open.reasons],
    });
    open = null;
  };
  for (const window of merged) {
    const first = Math.floor(window.start / MS_PER_MINUTE) * MS_PER_MINUTE;
    for (let instant = first; instant < window.end; instant += MS_PER_MINUTE) {
      const local = toAmsterdam(instant);
      const minuteOfWeek = (local.weekday - 1) * MINUTES_PER_DAY + local.minute;
      const scheduled = weeks.filter(({ week }) => week[minuteOfWeek]);
      const closedNow = scheduled.map(({ channel }) => ({
        channel,
        closure: channel.closures.find((c) => c.start <= instant && instant < c.end),
      }));
      const unstaffed = scheduled.length > 0 && closedNow.every(({ closure }) => closure);
      if (unstaffed) {
        open ??= { start: instant, reasons: new Set() };
        for (const { closure } of closedNow) open.reasons.add(closure!.reason);
      } else {
        close(instant);
      }
    }
    close(Math.ceil(window.end / MS_PER_MINUTE) * MS_PER_MINUTE);
  }
  return gaps;
}

const OPEN_ENDED = Symbol('open-ended');

/** The last day of the run of covered days through `day` (OPEN_ENDED when it never ends), or null when `day` is not covered. */
function coverageRunEnd(slices: readonly CoverageSlice[], day: IsoDate): IsoDate | typeof OPEN_ENDED | null {
  const coveringOn = (d: IsoDate) => slices.filter((s) => s.from <= d && (s.to === null || s.to >= d));
  let current = coveringOn(day);
  if (current.length === 0) return null;
  let end = day;
  for (;;) {
    if (current.some((s) => s.to === null)) return OPEN_ENDED;
    end = current.reduce((latest, s) => (s.to! > latest ? s.to! : latest), end);
    current = coveringOn(addDays(end, 1));
    if (current.length === 0) return end;
  }
}
