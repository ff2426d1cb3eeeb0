import {
  ChannelAvailability,
  DatedGap,
  dutchLongDate,
  evaluateObligation,
  IsoDate,
  ScheduleCache,
  Weekday,
  WeeklyInterval,
} from '@wmo/domain';

/**
 * The compliance effect of a change to a service's channels (hours, closures), before it is saved:
 * every municipality a contract delivering the service covers in the period, judged with the
 * compliance rules of @wmo/domain with the service as it is and as it would be. Day gaps (days
 * without a contract) do not depend on the service's hours and are left out: only whether, on
 * the covered days, a counting channel is staffed at every moment the duty asks.
 */

const WEEKDAYS = ['', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const CHANNEL_NAMES: Record<string, string> = {
  PHONE: 'Telefoon',
  CHAT: 'Chat',
  EMAIL: 'E-mail',
  VIDEO: 'Video',
  SMS: 'Sms',
};

/** A channel of a service as the change would leave it. */
export interface DraftChannel {
  kind: string;
  contact: string | null;
  schedule: readonly WeeklyInterval[];
  closures: ReadonlyArray<{ id: string | null; startsAt: Date; endsAt: Date; reason: string }>;
}

/** A weekly time without a counting channel; `to` before `from` runs past midnight. */
export interface WeeklyGapText {
  weekday: Weekday;
  from: string;
  to: string;
  minutes: number;
}

/** How well the covered days are staffed: no gaps means covered. */
export interface HoursCoverage {
  covered: boolean;
  weeklyGaps: WeeklyGapText[];
  datedGaps: DatedGap[];
  /** Dutch: "dag en nacht bereikbaar", "niet bereikbaar elke dag van 22:00 tot 08:00". */
  summary: string;
}

export type EffectChange = 'UNCOVERED' | 'COVERED' | 'CHANGED' | 'UNCHANGED';

/** Municipalities whose coverage the change alters in the same way. */
export interface EffectGroup {
  change: EffectChange;
  municipalities: Array<{ code: string; name: string }>;
  before: HoursCoverage;
  after: HoursCoverage;
  /** Gaps the change creates (in `after`, not in `before`). */
  newWeeklyGaps: WeeklyGapText[];
  newDatedGaps: DatedGap[];
  /** Dutch, empty when there are none: "op zondag van 02:00 tot 06:00". */
  newGapsText: string;
}

export interface ServiceEffect {
  dutyCode: string;
  period: { from: IsoDate; to: IsoDate };
  /** Municipalities the service covers on some day of the period. */
  municipalities: number;
  becomeUncovered: number;
  becomeCovered: number;
  /** Gaps change but the duty was and stays uncovered. */
  changed: number;
  unchanged: number;
  /** The changed groups first (uncovered, covered, changed), then the unchanged; each group by size. */
  groups: EffectGroup[];
}

/** The coverage the rules read, as the contracts' coverage reader loads it. */
export interface EffectCoverage {
  /** Contract id to its services' channels (by service id). */
  contracts: ReadonlyMap<string, { services: ReadonlyArray<{ id: string; channels: readonly ChannelAvailability[] }> }>;
  /** Municipality code to the contracts that cover it for the duty, by start. */
  ranges: ReadonlyMap<string, ReadonlyArray<{ contractId: string; from: IsoDate; to: IsoDate | null }>>;
  names: ReadonlyMap<string, string>;
}

export function serviceEffect(input: {
  serviceId: string;
  duty: { code: string; countingChannels: readonly string[]; continuousAvailability: boolean };
  period: { from: IsoDate; to: IsoDate };
  coverage: EffectCoverage;
  before: readonly DraftChannel[];
  after: readonly DraftChannel[];
}): ServiceEffect {
  const { serviceId, duty, period, coverage } = input;
  const availability = (channels: readonly DraftChannel[]): ChannelAvailability[] =>
    channels.map((channel) => ({
      kind: channel.kind,
      counts: duty.countingChannels.includes(channel.kind),
      schedule: channel.schedule,
      closures: channel.closures.map((c) => ({
        start: c.startsAt.getTime(),
        end: c.endsAt.getTime(),
        reason: c.reason,
      })),
    }));
  const judge = (channels: ChannelAvailability[]) => {
    const cache = new ScheduleCache();
    const contractChannels = new Map<string, ChannelAvailability[]>();
    const channelsOf = (contractId: string) => {
      let list = contractChannels.get(contractId);
      if (!list) {
        const contract = coverage.contracts.get(contractId);
        list = (contract?.services ?? []).flatMap((s) => (s.id === serviceId ? channels : s.channels));
        contractChannels.set(contractId, list);
      }
      return list;
    };
    return (ranges: ReadonlyArray<{ contractId: string; from: IsoDate; to: IsoDate | null }>): HoursCoverage => {
      const evaluation = evaluateObligation(
        {
          period,
          asOf: period.from,
          slices: ranges.map((range) => ({
            key: range.contractId,
            from: range.from,
            to: range.to,
            channels: channelsOf(range.contractId),
          })),
          continuousAvailability: duty.continuousAvailability,
          existsUntil: null,
        },
        cache,
      );
      return hoursCoverage(uniqueWeeklyGaps(evaluation.weeklyGaps), evaluation.datedGaps);
    };
  };
  const judgeBefore = judge(availability(input.before));
  const judgeAfter = judge(availability(input.after));
  const groups = new Map<string, EffectGroup>();
  let served = 0;
  for (const [code, ranges] of [...coverage.ranges.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const inPeriod = ranges.filter((r) => r.from <= period.to && (r.to === null || r.to >= period.from));
    const delivers = inPeriod.some((r) =>
      coverage.contracts.get(r.contractId)?.services.some((s) => s.id === serviceId),
    );
    if (!delivers) continue;
    served++;
    const before = judgeBefore(ranges);
    const after = judgeAfter(ranges);
    const key = JSON.stringify([before, after]);
    let group = groups.get(key);
    if (!group) {
      const newWeeklyGaps = after.weeklyGaps.filter(
        (gap) => !before.weeklyGaps.some((b) => b.weekday === gap.weekday && b.from === gap.from && b.to === gap.to),
      );
      const newDatedGaps = after.datedGaps.filter(
        (gap) => !before.datedGaps.some((b) => b.start === gap.start && b.end === gap.end),
      );
      group = {
        change: changeOf(before, after),
        municipalities: [],
        before,
        after,
        newWeeklyGaps,
        newDatedGaps,
        newGapsText: gapsText(newWeeklyGaps, newDatedGaps),
      };
      groups.set(key, group);
    }
    group.municipalities.push({ code, name: coverage.names.get(code) ?? code });
  }
  const ordered = [...groups.values()].sort(
    (a, b) => ORDER[a.change] - ORDER[b.change] || b.municipalities.length - a.municipalities.length,
  );
  const countOf = (change: EffectChange) =>
    ordered.filter((g) => g.change === change).reduce((sum, g) => sum + g.municipalities.length, 0);
  return {
    dutyCode: duty.code,
    period,
    municipalities: served,
    becomeUncovered: countOf('UNCOVERED'),
    becomeCovered: countOf('COVERED'),
    changed: countOf('CHANGED'),
    unchanged: countOf('UNCHANGED'),
    groups: ordered,
  };
}

const ORDER: Record<EffectChange, number> = { UNCOVERED: 0, COVERED: 1, CHANGED: 2, UNCHANGED: 3 };

function changeOf(before: HoursCoverage, after: HoursCoverage): EffectChange {
  if (before.covered && !after.covered) return 'UNCOVERED';
  if (!before.covered && after.covered) return 'COVERED';
  return JSON.stringify(before) === JSON.stringify(after) ? 'UNCHANGED' : 'CHANGED';
}

/** The weekly gaps of all segments of the period, each time once, by weekday and time. */
function uniqueWeeklyGaps(gaps: ReadonlyArray<WeeklyGapText>): WeeklyGapText[] {
  const seen = new Map<string, WeeklyGapText>();
  for (const { weekday, from, to, minutes } of gaps)
    seen.set(`${weekday} ${from} ${to}`, { weekday, from, to, minutes });
  return [...seen.values()].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
}

function hoursCoverage(weeklyGaps: WeeklyGapText[], datedGaps: DatedGap[]): HoursCoverage {
  const covered = weeklyGaps.length === 0 && datedGaps.length === 0;
  return {
    covered,
    weeklyGaps,
    datedGaps,
    summary: covered ? 'dag en nacht bereikbaar' : `niet bereikbaar ${gapsText(weeklyGaps, datedGaps)}`,
  };
}

/** "elke dag van 22:00 tot 08:00", "op zondag van 02:00 tot 06:00 en van 24 december 2026 18:00 tot ...". */
export function gapsText(weekly: readonly WeeklyGapText[], dated: readonly DatedGap[]): string {
  const byTime = new Map<string, { from: string; to: string; weekdays: Weekday[] }>();
  for (const gap of weekly) {
    const key = `${gap.from}-${gap.to}`;
    const entry = byTime.get(key) ?? { from: gap.from, to: gap.to, weekdays: [] };
    entry.weekdays.push(gap.weekday);
    byTime.set(key, entry);
  }
  const parts = [...byTime.values()].map(
    ({ from, to, weekdays }) =>
      `${weekdaysText(weekdays)} van ${from} tot ${to}${to <= from ? ' (de volgende dag)' : ''}`,
  );
  for (const gap of dated) parts.push(`van ${instantText(gap.start)} tot ${instantText(gap.end)}`);
  return joinDutch(parts);
}

/** "elke dag", "van maandag t/m vrijdag", "op zaterdag en zondag". */
export function weekdaysText(weekdays: readonly Weekday[]): string {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  if (days.length === 7) return 'elke dag';
  const run = days.length >= 3 && days.every((day, i) => i === 0 || day === days[i - 1] + 1);
  if (run) return `van ${WEEKDAYS[days[0]]} t/m ${WEEKDAYS[days[days.length - 1]]}`;
  return `op ${joinDutch(days.map((day) => WEEKDAYS[day]))}`;
}

/** 2026-12-24T18:00:00+01:00 -> "24 december 2026 18:00" (the Amsterdam wall time it carries). */
function instantText(iso: string): string {
  return `${dutchLongDate(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
}

export function joinDutch(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}

/** "dag en nacht", "maandag t/m vrijdag 09:00-17:00; zaterdag 10:00-14:00", "gesloten". */
export function scheduleText(schedule: readonly WeeklyInterval[]): string {
  if (schedule.length === 0) return 'gesloten';
  const perDay = new Map<number, string>();
  for (let day = 1; day <= 7; day++) {
    const hours = schedule
      .filter((i) => i.weekday === day)
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((i) => (i.from === '00:00' && i.to === '24:00' ? 'dag en nacht' : `${i.from}-${i.to}`));
    if (hours.length) perDay.set(day, hours.join(' en '));
  }
  const byHours = new Map<string, Weekday[]>();
  for (const [day, hours] of perDay) byHours.set(hours, [...(byHours.get(hours) ?? []), day as Weekday]);
  if (byHours.size === 1 && perDay.size === 7) return [...byHours.keys()][0];
  return [...byHours.entries()]
    .map(([hours, days]) => `${weekdaysText(days).replace(/^(van|op) /, '')} ${hours}`)
    .join('; ');
}

/** The changes as Dutch lines: "Chat: 08:00-22:00 (was: dag en nacht)". */
export function changeLines(before: readonly DraftChannel[], after: readonly DraftChannel[]): string[] {
  const lines: string[] = [];
  for (const channel of after) {
    const name = CHANNEL_NAMES[channel.kind] ?? channel.kind;
    const old = before.find((c) => c.kind === channel.kind);
    if (!old) {
      lines.push(`${name}: nieuw kanaal, ${scheduleText(channel.schedule)}`);
      continue;
    }
    if (scheduleText(old.schedule) !== scheduleText(channel.schedule))
      lines.push(`${name}: ${scheduleText(channel.schedule)} (was: ${scheduleText(old.schedule)})`);
    if ((old.contact ?? '') !== (channel.contact ?? ''))
      lines.push(`${name}: contact ${channel.contact ?? 'geen'} (was: ${old.contact ?? 'geen'})`);
    for (const closure of channel.closures.filter((c) => !old.closures.some((o) => sameClosure(o, c))))
      lines.push(
        `${name}: ${closure.id ? 'sluiting ingekort' : 'gesloten'} van ${closureText(closure)} (${closure.reason})`,
      );
    for (const closure of old.closures.filter(
      (o) => !channel.closures.some((c) => sameClosure(o, c) || (o.id !== null && c.id === o.id)),
    ))
      lines.push(`${name}: sluiting van ${closureText(closure)} vervalt (${closure.reason})`);
  }
  return lines;
}

const sameClosure = (
  a: { id: string | null; startsAt: Date; endsAt: Date },
  b: { id: string | null; startsAt: Date; endsAt: Date },
) => a.id === b.id && a.startsAt.getTime() === b.startsAt.getTime() && a.endsAt.getTime() === b.endsAt.getTime();

function closureText(closure: { startsAt: Date; endsAt: Date }): string {
  const local = (date: Date) => {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(date);
    const get = (type: string) => parts.find((p) => p.type === type)!.value;
    return `${dutchLongDate(`${get('year')}-${get('month')}-${get('day')}`)} ${get('hour')}:${get('minute')}`;
  };
  return `${local(closure.startsAt)} tot ${local(closure.endsAt)}`;
}
