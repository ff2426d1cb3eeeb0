import { Workbook } from 'exceljs';
import { column, EURO_FORMAT, Spreadsheet, toExcelCsv, toXlsx } from './spreadsheet';

interface Row {
  name: string;
  province: string;
  inhabitants: number | null;
  costCents: number | null;
  coveredUntil: string | null;
  share: number | null;
}

const sheet: Spreadsheet<Row> = {
  sheetName: 'Naleving 2025',
  columns: [
    column.text('Gemeente', (r) => r.name),
    column.text('Provincie', (r) => r.province),
    column.integer('Inwoners', (r) => r.inhabitants),
    column.money('Kosten (incl. btw)', (r) => r.costCents),
    column.date('Gedekt tot en met', (r) => r.coveredUntil),
    column.percentage('Aandeel', (r) => r.share),
  ],
  rows: [
    {
      name: 'Leeuwarden',
      province: 'Fryslân',
      inhabitants: 125_592,
      costCents: 3_139_800,
      coveredUntil: '2025-12-31',
      share: 0.125,
    },
    { name: 'Assen', province: 'Drenthe', inhabitants: 69_701, costCents: 1_742_525, coveredUntil: null, share: null },
    {
      name: '=HYPERLINK("http://x")',
      province: '@SUM(A1)',
      inhabitants: null,
      costCents: -215_965,
      coveredUntil: null,
      share: 1,
    },
    {
      name: 'Bergen (L.); "Limburg"',
      province: '-2+3',
      inhabitants: 0,
      costCents: 5,
      coveredUntil: '2024-01-01',
      share: 0,
    },
  ],
};

describe('the CSV for Dutch Excel', () => {
  const bytes = toExcelCsv(sheet);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');

  it('starts with the UTF-8 byte-order mark EF BB BF and ends every line with CRLF', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').endsWith('\r\n')).toBe(true);
    expect(lines).toHaveLength(6); // header, four rows, and the empty string after the last CRLF
    expect(bytes.subarray(3).toString('utf8').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has the Dutch headers separated by semicolons', () => {
    expect(lines[0]).toBe('Gemeente;Provincie;Inwoners;Kosten (incl. btw);Gedekt tot en met;Aandeel');
  });

  it('writes amounts with a decimal comma and no thousands separator, dates as dd-mm-jjjj, Fryslân intact', () => {
    expect(lines[1]).toBe('Leeuwarden;Fryslân;125592;31398,00;31-12-2025;12,5%');
    expect(bytes.includes(Buffer.from('Frysl\u00e2n', 'utf8'))).toBe(true);
    expect(bytes.includes(Buffer.from([0x46, 0x72, 0x79, 0x73, 0x6c, 0xc3, 0xa2, 0x6e]))).toBe(true);
  });

  it('leaves an unknown figure empty, never 0, and keeps a real 0', () => {
    expect(lines[2]).toBe('Assen;Drenthe;69701;17425,25;;');
    expect(lines[4]).toContain(`;0;0,05;`);
  });

  it('neutralises text a spreadsheet would run as a formula, but a negative amount stays a number', () => {
    expect(lines[3]).toBe(`"'=HYPERLINK(""http://x"")";'@SUM(A1);;-2159,65;;100%`);
    expect(lines[4]).toBe(`"Bergen (L.); ""Limburg""";'-2+3;0;0,05;01-01-2024;0%`);
  });
});

describe('the .xlsx workbook', () => {
  let workbook: Workbook;
  beforeAll(async () => {
    workbook = new Workbook();
    // exceljs types its input as the ArrayBuffer-backed Buffer of older @types/node.
    await workbook.xlsx.load((await toXlsx(sheet)) as unknown as ArrayBuffer);
  });

  it('has one sheet with the Dutch name and a bold, frozen header row with an autofilter', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Naleving 2025']);
    const ws = workbook.worksheets[0];
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Gemeente',
      'Provincie',
      'Inwoners',
      'Kosten (incl. btw)',
      'Gedekt tot en met',
      'Aandeel',
    ]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('F1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:F1');
  });

  it('types amounts as euros with the euro format, dates as dates, figures as numbers', () => {
    const ws = workbook.worksheets[0];
    expect(ws.getCell('D2').value).toBe(31398);
    expect(ws.getCell('D3').value).toBe(17425.25);
    expect(ws.getCell('D4').value).toBe(-2159.65);
    expect(ws.getCell('D2').numFmt).toBe(EURO_FORMAT);
    expect(ws.getCell('E2').value).toEqual(new Date(Date.UTC(2025, 11, 31)));
    expect(ws.getCell('E2').numFmt).toBe('dd-mm-yyyy');
    expect(ws.getCell('C2').value).toBe(125592);
    expect(ws.getCell('F2').value).toBe(0.125);
    expect(ws.getCell('F2').numFmt).toBe('0.0%');
    expect(ws.getCell('B2').value).toBe('Fryslân');
  });

  it('leaves unknown figures empty and keeps text as text (never a formula)', () => {
    const ws = workbook.worksheets[0];
    expect(ws.getCell('C4').value).toBeNull();
    expect(ws.getCell('E3').value).toBeNull();
    expect(ws.getCell('A4').value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell('A4').formula).toBeUndefined();
  });

  it('makes columns wide enough for header and values', () => {
    const ws = workbook.worksheets[0];
    expect(ws.getColumn(1).width).toBe('=HYPERLINK("http://x")'.length + 2);
    expect(ws.getColumn(4).width).toBe('Kosten (incl. btw)'.length + 2);
  });
});
