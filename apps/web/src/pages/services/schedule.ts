/**
 * Weekly hours as people read and type them: "08:00-22:00", "08:00-12:00, 13:00-17:00", "Dag en
 * nacht", empty for closed. Local time in the Netherlands, as the API stores them.
 */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export interface Interval {
  weekday: Weekday;
  from: string;
  to: string;
}

export const WEEKDAY_NUMBERS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
export const DAY_NAMES = ['', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const DAY_AND_NIGHT = 'Dag en nacht';

/** One day's hours as text: "Dag en nacht", "08:00-22:00", "08:00-12:00, 13:00-17:00", "Gesloten". */
export function dayText(schedule: readonly Interval[], weekday: number): string {
  const hours = schedule.filter((i) => i.weekday === weekday).sort((a, b) => a.from.localeCompare(b.from));
  if (hours.length === 0) return 'Gesloten';
  if (hours.length === 1 && hours[0].from === '00:00' && hours[0].to === '24:00') return DAY_AND_NIGHT;
  return hours.map((i) => `${i.from}-${i.to}`).join(', ');
}

/** The text a day's field starts with: as `dayText`, but empty for closed. */
export function dayInput(schedule: readonly Interval[], weekday: number): string {
  const text = dayText(schedule, weekday);
  return text === 'Gesloten' ? '' : text;
}

/** Whether every day has the same hours. */
export function sameEveryDay(schedule: readonly Interval[]): boolean {
  return WEEKDAY_NUMBERS.every((day) => dayText(schedule, day) === dayText(schedule, 1));
}

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$|^24[:.]00$/;
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const normal = (time: string) => {
  const [h, m] = time.split(/[:.]/);
  return `${h.padStart(2, '0')}:${m}`;
};

/** The intervals typed for one day, or a Dutch message saying what is wrong. */
export function parseDay(text: string, weekday: Weekday): { intervals: Interval[] } | { error: string } {
  const value = text.trim();
  if (value === '' || /^gesloten$/i.test(value)) return { intervals: [] };
  if (/^dag en nacht$|^24\/7$/i.test(value)) return { intervals: [{ weekday, from: '00:00', to: '24:00' }] };
  const intervals: Interval[] = [];
  for (const part of value.split(/[,;]| en /)) {
    const match = /^\s*(\S+)\s*[-–]\s*(\S+)\s*$/.exec(part);
    if (!match || !TIME.test(match[1]) || !TIME.test(match[2]) || /^24/.test(match[1]))
      return {
        error: 'Vul tijden in als 08:00-22:00 (van 00:00 tot en met 24:00), of laat het veld leeg voor gesloten.',
      };
    const from = normal(match[1]);
    const to = normal(match[2]);
    if (minutes(to) <= minutes(from))
      return {
        error: `De eindtijd (${to}) moet na de begintijd (${from}) liggen. Open tot na middernacht? Vul dan tot 24:00 in en begin de volgende dag om 00:00.`,
      };
    intervals.push({ weekday, from, to });
  }
  intervals.sort((a, b) => a.from.localeCompare(b.from));
  for (let i = 1; i < intervals.length; i++)
    if (minutes(intervals[i].from) < minutes(intervals[i - 1].to))
      return {
        error: `De tijden ${intervals[i - 1].from}-${intervals[i - 1].to} en ${intervals[i].from}-${intervals[i].to} overlappen.`,
      };
  return { intervals };
}

/** "+01:00" or "+02:00": the Dutch offset from UTC on that day and time. */
export function amsterdamOffset(day: string, time: string): string {
  const probe = new Date(`${day}T${time}:00Z`);
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' })
      .formatToParts(probe)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  return name.replace('GMT', '') || '+00:00';
}

/** "24-12-2026 18:00" (tables) from an ISO instant, in Dutch time. */
export function dateTimeShort(iso: string): string {
  const parts = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}-${get('month')}-${get('year')} ${get('hour')}:${get('minute')}`;
}

const CHANNEL_ORDER = ['PHONE', 'CHAT', 'EMAIL', 'VIDEO', 'SMS'];

/** Channels as people list them: telephone, chat, e-mail, video, sms. */
export function byChannelOrder<T extends { kind: string }>(channels: readonly T[]): T[] {
  return [...channels].sort((a, b) => CHANNEL_ORDER.indexOf(a.kind) - CHANNEL_ORDER.indexOf(b.kind));
}
