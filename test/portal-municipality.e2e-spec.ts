// page.evaluate callbacks run in the browser: they need the DOM types.
/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import {
  accessibilityViolations,
  accessibleAtBothWidths,
  describeInBrowser,
  Portal,
  screenshot,
  startPortal,
} from './support/browser';
import { YEAR } from './support/demo';
import { type Client, waitForRun } from './support/test-app';

const euro = (cents: number) =>
  new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** The downloaded file's name and its first bytes. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; head: string }> {
  const [download] = await Promise.all<[Promise<Download>, Promise<void>]>([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), head: readFileSync(path).subarray(0, 5).toString('latin1') };
}

describeInBrowser('web portal: a municipality (Assen) — obligation, invoices, billing details', () => {
  let portal: Portal;
  let financeAssen: Client;
  let invoice: { id: string; number: string; totalCents: number };

  beforeAll(async () => {
    portal = await startPortal();
    const vng = await portal.t.as('vng@demo.nl');
    financeAssen = await portal.t.as('finance.gm0106@demo.nl');
    const contracts = (await vng.get('/api/v1/contracts?limit=100').expect(200)).body.items as Array<{
      id: string;
      reference: string;
    }>;
    const vng2018 = contracts.find((c) => c.reference === 'VNG-SEN-2018')!.id;
    // Groningen leaves the collective contract halfway 2025: a gap for the timeline (before the run, so it is billed pro rata).
    await vng.delete(`/api/v1/contracts/${vng2018}/participants/GM0014?endDate=2025-06-30`).expect(200);
    // The demo has no invoices: the 2025 run of VNG-SEN-2018 issues one to Assen (today, so in this year's list).
    const started = await vng
      .post(`/api/v1/contracts/${vng2018}/invoice-runs`)
      .set('Idempotency-Key', randomUUID())
      .send({ year: 2025 });
    expect(started.status).toBe(202);
    expect(await waitForRun(vng, started.body.id)).toMatchObject({ status: 'COMPLETED' });
    const items = (await financeAssen.get('/api/v1/invoices').expect(200)).body.items as Array<{
      id: string;
      number: string;
      totalCents: number;
      municipalityCode: string;
    }>;
    expect(items.map((d) => d.municipalityCode)).toEqual(['GM0106']);
    invoice = items[0];
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('Onze verplichting: the officer sees "Voldaan" for 2025 with the provider, channels, timeline and cost, and downloads the council report', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'officer.gm0106@demo.nl');
    await page.getByRole('heading', { name: 'Onze verplichting', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/verplichting');
    await page.getByLabel('Jaar').selectOption('2025');
    const wmo = page
      .locator('section.duty')
      .filter({ has: page.getByRole('heading', { name: 'Anoniem luisterend oor en advies', level: 2 }) });
    await wmo
      .getByText(
        'Gemeente Assen voldoet in 2025 aan de plicht „Anoniem luisterend oor en advies” (art. 2.2.4 lid 1 onder b Wmo 2015).',
      )
      .waitFor();
    expect(await wmo.locator('.duty__status .status-badge').innerText()).toContain('Voldaan');
    expect(await wmo.getByText('Stichting Sensoor levert de dienst via contract VNG-SEN-2018').isVisible()).toBe(true);
    // Channels and hours in words; the year as a timeline with its text alternative; no weekly gaps; the cost.
    expect(
      await wmo
        .getByText(
          'Telefoon (0900-0767): dag en nacht, elke dag (24 uur per dag, 7 dagen per week). Telt mee voor de plicht.',
        )
        .isVisible(),
    ).toBe(true);
    expect(
      await wmo
        .getByText('Chat (https://www.sensoor.nl/chat): elke dag van 09:00 tot 22:00. Telt mee voor de plicht.')
        .isVisible(),
    ).toBe(true);
    expect(await wmo.getByRole('img').getAttribute('aria-label')).toBe(
      'Tijdlijn 2025: 1 januari 2025 t/m 31 december 2025 gedekt door een contract.',
    );
    expect(
      await wmo
        .getByText('Gedekt van 1 januari 2025 t/m 31 december 2025 (VNG-SEN-2018, Stichting Sensoor)')
        .isVisible(),
    ).toBe(true);
    expect(await wmo.getByText('Geen periodes zonder contract in 2025.').isVisible()).toBe(true);
    expect(await wmo.getByText(/^Geen: op elk moment van de week is er een kanaal bereikbaar/).isVisible()).toBe(true);
    // One statement for the cost: the amount and how it is calculated.
    expect(await wmo.locator('.utrecht-data-list__item').filter({ hasText: 'Kosten 2025' }).innerText()).toContain(
      `${euro(1742525)} (geen btw), berekend als:`,
    );
    expect(await wmo.getByText('Factuur van de aanbieder aan de gemeente').first().isVisible()).toBe(true);
    // Kindertelefoon (Jeugdwet) is the second duty on the page.
    expect(await page.locator('section.duty').count()).toBe(2);
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
    await screenshot(page, 'verplichting');

    const report = await downloaded(page, () =>
      page.getByRole('button', { name: 'Download raadsrapportage (PDF)' }).click(),
    );
    expect(report.name).toBe('verantwoording-GM0106-2025.pdf');
    expect(report.head).toBe('%PDF-');
  });

  it('Onze verplichting at 320 px wide: no sideways scrolling', async () => {
    const page = await portal.newPage({ width: 320, height: 640 });
    await portal.signIn(page, 'officer.gm0106@demo.nl');
    await page.getByLabel('Jaar').selectOption('2025');
    await page
      .getByText('Gemeente Assen voldoet in 2025 aan de plicht „Anoniem luisterend oor en advies”', { exact: false })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'verplichting-320');
  });

  it('a gap in the year (Groningen left the contract on 30 June 2025): "Niet voldaan" with the gap as hatched bar and as text', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'officer.gm0014@demo.nl');
    await page.getByLabel('Jaar').selectOption('2025');
    const wmo = page
      .locator('section.duty')
      .filter({ has: page.getByRole('heading', { name: 'Anoniem luisterend oor en advies', level: 2 }) });
    await wmo.getByText('Gemeente Groningen voldoet in 2025 niet aan de plicht', { exact: false }).waitFor();
    expect(await wmo.locator('.duty__status .status-badge').innerText()).toContain('Niet voldaan');
    expect(await wmo.getByText('Op 184 dagen is er geen contract: 1 juli 2025 t/m 31 december 2025.').isVisible()).toBe(
      true,
    );
    expect(
      await wmo.getByText('Niet gedekt van 1 juli 2025 t/m 31 december 2025 (184 dagen zonder contract)').isVisible(),
    ).toBe(true);
    expect(await wmo.getByRole('img').getAttribute('aria-label')).toBe(
      'Tijdlijn 2025: 1 januari 2025 t/m 30 juni 2025 gedekt door een contract; 1 juli 2025 t/m 31 december 2025 niet gedekt: geen contract.',
    );
    expect(await wmo.locator('.timeline__bar .timeline__segment--gap').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
    await screenshot(page, 'verplichting-niet-voldaan');
  });

  it('Facturen: finance sees the invoice of this year, a year filter changes the list, PDF downloads, UBL explains in Dutch what is missing', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'finance.gm0106@demo.nl');
    await page.getByRole('heading', { name: 'Facturen', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/facturen');
    await page.getByText(`1 document uit ${YEAR}.`).waitFor();
    const link = page.getByRole('link', { name: invoice.number });
    expect(await link.isVisible()).toBe(true);
    // Totals of the filtered list.
    const totals = page.locator('.invoice-totals');
    expect(await totals.locator('.utrecht-data-list__item').filter({ hasText: 'Gefactureerd' }).innerText()).toContain(
      euro(invoice.totalCents),
    );
    expect(await totals.locator('.utrecht-data-list__item').filter({ hasText: 'Openstaand' }).innerText()).toContain(
      euro(invoice.totalCents),
    );
    expect(await page.locator('tbody .status-badge').first().innerText()).toContain('Openstaand');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'facturen');

    // Another year: nothing issued then.
    await page.getByLabel('Jaar van de factuurdatum').selectOption(String(YEAR - 1));
    await page.getByText(`Er zijn geen documenten uit ${YEAR - 1}.`).waitFor();
    expect(await page.getByRole('link', { name: invoice.number }).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('jaar')).toBe(String(YEAR - 1));
    await page.getByLabel('Jaar van de factuurdatum').selectOption('alle');
    await page.getByText('1 document in alle jaren.').waitFor();
    await page.getByLabel('Status').selectOption('PAID');
    await page.getByText('Er zijn geen documenten in alle jaren, met status betaald.').waitFor();
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('link', { name: invoice.number }).waitFor();

    const pdf = await downloaded(page, () => page.getByRole('button', { name: `PDF van ${invoice.number}` }).click());
    expect(pdf).toEqual({ name: `${invoice.number}.pdf`, head: '%PDF-' });

    // Assen had only the demo's town-hall address, no OIN, when the invoice was made: no e-invoice, and the page says why in Dutch.
    await page.getByRole('button', { name: `UBL (e-factuur) van ${invoice.number}` }).click();
    const warning = page
      .getByRole('alert')
      .filter({ hasText: `Voor een e-factuur van ${invoice.number} ontbreken nog gegevens:` });
    await warning.waitFor();
    expect(await warning.innerText()).toContain('het OIN (of KvK-nummer) van de ontvanger');
    expect(await warning.innerText()).not.toContain('factuuradres');
  });

  it('Factuur: the details, lines and downloads; no payment form for the municipality', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'finance.gm0106@demo.nl');
    await page.getByRole('link', { name: invoice.number }).click();
    await page.getByRole('heading', { name: `Factuur ${invoice.number}`, level: 1 }).waitFor();
    expect(await page.locator('.invoice-summary').innerText()).toContain(
      `${euro(invoice.totalCents)} van Stichting Sensoor aan Gemeente Assen`,
    );
    expect(await page.getByRole('table', { name: `Regels van ${invoice.number}` }).innerText()).toContain('69.701');
    expect(await page.getByText('Er is nog geen betaling geregistreerd.').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Betaling registreren' }).count()).toBe(0);
    const pdf = await downloaded(page, () =>
      page.getByRole('button', { name: `PDF downloaden van ${invoice.number}` }).click(),
    );
    expect(pdf.head).toBe('%PDF-');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'factuur');
  });

  it('Factuurgegevens: a bad OIN is refused next to the field and nothing is saved; valid details are saved and confirmed', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'finance.gm0106@demo.nl');
    await page.getByRole('link', { name: 'Factuurgegevens' }).click();
    await page.getByRole('heading', { name: 'Factuurgegevens', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Opslaan' }).waitFor();
    await accessibleAtBothWidths(page, 'factuurgegevens-leeg');
    const oin = page.getByLabel('OIN');
    await oin.fill('12345');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const message = 'Een OIN bestaat uit precies 20 cijfers, bijvoorbeeld 00000001001234567000 (u vulde 5 cijfers in).';
    await page.locator('.utrecht-form-field-error-message').filter({ hasText: message }).waitFor();
    expect(await oin.getAttribute('aria-invalid')).toBe('true');
    // The message is tied to the field, and the summary above the form links to it.
    const describedBy = (await oin.getAttribute('aria-describedby'))!.split(' ');
    const descriptions = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(descriptions.join(' ')).toContain(message);
    const summary = page.locator('.error-summary');
    expect(await summary.innerText()).toContain(`OIN: ${message}`);
    await summary.getByRole('link', { name: /^OIN:/ }).click();
    expect(await oin.evaluate((element) => element === document.activeElement)).toBe(true);
    expect((await financeAssen.get('/api/v1/municipalities/GM0106/billing-details').expect(200)).body).toMatchObject({
      oin: null,
      kvkNumber: null,
      invoiceAddress: { street: 'Noordersingel 33', postalCode: '9401 JW', city: 'Assen' },
    });
    await accessibleAtBothWidths(page, 'factuurgegevens-fout');

    // A field error from the server lands next to its field too (here: the API refuses the postal code).
    await oin.fill('00000001001589623000');
    await page.getByLabel('KvK-nummer').fill('01176040');
    await page.getByLabel('Straat en huisnummer (of postbus)').fill('Noordersingel 33');
    await page.getByLabel('Postcode').fill('9401jw');
    await page.getByLabel('Plaats').fill('Assen');
    await page.getByLabel('E-mailadres voor facturen').fill('facturen@assen.nl');
    await page.getByRole('button', { name: 'Inkoopordernummer toevoegen' }).click();
    await page
      .getByLabel('Inkoopordernummer 1: contract')
      .selectOption({ label: 'VNG-SEN-2018 – Luisterend oor vanaf 2018 (facturering per gemeente)' });
    await page.getByLabel('Inkoopordernummer 1: jaar').selectOption('2026');
    await page.getByLabel('Inkoopordernummer 1: nummer').fill('4500012345');
    await page.route('**/api/v1/municipalities/GM0106/billing-details', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 400,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: '/problems/validation-failed',
              status: 400,
              detail: 'x',
              errors: [
                {
                  field: 'invoiceAddress.postalCode',
                  message: 'postalCode must be a Dutch postal code such as 9401 JW',
                },
              ],
            }),
          })
        : route.continue(),
    );
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page
      .locator('.utrecht-form-field-error-message')
      .filter({ hasText: 'Vul een Nederlandse postcode in: 4 cijfers en 2 letters, bijvoorbeeld 9401 JW.' })
      .waitFor();
    expect(await page.getByLabel('Postcode').getAttribute('aria-invalid')).toBe('true');
    await accessibleAtBothWidths(page, 'factuurgegevens-serverfout');
    await page.unroute('**/api/v1/municipalities/GM0106/billing-details');

    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De factuurgegevens zijn opgeslagen' }).waitFor();
    expect(await page.getByLabel('Postcode').inputValue()).toBe('9401 JW');
    const saved = (await financeAssen.get('/api/v1/municipalities/GM0106/billing-details').expect(200)).body;
    expect(saved).toMatchObject({
      oin: '00000001001589623000',
      kvkNumber: '01176040',
      invoiceAddress: { street: 'Noordersingel 33', postalCode: '9401 JW', city: 'Assen' },
      invoiceEmail: 'facturen@assen.nl',
      purchaseOrders: [{ year: 2026, number: '4500012345' }],
    });
    await accessibleAtBothWidths(page, 'factuurgegevens');
  });
});
