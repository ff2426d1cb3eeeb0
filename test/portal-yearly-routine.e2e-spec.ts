import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { accessibilityViolations, describeInBrowser, plain, Portal, screenshot, startPortal } from './support/browser';
import { contractId, YEAR } from './support/demo';
import { validateUbl } from './support/einvoice';
import { asText } from './support/http';
import { demoBillingDetailsOnly } from './support/invoicing';
import type { Client } from './support/test-app';

/**
 * MADE-UP TEST DATA: CBS had not published the figures of 1 January 2025 when this was written.
 * Every municipality of 2025 gets its 1 January 2024 figure (data/reference) plus 0.4%, rounded,
 * in the shape of a CBS StatLine export of table 03759ned (semicolons, padded codes, 2025JJ00).
 */
function statLine2025(): string {
  const rows = parse<{ code: string; population_1jan2024_same_boundaries: string }>(
    readFileSync(join(__dirname, '..', 'data', 'reference', 'municipalities_2025.csv')),
    { columns: true, skip_empty_lines: true },
  );
  const header = '"ID";"Geslacht";"Leeftijd";"RegioS";"Perioden";"BevolkingOp1Januari_1"';
  const lines = rows.map(({ code, population_1jan2024_same_boundaries: previous }, i) => {
    const figure = Math.round(Number(previous) * 1.004);
    return `"${i}";"T001038";"10000";"${code.padEnd(10)}";"2025JJ00";"${String(figure).padStart(10)}"`;
  });
  return [header, '"0";"T001038";"10000";"NL01      ";"2025JJ00";"  18000000"', ...lines].join('\r\n');
}

const BILLING_HEADER = 'code,oin,kvkNumber,street,postalCode,city,invoiceEmail';
// Made-up test data: addresses and OINs (the RSINs pass the eleven test) of three municipalities.
const BILLING = [
  BILLING_HEADER,
  'GM0034,,,Stadhuisplein 1,1315 HR,Almere,',
  'GM0014,,,Kreupelstraat 1,9712 HW,Groningen,',
  'GM0085,,,Teststraat 2,9999 ZZ,Ooststellingwerf,',
].join('\n');
const COMPLETION = `${BILLING_HEADER}\nGM0080,00000001001234560000,,Hoeksterend 2,8911 KH,Leeuwarden,facturen@leeuwarden.example\n`;

async function upload(page: Page, region: string, name: string, content: string): Promise<void> {
  const section = page.getByRole('region', { name: region });
  await section
    .getByLabel('Bestand (CSV)')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await section.getByText(`Het bestand ${name} is gecontroleerd en nog niet toegepast.`).waitFor();
}

/**
 * The yearly routine of the README, as its users do it in the portal: the operator loads the CBS
 * figures of 1 January 2025, the VNG sees the readiness of the 2026 run and loads billing details,
 * the run issues every municipality with an address and holds the rest, and completing one held
 * municipality and releasing issues exactly that invoice, with a valid e-invoice.
 */
describeInBrowser('web portal: the yearly routine, from CBS figures to held and released invoices', () => {
  let portal: Portal;
  let vng: Client;
  let vng2018: string;
  let runId: string;

  beforeAll(async () => {
    portal = await startPortal();
    await demoBillingDetailsOnly(portal.t);
    vng = await portal.t.as('vng@demo.nl');
    vng2018 = await contractId(portal.t, 'VNG-SEN-2018');
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('the operator loads the StatLine file of 1 January 2025 after seeing what it changes', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'operator@demo.nl');
    await page.getByRole('link', { name: 'Gegevens laden' }).click();
    await upload(page, 'Bevolkingscijfers van het CBS', 'bevolking-2025.csv', statLine2025());
    const population = page.getByRole('region', { name: 'Bevolkingscijfers van het CBS' });
    await population
      .getByText("342 gemeenten gelezen (CBS StatLine; 1 andere regio's overgeslagen).", { exact: false })
      .waitFor();
    await screenshot(page, 'jaarroutine-1-bevolking-controle');
    await population.getByRole('button', { name: 'Toepassen' }).click();
    await population.getByText('De bevolkingscijfers zijn geladen: 342 wijzigingen.').waitFor();
  });

  it('the VNG sees the readiness of 2026, loads billing details, starts the run: 4 invoices, 334 held', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto(`/contracten/${vng2018}/factuurrondes`);
    await page.getByLabel('Jaar', { exact: true }).selectOption('2026');
    await page
      .getByText('1 van 338 gemeenten heeft een factuuradres; 337 zonder factuuradres.', { exact: false })
      .waitFor();
    await screenshot(page, 'jaarroutine-2-gereedheid');

    await page.getByRole('link', { name: 'Gegevens laden' }).first().click();
    await upload(page, 'Factuurgegevens van gemeenten', 'factuurgegevens.csv', BILLING);
    await page
      .getByRole('region', { name: 'Factuurgegevens van gemeenten' })
      .getByRole('button', { name: 'Toepassen' })
      .click();
    await page.getByText('De factuurgegevens zijn opgeslagen: 9 wijzigingen.').waitFor();

    await page.goto(`/contracten/${vng2018}/factuurrondes`);
    await page.getByLabel('Jaar', { exact: true }).selectOption('2026');
    await page
      .getByText('4 van 338 gemeenten hebben een factuuradres; 334 zonder factuuradres.', { exact: false })
      .waitFor();
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('button', { name: 'Factuurronde starten' }).click();
    await page.getByRole('heading', { name: 'Factuurronde gestart', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Volg de voortgang' }).click();
    await page.waitForURL(/\/factuurrondes\/[0-9a-f-]{36}$/);
    runId = new URL(page.url()).pathname.split('/').pop()!;
    await page.locator('.status-badge', { hasText: 'Voltooid' }).waitFor({ timeout: 120_000 });
    await page.getByText('334 gemeenten kregen geen factuur', { exact: false }).waitFor();
    expect(
      plain(await page.getByRole('status').filter({ hasText: 'De factuurronde is voltooid' }).innerText()),
    ).toContain('De factuurronde is voltooid: 4 documenten');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'jaarroutine-3-vastgehouden');
  });

  it('after Leeuwarden is completed, the release issues exactly its invoice, numbered after the others, with a valid e-invoice', async () => {
    await vng
      .post('/api/v1/billing-details/imports?dryRun=false')
      .set('Content-Type', 'text/csv')
      .send(COMPLETION)
      .expect(201);
    const page = await portal.newPage({ width: 375 });
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto(`/factuurrondes/${runId}`);
    await page.getByRole('button', { name: 'Facturen maken voor aangevulde gemeenten' }).click();
    await page.getByText(`1 factuur uitgegeven: SEN-${YEAR}-000005.`).waitFor();
    await page.getByText('333 gemeenten kregen geen factuur', { exact: false }).waitFor();
    await screenshot(page, 'jaarroutine-4-vrijgegeven-375');

    const released = (await vng.get(`/api/v1/invoices?run=${runId}&limit=10`).expect(200)).body.items as Array<{
      id: string;
      municipalityCode: string;
    }>;
    const leeuwarden = released.find((d) => d.municipalityCode === 'GM0080')!;
    const ubl = await vng.get(`/api/v1/invoices/${leeuwarden.id}/ubl`).buffer(true).parse(asText);
    expect(ubl.status).toBe(200);
    expect(await validateUbl(ubl.body as string)).toEqual({ xsd: [], en16931: [], nlcius: [] });
  }, 120_000);
});
