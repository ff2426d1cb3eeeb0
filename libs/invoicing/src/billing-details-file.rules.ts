import { isEmail } from 'class-validator';
import { readCsvRecords } from '@wmo/common';
import type { CustomerBilling } from './invoicing.rules';

/** A problem of a bulk file: its line, the column it is in (when it is in one), and what is wrong. */
export interface BillingFileProblem {
  line: number;
  field?: string;
  message: string;
}

/** One municipality's billing details as a bulk file sets them (null: the cell was empty). */
export interface BillingFileRow extends CustomerBilling {
  line: number;
  code: string;
  /** With the optional columns: a purchase-order number for a contract and year. */
  purchaseOrder: { contractReference: string; year: number; number: string } | null;
}

/** Rows read at once: every municipality, with purchase orders for several contracts. */
const MAX_ROWS = 5000;

export const BILLING_FILE_COLUMNS = ['code', 'oin', 'kvkNumber', 'street', 'postalCode', 'city', 'invoiceEmail'];
export const PURCHASE_ORDER_COLUMNS = ['contractReference', 'year', 'purchaseOrderNumber'];

/**
 * The RSIN's eleven test (as for a BSN): 9×d1 + 8×d2 + … + 2×d8 − d9 is a multiple of 11, and the
 * number is not all zeros.
 */
export function passesElevenTest(nineDigits: string): boolean {
  if (!/^\d{9}$/.test(nineDigits) || /^0+$/.test(nineDigits)) return false;
  const digits = [...nineDigits].map(Number);
  const sum = digits.slice(0, 8).reduce((total, digit, i) => total + digit * (9 - i), 0) - digits[8];
  return sum % 11 === 0;
}

/**
 * What is wrong with an OIN, or null: 20 digits; an OIN of the form `00000001` + RSIN + `000`
 * (how municipalities' OINs are made) must carry an RSIN that passes the eleven test.
 */
export function oinProblem(oin: string): string | null {
  if (!/^\d{20}$/.test(oin)) return 'an OIN is 20 digits';
  if (oin.startsWith('00000001') && oin.endsWith('000') && !passesElevenTest(oin.slice(8, 17)))
    return `the RSIN in this OIN (${oin.slice(8, 17)}) fails the eleven test: a digit is wrong`;
  return null;
}

/** A Dutch postal code, normalised to `1234 AB`; null when it is none (1000-9999, two letters, not SA, SD or SS). */
export function normalisePostalCode(text: string): string | null {
  const match = /^\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*$/.exec(text);
  if (!match) return null;
  const letters = match[2].toUpperCase();
  return ['SA', 'SD', 'SS'].includes(letters) ? null : `${match[1]} ${letters}`;
}

/**
 * Reads a bulk billing-details file: the header `code,oin,kvkNumber,street,postalCode,city,invoiceEmail`,
 * optionally followed by `contractReference,year,purchaseOrderNumber`; empty cells are allowed (no
 * value). Every problem of every row is collected with its line and column; the caller writes
 * nothing unless there is none. Which municipalities exist, and may be set by the caller, is
 * checked by the caller.
 */
export function readBillingFile(text: string): { rows: BillingFileRow[]; problems: BillingFileProblem[] } {
  const read = readCsvRecords(text);
  if ('problem' in read) return { rows: [], problems: [read.problem] };
  const [header, ...data] = read.records;
  if (!header) return { rows: [], problems: [{ line: 1, message: 'the file is empty' }] };
  const names = header.values;
  const withOrders = names.length === BILLING_FILE_COLUMNS.length + PURCHASE_ORDER_COLUMNS.length;
  const expected = withOrders ? [...BILLING_FILE_COLUMNS, ...PURCHASE_ORDER_COLUMNS] : BILLING_FILE_COLUMNS;
  if (names.join(',') !== expected.join(','))
    return {
      rows: [],
      problems: [
        {
          line: header.line,
          message: `the first line must be the header "${BILLING_FILE_COLUMNS.join(',')}", optionally followed by ",${PURCHASE_ORDER_COLUMNS.join(',')}"`,
        },
      ],
    };
  if (data.length > MAX_ROWS)
    return {
      rows: [],
      problems: [
        { line: header.line, message: `the file has ${data.length} rows; at most ${MAX_ROWS} are read at once` },
      ],
    };
  if (data.length === 0)
    return { rows: [], problems: [{ line: header.line, message: 'the file has no rows after the header' }] };

  const rows: BillingFileRow[] = [];
  const problems: BillingFileProblem[] = [];
  const seen = new Map<string, number>();
  for (const { values: record, line } of data) {
    if (record.length !== expected.length) {
      problems.push({ line, message: `expected ${expected.length} values, found ${record.length}` });
      continue;
    }
    const cell = (name: string) => record[expected.indexOf(name)] || null;
    const before = problems.length;
    const problem = (field: string, message: string) => problems.push({ line, field, message });
    const code = cell('code') ?? '';
    if (!/^GM\d{4}$/.test(code)) problem('code', `"${code}" is not a CBS municipality code (GM and four digits)`);
    const oin = cell('oin');
    const oinError = oin === null ? null : oinProblem(oin);
    if (oinError) problem('oin', oinError);
    const kvkNumber = cell('kvkNumber');
    if (kvkNumber !== null && !/^\d{8}$/.test(kvkNumber)) problem('kvkNumber', 'a KvK number is 8 digits');
    const postalText = cell('postalCode');
    const postalCode = postalText === null ? null : normalisePostalCode(postalText);
    if (postalText !== null && postalCode === null)
      problem('postalCode', `"${postalText}" is not a Dutch postal code such as 9401 JW`);
    const street = cell('street');
    if (street !== null && (street.length < 2 || street.length > 200))
      problem('street', 'a street is 2 to 200 characters');
    const city = cell('city');
    if (city !== null && (city.length < 2 || city.length > 100)) problem('city', 'a city is 2 to 100 characters');
    const address = [street, postalCode ?? postalText, city];
    if (address.some((part) => part !== null) && address.some((part) => part === null))
      problem('street', 'an address needs street, postal code and city together (or none of them)');
    const invoiceEmail = cell('invoiceEmail');
    if (invoiceEmail !== null && (invoiceEmail.length > 254 || !isEmail(invoiceEmail)))
      problem('invoiceEmail', `"${invoiceEmail}" is not an e-mail address`);
    let purchaseOrder: BillingFileRow['purchaseOrder'] = null;
    if (withOrders) {
      const [reference, yearText, number] = PURCHASE_ORDER_COLUMNS.map(cell);
      if (reference !== null || yearText !== null || number !== null) {
        if (reference === null || yearText === null || number === null)
          problem(
            'contractReference',
            'a purchase order needs contractReference, year and purchaseOrderNumber together',
          );
        else if (!/^\d{4}$/.test(yearText) || Number(yearText) < 2015 || Number(yearText) > 2100)
          problem('year', `"${yearText}" is not a year from 2015 to 2100`);
        else if (number.length > 50) problem('purchaseOrderNumber', 'a purchase-order number is at most 50 characters');
        else purchaseOrder = { contractReference: reference, year: Number(yearText), number };
      }
    }
    // One row per municipality; with purchase orders, one per municipality, contract and year.
    const key = purchaseOrder ? `${code}/${purchaseOrder.contractReference}/${purchaseOrder.year}` : code;
    const first = seen.get(key);
    if (first !== undefined) problem('code', `${code} is already on line ${first}`);
    else seen.set(key, line);
    if (problems.length === before)
      rows.push({ line, code, oin, kvkNumber, street, postalCode, city, invoiceEmail, purchaseOrder });
  }
  return { rows, problems };
}
