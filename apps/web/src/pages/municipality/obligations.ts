/** GET /municipalities/{code}/obligations (types generated from the API) and its Dutch wording. */
import type { components } from '../../api/schema';
import { weekday } from '../../format';

export type Obligations = components['schemas']['ObligationsDto'];
export type DutyObligation = components['schemas']['DutyObligationDto'];
export type ObligationStatus = Obligations['status'];
export type Coverage = DutyObligation['coverage'][number];
export type CoverageChannel = Coverage['services'][number]['channels'][number];
export type WeeklyInterval = CoverageChannel['schedule'][number];

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** "09:00 tot 22:00"; "00:00 tot 24:00" as "de hele dag". */
function span(from: string, to: string): string {
  if (from === '00:00' && (to === '24:00' || to === '00:00')) return 'de hele dag';
  return `van ${from} tot ${to}${minutesOf(to) <= minutesOf(from) && to !== '24:00' ? ' (de volgende dag)' : ''}`;
}

/** "maandag, dinsdag en woensdag"; a run of 3+ days as "maandag t/m vrijdag". */
function dayList(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return 'elke dag';
  const runs: number[][] = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === day - 1) last.push(day);
    else runs.push([day]);
  }
  const parts = runs.flatMap((run) =>
    run.length >= 3 ? [`${weekday(run[0])} t/m ${weekday(run[run.length - 1])}`] : run.map((day) => weekday(day)),
  );
  const text = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
  return `op ${text}`;
}

/** A weekly schedule in words: "dag en nacht, elke dag (24/7)", "elke dag van 09:00 tot 22:00", or per group of days. */
export function scheduleText(schedule: WeeklyInterval[]): string {
  if (schedule.length === 0) return 'geen vaste openingstijden';
  const allDay = new Set(
    schedule
      .filter((interval) => interval.from === '00:00' && interval.to === '24:00')
      .map((interval) => interval.weekday),
  );
  if (allDay.size === 7) return 'dag en nacht, elke dag (24 uur per dag, 7 dagen per week)';
  const groups = new Map<string, number[]>();
  for (const interval of schedule) {
    const key = `${interval.from}-${interval.to}`;
    groups.set(key, [...(groups.get(key) ?? []), interval.weekday]);
  }
  return [...groups.entries()]
    .map(([key, days]) => {
      const [from, to] = key.split('-');
      return `${dayList(days)} ${span(from, to)}`;
    })
    .join('; ');
}

/** Weekly gaps in words, grouped by time: "elke dag van 22:00 tot 09:00". */
export function weeklyGapTexts(
  gaps: DutyObligation['gaps']['weekly'],
  period: { from: string; to: string },
): Array<{ text: string; from: string; to: string; whole: boolean }> {
  const groups = new Map<string, { days: number[]; from: string; to: string; validFrom: string; validTo: string }>();
  for (const gap of gaps) {
    const key = `${gap.from}|${gap.to}|${gap.validFrom}|${gap.validTo}`;
    const group = groups.get(key) ?? {
      days: [],
      from: gap.from,
      to: gap.to,
      validFrom: gap.validFrom,
      validTo: gap.validTo,
    };
    group.days.push(gap.weekday);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({
    text: `${dayList(group.days)} ${span(group.from, group.to)}`,
    from: group.validFrom,
    to: group.validTo,
    whole: group.validFrom <= period.from && group.validTo >= period.to,
  }));
}

/** Days between two ISO dates, inclusive. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
