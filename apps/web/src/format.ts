/**
 * Dutch formatting of what the API returns (amounts in cents, dates ISO). One date style:
 * `date()` "31-01-2027" in tables, `dateLong()` "31 januari 2027" in running text. A figure that is
 * unknown (null, undefined) is UNKNOWN ("-"), never 0. Counted nouns: `plural(n, 'deelname', 'deelnames')`.
 */

/** What every formatter shows for a value that is not known. */
export const UNKNOWN = '-';

const euroFormat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const numberFormat = new Intl.NumberFormat('nl-NL');
const dateLongFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/** "€ 1.234,56" from cents (exact: no binary fractions of a cent). */
export function euroCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return UNKNOWN;
  return euroFormat.format(cents / 100);
}

/** "1.234" (a number as Dutch digits), or "-" when unknown. */
export function count(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) return UNKNOWN;
  return numberFormat.format(Number(value));
}

/** "1 deelname", "2 deelnames", "1.234 deelnames" (0 takes the plural: "0 deelnames"); "-" when unknown. */
export function plural(n: number | null | undefined, one: string, many: string): string {
  if (n === null || n === undefined || Number.isNaN(n)) return UNKNOWN;
  return `${numberFormat.format(n)} ${n === 1 ? one : many}`;
}

/** The calendar day of a date ("2025-01-01") or of a timestamp (its day in the Netherlands), as YYYY-MM-DD. */
function dayOf(iso: string): string {
  return iso.length <= 10 ? iso : dayFormat.format(new Date(iso));
}

/** "01-01-2025" (dd-mm-jjjj, for tables) from "2025-01-01" or a timestamp; "-" when unknown. */
export function date(iso: string | null | undefined): string {
  if (!iso) return UNKNOWN;
  const [year, month, day] = dayOf(iso).split('-');
  return `${day}-${month}-${year}`;
}

/** "1 januari 2025" (for running text) from "2025-01-01" or a timestamp; "-" when unknown. */
export function dateLong(iso: string | null | undefined): string {
  if (!iso) return UNKNOWN;
  return dateLongFormat.format(new Date(`${dayOf(iso)}T00:00:00Z`));
}

/** "23 november 2026 om 14:05" from an ISO timestamp, in Dutch time. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return UNKNOWN;
  return dateTimeFormat.format(new Date(iso));
}

export const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];

/** The API's ISO weekday (1 = Monday ... 7 = Sunday) in Dutch. */
export function weekday(value: number): string {
  return WEEKDAYS[value - 1] ?? String(value);
}

/** Channel kinds of the API in Dutch. */
export const CHANNEL_LABELS: Record<string, string> = {
  PHONE: 'Telefoon',
  CHAT: 'Chat',
  EMAIL: 'E-mail',
  WEBSITE: 'Website',
  SMS: 'Sms',
  VIDEO: 'Videobellen',
  WHATSAPP: 'WhatsApp',
};

export function channelLabel(kind: string): string {
  return CHANNEL_LABELS[kind] ?? kind.charAt(0) + kind.slice(1).toLowerCase();
}

/** Today in the Netherlands, as YYYY-MM-DD (the API judges dates in Europe/Amsterdam). */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

export function currentYear(): number {
  return Number(today().slice(0, 4));
}

/** Years to choose from: from `from` (the duty exists from 2015) up to the current year (plus `ahead`), newest first. */
export function yearOptions(ahead = 0, from = 2015): number[] {
  const years: number[] = [];
  for (let year = currentYear() + ahead; year >= from; year--) years.push(year);
  return years;
}
