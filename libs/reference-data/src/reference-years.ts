import { todayInAmsterdam, yearOf } from '@wmo/domain';

/** The bundled CBS layout and population begin on 1 January 2014. */
export const FIRST_DATA_YEAR = 2014;

/** Lists may look one year ahead (next year's invoices); later years are not knowable. */
export function lastSupportedYear(): number {
  return yearOf(todayInAmsterdam()) + 1;
}
