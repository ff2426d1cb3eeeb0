import { parse } from 'csv-parse/sync';
import { RequestValidationError } from './domain-error';
import { forbiddenCharacterAt } from './request-input';

/** A record of an uploaded CSV file with the line it starts on (1-based, as an editor shows it). */
export interface CsvRecord {
  line: number;
  values: string[];
}

/**
 * Reads an uploaded CSV file liberally (a byte-order mark, empty lines, spaces around values, rows
 * of different lengths); the caller checks each row. A file that is no CSV at all gives the line
 * where reading failed and why.
 */
export function readCsvRecords(
  text: string,
  delimiter = ',',
): { records: CsvRecord[] } | { problem: { line: number; message: string } } {
  try {
    const parsed = parse(text, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return { records: parsed.map(({ record, info }) => ({ line: info.lines, values: record })) };
  } catch (error) {
    return {
      problem: {
        line: (error as { lines?: number }).lines ?? 1,
        message: `not a readable CSV file: ${(error as Error).message}`,
      },
    };
  }
}

/**
 * The text of an uploaded file: UTF-8 (with or without a byte-order mark), or, when the bytes are
 * not valid UTF-8, Windows-1252, in which older exports and Excel on Windows write ("Fryslân" is
 * then the byte E2 for â, never valid UTF-8 on its own).
 */
export function decodeUpload(file: Buffer | string): string {
  const text = typeof file === 'string' ? file : decodeBytes(file);
  // As in every other string a request carries: PostgreSQL refuses NUL, and no field needs a control character.
  const at = forbiddenCharacterAt(text);
  if (at >= 0) {
    const line = text.slice(0, at).split('\n').length;
    throw new RequestValidationError([
      { field: 'body', message: `line ${line} of the file contains a control character (such as NUL)` },
    ]);
  }
  return text;
}

function decodeBytes(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    return new TextDecoder('windows-1252').decode(file);
  }
}

/** At most this many problems of a file are reported, then how many more there are. */
export const MAX_REPORTED_PROBLEMS = 200;

/** The first MAX_REPORTED_PROBLEMS problems by line, then one saying how many more there are. */
export function reportedProblems<P extends { line: number; message: string }>(
  problems: readonly P[],
): Array<P | { line: number; message: string }> {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  if (sorted.length <= MAX_REPORTED_PROBLEMS) return sorted;
  const more = sorted.length - MAX_REPORTED_PROBLEMS;
  return [
    ...sorted.slice(0, MAX_REPORTED_PROBLEMS),
    { line: sorted[MAX_REPORTED_PROBLEMS].line, message: `and ${more} more problem${more === 1 ? '' : 's'}` },
  ];
}
