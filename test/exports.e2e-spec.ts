import { Workbook, Worksheet } from 'exceljs';
import { addDays, TODAY, YEAR } from './support/demo';
import { binary, expectInvalidField } from './support/http';
import { AnnualRun, startWithAnnualRun } from './support/invoicing';
import { Client } from './support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface OverviewBody {
  items: Array<{
    code: string;
    name: string;
    provinceName: string;
    costCents: number | null;
    inhabitants: number | null;
  }>;
}

interface DocumentPage {
  items: Array<{ number: string; type: string; issueDate: string; totalCents: number; subtotalCents: number }>;
  total: number;
}

interface Differences {
  contractReference: string;
  items: Array<{
    municipalityCode: string;
    name: string;
    billedCents: number;
    dueCents: number;
    differenceCents: number;
  }>;
}

/** 1742525 as `17425,25`: how Dutch Excel reads an amount. */
const comma = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;

/** `2026-03-01` as `01-03-2026`. */
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('-');

async function file(
  client: Client,
  url: string,
): Promise<{ status: number; type: string; name: string; bytes: Buffer }> {
  const res = await client.get(url).buffer(true).parse(binary);
  return {
    status: res.status,
    type: String(res.headers['content-type']),
    name: /filename="([^"]+)"/.exec(String(res.headers['content-disposition']))?.[1] ?? '',
    bytes: res.body as Buffer,
  };
}

/** The CSV's lines after the byte-order mark, split on `;` (no field of these exports holds one). */
function csvRows(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(';'));
}

async function sheetOf(bytes: Buffer): Promise<Worksheet> {
  const workbook = new Workbook();
  // exceljs types its input as the ArrayBuffer-backed Buffer of older @types/node.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0];
}

/** The header's column number of `header`, 1-based as exceljs counts. */
const col = (ws: Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);

/** The row whose cell under `header` is `value`. */
function rowWhere(ws: Worksheet, header: string, value: string) {
  const c = col(ws, header);
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(c).value === value) return ws.getRow(r);
  throw new Error(`no row with ${header} = ${value}`);
}

function expectBoldFrozenHeader(ws: Worksheet) {
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
  expect(ws.autoFilter).toMatch(/^A1:[A-Z]+1$/);
}

