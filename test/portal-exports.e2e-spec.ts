import { readFileSync } from 'node:fs';
import { Workbook, Worksheet } from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { join } from 'node:path';
import {
  accessibilityViolations,
  describeInBrowser,
  Portal,
  screenshot,
  SCREENSHOT_DIR,
  startPortal,
} from './support/browser';
import { contractId, endParticipation, YEAR } from './support/demo';
import { Run, startRun } from './support/invoicing';
import { Client, waitForRun } from './support/test-app';

interface DocumentPage {
  items: Array<{ number: string; totalCents: number; issueDate: string }>;
  total: number;
}

async function worksheet(download: Download): Promise<Worksheet> {
  const workbook = new Workbook();
  // exceljs types its input as the ArrayBuffer-backed Buffer of older @types/node.
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

async function downloadOf(page: Page, scope: Page | ReturnType<Page['getByRole']>, name: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), scope.getByRole('button', { name }).click()]);
  return download;
}

/** Every page state with the download buttons has no axe violation, at 1280 and at 375 px wide. */
async function checkBothWidths(
  portal: Portal,
  path: string,
  ready: (page: Page) => Promise<void>,
  shot: string,
  /** A region to photograph instead of the page's top (the differences sit below the contract's heading and tabs). */
  region?: string,
) {
  for (const width of [1280, 375]) {
    const page = await portal.newPage({ width });
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto(path);
    await ready(page);
    await page.getByRole('button', { name: 'Download als Excel' }).first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    if (region)
      await page
        .getByRole('region', { name: region })
        .screenshot({ path: join(SCREENSHOT_DIR, `${shot}-${width}.png`) });
    else await screenshot(page, `${shot}-${width}`);
  }
}

/**
 * "Download als CSV" and "Download als Excel" on the invoices, the national overview and a
 * contract's billing differences: the file of the rows the page shows, with its filters.
 */
describeInBrowser('web portal: downloads for Excel', () => {
  let portal: Portal;
  let vng: Client;
  let vng2018: string;

  beforeAll(async () => {
    portal = await startPortal();
    vng = await portal.t.as('vng@demo.nl');
    vng2018 = await contractId(portal.t, 'VNG-SEN-2018');
    const started = await startRun(vng, vng2018, { year: 2025 });
    expect((await waitForRun<Run>(vng, started.body.id)).status).toBe('COMPLETED');
    // A difference to export: Aa en Hunze leaves on 31 August 2025, after its invoice.
    await endParticipation(vng, vng2018, 'GM1680', '2025-08-31');
  }, 180_000);
  afterAll(async () => {
    await portal?.close();
  });

  it('the invoices page downloads the filtered list as .xlsx that opens with typed amounts and dates', async () => {
    const list = (await vng.get(`/api/v1/invoices?year=${YEAR}&type=INVOICE&limit=1`).expect(200)).body as DocumentPage;
    expect(list.total).toBe(338);
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto(`/facturen?jaar=${YEAR}&soort=INVOICE`);
    await page.getByText(`338 documenten`).first().waitFor();
    const download = await downloadOf(page, page, 'Download als Excel');
    expect(download.suggestedFilename()).toBe(`facturen-${YEAR}.xlsx`);
    const ws = await worksheet(download);
    expect(ws.name).toBe(`Facturen ${YEAR}`);
    expect(ws.rowCount).toBe(339);
    const header = ws.getRow(1).values as unknown[];
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    // The list's order, newest first: its first document is the first row.
    const first = ws.getRow(2);
    expect(first.getCell(header.indexOf('Nummer')).value).toBe(list.items[0].number);
    expect(first.getCell(header.indexOf('Totaal incl. btw')).value).toBe(list.items[0].totalCents / 100);
    expect(first.getCell(header.indexOf('Soort')).value).toBe('Factuur');
    const issued = first.getCell(header.indexOf('Datum')).value as Date;
    expect(issued).toBeInstanceOf(Date);
    expect(issued.toISOString().slice(0, 10)).toBe(list.items[0].issueDate);

    const csv = await downloadOf(page, page, 'Download als CSV');
    expect(csv.suggestedFilename()).toBe(`facturen-${YEAR}.csv`);
    const bytes = readFileSync(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')[0]).toMatch(/^\uFEFFNummer;Soort;Datum;/);
  }, 60_000);

  it('the invoices page has no axe violations with the download buttons, at 1280 and 375 px', async () => {
    await checkBothWidths(
      portal,
      `/facturen?jaar=${YEAR}`,
      (page) => page.getByText('documenten', { exact: false }).first().waitFor(),
      'facturen-export',
    );
  }, 60_000);

  it("the overview downloads Fryslân's municipalities as .xlsx; no axe violations at 1280 and 375 px", async () => {
    const fryslan = (await vng.get('/api/v1/compliance/overview?year=2025&province=PV21').expect(200)).body as {
      items: Array<{ code: string; costCents: number }>;
    };
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto('/overzicht?jaar=2025&provincie=PV21');
    await page.getByText(`${fryslan.items.length} gemeenten in Fryslân.`).waitFor();
    const download = await downloadOf(page, page, 'Download als Excel');
    expect(download.suggestedFilename()).toBe('naleving-2025.xlsx');
    const ws = await worksheet(download);
    expect(ws.rowCount).toBe(fryslan.items.length + 1);
    const header = ws.getRow(1).values as unknown[];
    expect(ws.getRow(2).getCell(header.indexOf('Provincie')).value).toBe('Fryslân');
    expect(ws.getRow(2).getCell(header.indexOf('Kosten (incl. btw)')).value).toBe(fryslan.items[0].costCents / 100);
    await checkBothWidths(
      portal,
      '/overzicht?jaar=2025&provincie=PV21',
      (p) => p.getByText(`${fryslan.items.length} gemeenten in Fryslân.`).waitFor(),
      'overzicht-export',
    );
  }, 60_000);

  it("a contract's billing differences download as CSV with Aa en Hunze's -2159,65; no axe violations at 1280 and 375 px", async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto(`/contracten/${vng2018}/verschillen`);
    const section = page.getByRole('region', { name: 'Verschillen en correcties' });
    await section.getByLabel('Gefactureerd jaar').selectOption('2025');
    await section.getByRole('table', { name: 'Verschillen over 2025' }).waitFor();
    const download = await downloadOf(page, section, 'Download als CSV');
    expect(download.suggestedFilename()).toBe('factuurverschillen-VNG-SEN-2018-2025.csv');
    const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(lines.find((line) => line.startsWith('GM1680;'))).toMatch(/^GM1680;Aa en Hunze;6461,25;4301,60;-2159,65;/);
    const xlsx = await downloadOf(page, section, 'Download als Excel');
    expect(xlsx.suggestedFilename()).toBe('factuurverschillen-VNG-SEN-2018-2025.xlsx');
    await checkBothWidths(
      portal,
      `/contracten/${vng2018}/verschillen`,
      async (p) => {
        const s = p.getByRole('region', { name: 'Verschillen en correcties' });
        await s.getByLabel('Gefactureerd jaar').selectOption('2025');
        await s.getByRole('table', { name: 'Verschillen over 2025' }).waitFor();
      },
      'verschillen-export',
      'Verschillen en correcties',
    );
  }, 90_000);
});
