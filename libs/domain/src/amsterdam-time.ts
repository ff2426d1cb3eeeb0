import { IsoDate } from './calendar-date';
import { Weekday } from './weekly-schedule';

/**
 * Wall-clock time in the Netherlands (Europe/Amsterdam), where schedules are kept. Offsets there
 * are whole hours (+01:00 in winter, +02:00 in summer), so the offset is looked up once per UTC
 * hour and kept.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const offsetCache = new Map<number, number>();
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Minutes to add to UTC to get Amsterdam time, at this instant. */
export function amsterdamOffsetMinutes(instantMs: number): number {
  const hour = Math.floor(instantMs / MS_PER_HOUR);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    const p = Object.fromEntries(parts.formatToParts(new Date(hour * MS_PER_HOUR)).map((x) => [x.type, x.value]));
    const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    offset = Math.round((wall - hour * MS_PER_HOUR) / MS_PER_MINUTE);
    offsetCache.set(hour, offset);
  }
  return offset;
}

export interface LocalTime {
  date: IsoDate;
  weekday: Weekday;
  /** Minute of the day, 0-1439. */
  minute: number;
}

/** The Amsterdam wall-clock date, weekday and minute of an instant. */
export function toAmsterdam(instantMs: number): LocalTime {
  const wall = instantMs + amsterdamOffsetMinutes(instantMs) * MS_PER_MINUTE;
  const day = new Date(wall);
  const minute = day.getUTCHours() * 60 + day.getUTCMinutes();
  return { date: day.toISOString().slice(0, 10), weekday: (((day.getUTCDay() + 6) % 7) + 1) as Weekday, minute };
}

/** The instant at which Amsterdam clocks show `date` `minute` (in the repeated autumn hour, the second time). */
export function fromAmsterdam(date: IsoDate, minute: number): number {
  const wall =
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) +
    minute * MS_PER_MINUTE;
  // The offset at the guessed instant, then at the corrected one (they differ only around a change).
  const first = wall - amsterdamOffsetMinutes(wall - 60 * MS_PER_MINUTE) * MS_PER_MINUTE;
  return wall - amsterdamOffsetMinutes(first) * MS_PER_MINUTE;
}

/** An instant as ISO 8601 with the Amsterdam offset: 2025-03-30T01:00:00+01:00. */
export function formatAmsterdam(instantMs: number): string {
  const offset = amsterdamOffsetMinutes(instantMs);
  const wall = new Date(instantMs + offset * MS_PER_MINUTE).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: IsoDate): Weekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}