/** The exports people open in Dutch Excel: the national overview, the invoices and a contract's billing differences. */
describe('exports for Dutch Excel (CSV and .xlsx)', () => {
  let a: AnnualRun;

  beforeAll(async () => {
    a = await startWithAnnualRun();
  }, 180_000);
  afterAll(() => a?.t.close());

  describe('the national overview', () => {
    let fryslan: OverviewBody;

    beforeAll(async () => {
      fryslan = (await a.vng.get('/api/v1/compliance/overview?year=2025&province=PV21').expect(200))
        .body as OverviewBody;
    });

    it('CSV: byte-order mark, semicolons, Dutch headers, "Fryslân" as UTF-8, the cost with a decimal comma as in the JSON', async () => {
      const csv = await file(a.vng, '/api/v1/compliance/overview/export.csv?year=2025&province=PV21');
      expect(csv).toMatchObject({ status: 200, type: 'text/csv; charset=utf-8', name: 'naleving-2025.csv' });
      const rows = csvRows(csv.bytes);
      expect(rows[0].slice(0, 4)).toEqual(['Gemeente', 'Code', 'Provincie', 'Status']);
      expect(rows[0][8]).toBe('Kosten (incl. btw)');
      // The province filter of the list: the same municipalities, in the same order.
      expect(rows.slice(1).map((r) => r[1])).toEqual(fryslan.items.map((r) => r.code));
      expect(fryslan.items.length).toBeGreaterThan(10);
      expect(csv.bytes.includes(Buffer.from([0x46, 0x72, 0x79, 0x73, 0x6c, 0xc3, 0xa2, 0x6e]))).toBe(true); // Fryslân
      const leeuwarden = fryslan.items.find((r) => r.code === 'GM0080')!;
      expect(leeuwarden.costCents).toBeGreaterThan(0);
      expect(rows.find((r) => r[1] === 'GM0080')).toEqual([
        'Leeuwarden',
        'GM0080',
        'Fryslân',
        'Voldaan',
        'VNG-SEN-2018',
        'Stichting Sensoor',
        'Factuur aan elke gemeente',
        String(leeuwarden.inhabitants),
        comma(leeuwarden.costCents!),
        '',
        '0',
        '0',
        '0',
      ]);
    });

    it('.xlsx: the cost a number in euros with the euro format, a bold frozen header with a filter, sheet "Naleving 2025"', async () => {
      const xlsx = await file(a.vng, '/api/v1/compliance/overview/export.xlsx?year=2025&province=PV21');
      expect(xlsx).toMatchObject({ status: 200, type: XLSX, name: 'naleving-2025.xlsx' });
      expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const ws = await sheetOf(xlsx.bytes);
      expect(ws.name).toBe('Naleving 2025');
      expectBoldFrozenHeader(ws);
      expect(ws.rowCount).toBe(fryslan.items.length + 1);
      const leeuwarden = fryslan.items.find((r) => r.code === 'GM0080')!;
      const row = rowWhere(ws, 'Code', 'GM0080');
      expect(row.getCell(col(ws, 'Provincie')).value).toBe('Fryslân');
      expect(row.getCell(col(ws, 'Kosten (incl. btw)')).value).toBe(leeuwarden.costCents! / 100);
      expect(row.getCell(col(ws, 'Kosten (incl. btw)')).numFmt).toBe('"€ "#,##0.00;"€ "-#,##0.00');
      expect(row.getCell(col(ws, 'Inwoners')).value).toBe(leeuwarden.inhabitants);
    });

    it('takes the status filter of the list, and refuses what the list refuses (400 naming the field)', async () => {
      const none = csvRows(
        (await file(a.vng, '/api/v1/compliance/overview/export.csv?year=2025&status=NON_COMPLIANT')).bytes,
      );
      expect(none).toHaveLength(1);
      expectInvalidField(await a.vng.get('/api/v1/compliance/overview/export.xlsx?year=1900'), 'year');
      expectInvalidField(await a.vng.get('/api/v1/compliance/overview/export.csv?province=Fryslan'), 'province');
    });
  });

  describe('the invoices', () => {
    it("CSV and .xlsx of the list's filters: Assen's invoice to the cent, its dates as dates", async () => {
      const query = `year=${YEAR}&municipality=GM0106&type=INVOICE`;
      const list = (await a.vng.get(`/api/v1/invoices?${query}`).expect(200)).body as DocumentPage;
      expect(list.total).toBe(1);
      const [assen] = list.items;
      expect(assen.totalCents).toBe(1742525);

      const csv = await file(a.vng, `/api/v1/invoices/export.csv?${query}`);
      expect(csv).toMatchObject({ status: 200, type: 'text/csv; charset=utf-8', name: `facturen-${YEAR}.csv` });
      const rows = csvRows(csv.bytes);
      expect(rows).toHaveLength(2);
      expect(rows[1].slice(0, 5)).toEqual([
        assen.number,
        'Factuur',
        ddmmyyyy(TODAY),
        ddmmyyyy(addDays(TODAY, 30)),
        'GM0106',
      ]);
      expect(rows[1][rows[0].indexOf('Totaal incl. btw')]).toBe('17425,25');
      expect(rows[1][rows[0].indexOf('Status')]).toBe('Openstaand');

      const xlsx = await file(a.vng, `/api/v1/invoices/export.xlsx?${query}`);
      expect(xlsx).toMatchObject({ status: 200, type: XLSX, name: `facturen-${YEAR}.xlsx` });
      const ws = await sheetOf(xlsx.bytes);
      expect(ws.name).toBe(`Facturen ${YEAR}`);
      expectBoldFrozenHeader(ws);
      expect(ws.rowCount).toBe(2);
      const row = rowWhere(ws, 'Nummer', assen.number);
      expect(row.getCell(col(ws, 'Totaal incl. btw')).value).toBe(17425.25);
      expect(row.getCell(col(ws, 'Bedrag excl. btw')).value).toBe(assen.subtotalCents / 100);
      const issued = row.getCell(col(ws, 'Datum')).value;
      expect(issued).toBeInstanceOf(Date);
      expect((issued as Date).toISOString().slice(0, 10)).toBe(assen.issueDate);
      expect(row.getCell(col(ws, 'Datum')).numFmt).toBe('dd-mm-yyyy');
      expect(row.getCell(col(ws, 'Periode van')).value).toEqual(new Date(Date.UTC(2025, 0, 1)));
    });

    it('holds every document the list holds for the same filters (338 open invoices of the run)', async () => {
      const list = (await a.vng.get(`/api/v1/invoices?run=${a.run.id}&status=OPEN&limit=1`).expect(200))
        .body as DocumentPage;
      expect(list.total).toBe(338);
      const rows = csvRows((await file(a.vng, `/api/v1/invoices/export.csv?run=${a.run.id}&status=OPEN`)).bytes);
      expect(rows).toHaveLength(339);
      expect(new Set(rows.slice(1).map((r) => r[rows[0].indexOf('Status')]))).toEqual(new Set(['Openstaand']));
      // The list's order, newest first: the first row is the first item of the list.
      expect(rows[1][0]).toBe(list.items[0].number);
    });

    it("Assen's finance staff export only Assen's documents; a bad filter is a 400 naming it", async () => {
      const rows = csvRows((await file(a.financeAssen, `/api/v1/invoices/export.csv?year=${YEAR}`)).bytes);
      expect(rows.slice(1).map((r) => r[rows[0].indexOf('Gemeentecode')])).toEqual(['GM0106']);
      expectInvalidField(await a.vng.get('/api/v1/invoices/export.xlsx?status=BETAALD'), 'status');
      expectInvalidField(await a.vng.get('/api/v1/invoices/export.csv?page=2'), 'page');
    });
  });

  describe("a contract's billing differences", () => {
    it("CSV and .xlsx: Assen's billed and due to the cent as in the JSON", async () => {
      const url = `/api/v1/contracts/${a.vng2018}/billing-differences`;
      const json = (await a.vng.get(`${url}?year=2025`).expect(200)).body as Differences;
      expect(json.contractReference).toBe('VNG-SEN-2018');
      const assen = json.items.find((item) => item.municipalityCode === 'GM0106')!;
      expect(assen.billedCents).toBe(1742525);

      const csv = await file(a.vng, `${url}/export.csv?year=2025`);
      expect(csv).toMatchObject({
        status: 200,
        type: 'text/csv; charset=utf-8',
        name: 'factuurverschillen-VNG-SEN-2018-2025.csv',
      });
      const rows = csvRows(csv.bytes);
      expect(rows[0]).toEqual([
        'Gemeentecode',
        'Gemeente',
        'Gefactureerd (excl. btw)',
        'Verschuldigd (excl. btw)',
        'Verschil',
        'Documenten',
        'Redenen',
      ]);
      expect(rows).toHaveLength(json.items.length + 1);
      expect(rows.find((r) => r[0] === 'GM0106')!.slice(0, 6)).toEqual([
        'GM0106',
        'Assen',
        '17425,25',
        comma(assen.dueCents),
        comma(assen.differenceCents),
        a.doc('GM0106').number,
      ]);

      const xlsx = await file(a.vng, `${url}/export.xlsx?year=2025`);
      expect(xlsx).toMatchObject({ status: 200, type: XLSX, name: 'factuurverschillen-VNG-SEN-2018-2025.xlsx' });
      const ws = await sheetOf(xlsx.bytes);
      expect(ws.name).toBe('Factuurverschillen');
      expectBoldFrozenHeader(ws);
      const row = rowWhere(ws, 'Gemeentecode', 'GM0106');
      expect(row.getCell(col(ws, 'Gefactureerd (excl. btw)')).value).toBe(17425.25);
      expect(row.getCell(col(ws, 'Verschuldigd (excl. btw)')).value).toBe(assen.dueCents / 100);
    });

    it('refuses a bad period as the JSON route does (400 naming the field)', async () => {
      expectInvalidField(
        await a.vng.get(`/api/v1/contracts/${a.vng2018}/billing-differences/export.csv?periodStart=2025-02-30`),
        'periodStart',
      );
    });
  });
});
