import { PassThrough } from 'node:stream';
import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { stream as excelStream } from 'exceljs';
import type { FastifyReply } from 'fastify';
import { centsToDecimal } from '@wmo/domain';

/**
 * One writer for every export people open in a spreadsheet: a list of columns (a Dutch header and
 * the kind of value) turned into a CSV that Dutch Excel opens as it is (byte-order mark, `;`,
 * decimal commas, dd-mm-jjjj dates) or into an .xlsx with typed cells. Callers give Dutch labels,
 * never codes: the files are read by finance teams and officers, not by programs.
 */

/**
 * text: a string; integer: a whole number; money: cents (shown in euros); date: `YYYY-MM-DD`;
 * percentage: a fraction (0.125 is 12,5%). null is an empty cell: unknown, never 0.
 */
export type ColumnKind = 'text' | 'integer' | 'money' | 'date' | 'percentage';

export interface SheetColumn<R> {
  header: string;
  kind: ColumnKind;
  value: (row: R) => string | number | null;
}

export interface Spreadsheet<R> {
  /** The worksheet's name in the .xlsx (at most 31 characters, none of `[]:*?/\`). */
  sheetName: string;
  columns: ReadonlyArray<SheetColumn<R>>;
  rows: readonly R[];
}

/** Columns by kind, so that a money column cannot be given a text. */
export const column = {
  text: <R>(header: string, value: (row: R) => string | null): SheetColumn<R> => ({ header, kind: 'text', value }),
  integer: <R>(header: string, value: (row: R) => number | null): SheetColumn<R> => ({
    header,
    kind: 'integer',
    value,
  }),
  money: <R>(header: string, cents: (row: R) => number | null): SheetColumn<R> => ({
    header,
    kind: 'money',
    value: cents,
  }),
  date: <R>(header: string, isoDate: (row: R) => string | null): SheetColumn<R> => ({
    header,
    kind: 'date',
    value: isoDate,
  }),
  percentage: <R>(header: string, fraction: (row: R) => number | null): SheetColumn<R> => ({
    header,
    kind: 'percentage',
    value: fraction,
  }),
};

export type SpreadsheetFormat = 'csv' | 'xlsx';

export const SPREADSHEET_CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The euro format of money cells: Excel shows it with the reader's separators ("€ 1.234,56" in Dutch). */
export const EURO_FORMAT = '"€ "#,##0.00;"€ "-#,##0.00';
const DATE_FORMAT = 'dd-mm-yyyy';
const PERCENT_FORMAT = '0.0%';
const INTEGER_FORMAT = '#,##0';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** `1234,56`: a decimal comma and no thousands separator, so that Dutch Excel reads a number. */
function dutchDecimal(cents: number): string {
  return centsToDecimal(cents).replace('.', ',');
}

