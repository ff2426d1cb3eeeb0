import { parse } from 'csv-parse/sync';

/** RFC 4180 CSV (CRLF line ends, fields with a comma, quote or line break quoted), as spreadsheets and finance systems read it. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const field = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

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
