import type { Cents, IsoDate } from '@wmo/domain';

/** A line's two texts: what is charged, and how the amount follows (empty when the line has none). */
export interface LineText {
  description: string;
  calculation: string;
}

/** A charged line as a run computes it and a document carries it: what, for whom, and how the amount follows. */
export interface ChargedLine extends LineText {
  municipalityCode: string | null;
  inhabitants: number;
  perInhabitant: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  days: number;
  daysInYear: number;
  amountCents: Cents;
  approximationNote: string | null;
}

/** How lines issued before `invoice_line.calculation` existed joined the two texts in `description`. */
const PACKED_SEPARATOR = ' | ';

/**
 * The one way to read a stored line's texts, whichever form it was issued in. Lines issued since
 * `invoice_line.calculation` exists keep the two apart. Older lines (calculation null) packed
 * them into `description` as `description | calculation`; issued rows are never updated, so they
 * are read here exactly as every reader read them then: the text before the first ' | ', and the
 * text after it up to a next ' | ' if there is one (or '' without any), so that their PDF, UBL and
 * API answer stay byte for byte what they were.
 */
export function lineText(line: { description: string; calculation: string | null }): LineText {
  if (line.calculation !== null) return { description: line.description, calculation: line.calculation };
  const [description, calculation = ''] = line.description.split(PACKED_SEPARATOR);
  return { description, calculation };
}
