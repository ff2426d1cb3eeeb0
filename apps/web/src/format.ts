/** Dutch formatting of what the API returns (amounts in cents, dates ISO). */

const euroFormat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const numberFormat = new Intl.NumberFormat('nl-NL');
const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
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
  if (cents === null || cents === undefined) return '–';
  return euroFormat.format(cents / 100);
}

export function count(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  return numberFormat.format(Number(value));
}

/** "1 januari 2025" from "2025-01-01". */
export function date(iso: string | null | undefined): string {
  if (!iso) return '–';
  return dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** "23 november 2026 om 14:05" from an ISO timestamp, in Dutch time. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
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