/** `2025-12-31` as `31-12-2025`. */
function dutchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}-${month}-${year}`;
}

/** `0.125` as `12,5%` (at most two decimals). */
function dutchPercentage(fraction: number): string {
  return `${String(Math.round(fraction * 10_000) / 100).replace('.', ',')}%`;
}

/**
 * A text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, a tab or carriage return
 * first) with a leading apostrophe, as OWASP advises against CSV injection. Only text columns:
 * a negative amount stays a number.
 */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A cell as the CSV writes it, before quoting. */
function csvCell(kind: ColumnKind, value: string | number | null): string {
  if (value === null) return '';
  switch (kind) {
    case 'text':
      return neutralised(String(value));
    case 'integer':
      return String(value);
    case 'money':
      return dutchDecimal(Number(value));
    case 'date':
      return dutchDate(String(value));
    case 'percentage':
      return dutchPercentage(Number(value));
  }
}

function quoted(field: string): string {
  return /[";\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** The CSV Dutch Excel opens by double-click: UTF-8 with a byte-order mark, `;` between fields, CRLF line ends. */
export function toExcelCsv<R>(sheet: Spreadsheet<R>): Buffer {
  const lines = [
    sheet.columns.map((c) => quoted(neutralised(c.header))).join(';'),
    ...sheet.rows.map((row) => sheet.columns.map((c) => quoted(csvCell(c.kind, c.value(row)))).join(';')),
  ];
  return Buffer.concat([BOM, Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

/** The typed value of an .xlsx cell: euros and fractions as numbers, dates as dates (midnight UTC, as Excel dates have no time zone). */
function xlsxCell(kind: ColumnKind, value: string | number | null): string | number | Date | null {
  if (value === null) return null;
  switch (kind) {
    case 'text':
      return String(value);
    case 'integer':
    case 'percentage':
      return Number(value);
    case 'money':
      // An integer divided by 100 is the double nearest the amount, as when "1234.56" is parsed.
      return Number(value) / 100;
    case 'date': {
      const [year, month, day] = String(value).split('-').map(Number);
      return new Date(Date.UTC(year, month - 1, day));
    }
  }
}

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: INTEGER_FORMAT,
  money: EURO_FORMAT,
  date: DATE_FORMAT,
  percentage: PERCENT_FORMAT,
};

/** A width (in characters) that fits the header and the longest value, within reason. */
function width<R>(spec: SheetColumn<R>, rows: readonly R[]): number {
  let longest = spec.header.length;
  for (const row of rows) {
    const value = spec.value(row);
    if (value === null) continue;
    // The display is a little longer than the CSV text: "€ " and thousands separators.
    const shown =
      spec.kind === 'text'
        ? String(value).length
        : csvCell(spec.kind, value).length + (spec.kind === 'money' ? 4 : spec.kind === 'integer' ? 2 : 0);
    if (shown > longest) longest = shown;
  }
  return Math.min(Math.max(longest + 2, 8), 60);
}

/** A sheet name Excel accepts: without `[]:*?/\` and at most 31 characters. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Blad1';
}

/**
 * An .xlsx workbook, written by exceljs' streaming writer (rows are flushed as they are added):
 * numbers and dates as typed cells with a Dutch-readable format, a bold frozen header row with an
 * autofilter, and columns wide enough for their contents.
 */
export async function toXlsx<R>(sheet: Spreadsheet<R>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Wmo luisterend oor';
  const columnCount = sheet.columns.length;
  const worksheet = workbook.addWorksheet(sheetName(sheet.sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  worksheet.columns = sheet.columns.map((spec) => ({
    header: spec.header,
    width: width(spec, sheet.rows),
    style: NUMBER_FORMATS[spec.kind] ? { numFmt: NUMBER_FORMATS[spec.kind] } : {},
  }));
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(columnCount, 1) } };
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const row of sheet.rows) {
    worksheet.addRow(sheet.columns.map((spec) => xlsxCell(spec.kind, spec.value(row)))).commit();
  }
  worksheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** The file in the asked format. */
export function spreadsheetFile<R>(sheet: Spreadsheet<R>, format: SpreadsheetFormat): Promise<Buffer> {
  return format === 'csv' ? Promise.resolve(toExcelCsv(sheet)) : toXlsx(sheet);
}

/**
 * Answers with the file: its content type and a download under `fileName` plus the extension
 * (ASCII, Dutch: `facturen-2025`).
 */
export async function sendSpreadsheet<R>(
  reply: FastifyReply,
  format: SpreadsheetFormat,
  fileName: string,
  sheet: Spreadsheet<R>,
): Promise<Buffer> {
  const file = await spreadsheetFile(sheet, format);
  void reply.header('Content-Type', SPREADSHEET_CONTENT_TYPES[format]);
  void reply.header('Content-Disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '-')}.${format}"`);
  return file;
}

/** OpenAPI for an export route: its content type and what the file holds. */
export function ApiSpreadsheet(format: SpreadsheetFormat, description: string): MethodDecorator {
  const type = SPREADSHEET_CONTENT_TYPES[format].split(';')[0];
  return applyDecorators(
    ApiProduces(type),
    ApiOkResponse({
      description:
        format === 'csv'
          ? `${description} CSV for Dutch Excel: UTF-8 with a byte-order mark, ";" between fields, decimal commas, dates dd-mm-jjjj, Dutch headers and labels.`
          : `${description} An Excel workbook (.xlsx): amounts as numbers in euros, dates as dates, a frozen header row with a filter.`,
      content: { [type]: { schema: { type: 'string', format: 'binary' } } },
    }),
  );
}
