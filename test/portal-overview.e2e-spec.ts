import { join } from 'node:path';
import {
  accessibilityViolations,
  describeInBrowser,
  plain,
  Portal,
  rowTexts,
  screenshot,
  SCREENSHOT_DIR,
  startPortal,
} from './support/browser';
import { TODAY, YEAR } from './support/demo';
import type { Client } from './support/test-app';

/** "3 december 2026": the long Dutch date of running text. */
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

interface OverviewBody {
  total: number;
  items: Array<{ code: string; name: string; inhabitants: number | null }>;
}

describeInBrowser('web portal: the national overview and a municipality obligation, with honest partial data', () => {
  let portal: Portal;
  let vng: Client;

  beforeAll(async () => {
    portal = await startPortal();
    vng = await portal.t.as('vng@demo.nl');
    // Groningen leaves the collective contract on 30 June 2026: 9 of the 10 municipalities of its province covered in 2026.
    const contracts = (await vng.get('/api/v1/contracts?limit=100').expect(200)).body.items as Array<{
      id: string;
      reference: string;
    }>;
    const vng2018 = contracts.find((c) => c.reference === 'VNG-SEN-2018')!.id;
    await vng.delete(`/api/v1/contracts/${vng2018}/participants/GM0014?endDate=2026-06-30`).expect(200);
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('VNG: finds Assen in one search, sorts by inhabitants (Amsterdam first), and a province tile filters the list', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.getByRole('link', { name: 'Landelijk overzicht' }).click();
    await page.getByRole('heading', { name: 'Landelijk overzicht', level: 1 }).waitFor();
    await page.getByLabel('Jaar', { exact: true }).selectOption('2025');
    await page.getByRole('heading', { name: 'Stand 2025 in Nederland' }).waitFor();
    expect(await page.getByText('Beoordeeld over heel 2025: 1 januari 2025 t/m 31 december 2025.').isVisible()).toBe(
      true,
    );
    // One page of 50 of the 342, with the totals of all 342.
    await page.getByText('342 gemeenten in Nederland.', { exact: true }).waitFor();
    expect(await rowTexts(page, 'Gemeenten 2025')).toHaveLength(50);
    expect(await page.getByRole('navigation', { name: 'Paginering' }).innerText()).toContain('Pagina 1 van 7');
    expect(plain(await page.locator('.overview-totals').innerText())).toMatch(
      /^Samen: 342 gemeenten, [\d.]+ inwoners, kosten € [\d.]+,\d\d \(incl\. btw\)\.$/,
    );
    // The tile map: 12 provinces with their numbers as text, and the same numbers as a table.
    expect(await page.locator('.province-map__tile').count()).toBe(12);
    expect(await page.getByRole('link', { name: /^Drenthe\s+12 van 12 gedekt\s+100%$/ }).count()).toBe(1);
    const drenthe = (await rowTexts(page, 'Gemeenten per provincie, 2025')).find((row) => row.startsWith('Drenthe'))!;
    expect(drenthe.split('\t').slice(0, 4)).toEqual(['Drenthe', '12', '12 (100%)', '0']);
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
    await screenshot(page, 'overview-1280');

    // Search "Assen": it is the first row at once (Wassenaar matches too).
    await page.getByRole('searchbox', { name: 'Zoek een gemeente op naam of code' }).fill('Assen');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('2 gemeenten voor „Assen” in Nederland.', { exact: true }).waitFor();
    const found = await rowTexts(page, 'Gemeenten 2025');
    expect(found[0]).toMatch(/^Assen\s+GM0106\s+Drenthe\s+.*Voldaan/);
    expect(found[0]).toContain('69.701');
    expect(found[0]).toContain('€ 17.425,25');
    expect(new URL(page.url()).searchParams.get('q')).toBe('Assen');
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
    await page.getByRole('button', { name: /^Wis zoekopdracht/ }).click();
    await page.getByText('342 gemeenten in Nederland.', { exact: true }).waitFor();

    // Sort by inhabitants: the server sorts all 342, largest first: Amsterdam.
    const api = (await vng.get('/api/v1/compliance/overview?year=2025&sort=-inhabitants&limit=1').expect(200))
      .body as OverviewBody;
    expect(api.items[0].name).toBe('Amsterdam');
    const table = page.getByRole('table', { name: 'Gemeenten 2025' });
    await table.getByRole('button', { name: /^Inwoners/ }).click();
    await table.locator('th[aria-sort="descending"]').filter({ hasText: 'Inwoners' }).waitFor();
    await page.waitForURL(/sort=-inhabitants/);
    await table.locator('tbody tr').first().filter({ hasText: 'Amsterdam' }).waitFor();
    const first = (await rowTexts(page, 'Gemeenten 2025'))[0];
    expect(first).toMatch(/^Amsterdam\s+GM0363\s+Noord-Holland\s+.*Voldaan/);
    expect(first).toContain(new Intl.NumberFormat('nl-NL').format(api.items[0].inhabitants!));
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px

    // A click on the tile of Drenthe filters the list (and keeps the order).
    await page.getByRole('link', { name: /^Drenthe\s/ }).click();
    await page.getByText('12 gemeenten in Drenthe.', { exact: true }).waitFor();
    const rows = await rowTexts(page, 'Gemeenten 2025');
    expect(rows).toHaveLength(12);
    expect(rows.every((row) => row.includes('Drenthe'))).toBe(true);
    expect(rows[0]).toMatch(/^Emmen/);
    const search = new URL(page.url()).searchParams;
    expect([search.get('provincie'), search.get('sort'), search.get('jaar')]).toEqual(['PV22', '-inhabitants', '2025']);
    expect(await page.getByRole('link', { name: /^Drenthe\s/ }).getAttribute('aria-current')).toBe('true');
    expect(await page.getByLabel('Provincie', { exact: true }).inputValue()).toBe('PV22');
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px

    // A status filter that leaves nothing says so.
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Niet voldaan' });
    await page.getByText('Geen gemeenten met deze keuze.', { exact: false }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
  }, 180_000);

  it('VNG, 2026: a banner names the missing CBS figures, and every unknown total shows "-", never € 0,00', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto('/overzicht?jaar=2026');
    const banner = page.getByRole('alert').filter({ hasText: 'CBS-bevolkingscijfers' });
    await banner.waitFor();
    expect(plain(await banner.innerText())).toContain(
      'De CBS-bevolkingscijfers per 1 januari 2025 zijn nog niet bekend; inwoners en bedragen voor 2026 volgen zodra ze zijn geladen (342 gemeenten).',
    );
    const provinces = page.getByRole('table', { name: 'Gemeenten per provincie, 2026' });
    const text = plain(await provinces.innerText());
    expect(text).not.toContain('€ 0,00');
    const drenthe = (await rowTexts(page, 'Gemeenten per provincie, 2026')).find((row) => row.startsWith('Drenthe'))!;
    expect(drenthe.split('\t')).toEqual(['Drenthe', '12', '12 (100%)', '0', '-', '-']);
    const together = plain(await provinces.locator('tfoot tr').innerText()).split('\t');
    expect(together).toEqual(['Samen', '342', '341 (99%)', '1', '-', '-']);
    // Groningen's tile: 9 of 10, drawn hatched (90% or more), its numbers as text.
    const groningen = page.getByRole('link', { name: /^Groningen\s+9 van 10 gedekt\s+90%$/ });
    expect(await groningen.getAttribute('class')).toContain('province-map__tile--most');
    expect(await page.locator('.province-map__keys').innerText()).toContain('90% of meer gedekt');
    expect(plain(await page.locator('.overview-totals').innerText())).toContain(
      'Samen: 342 gemeenten, - inwoners, kosten - (incl. btw).',
    );
    const first = (await rowTexts(page, 'Gemeenten 2026'))[0];
    expect(first).not.toContain('€ 0,00');
    expect(first).toMatch(/\t-\t-$/);
    if (YEAR === 2026)
      expect(await page.getByText(`Beoordeeld van 1 januari 2026 t/m ${longDate(TODAY)} (vandaag).`).isVisible()).toBe(
        true,
      );
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
    await screenshot(page, 'overview-2026-1280');
  });

  it('on a phone (375 px): a card per municipality, no sideways scrolling, the map and its table', async () => {
    const page = await portal.newPage({ width: 375, height: 800 });
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto('/overzicht?jaar=2025');
    await page.getByRole('heading', { name: 'Stand 2025 in Nederland' }).waitFor();
    await page.getByRole('table', { name: 'Gemeenten 2025' }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    // A card: each value with its column's name before it.
    const label = await page
      .getByRole('table', { name: 'Gemeenten 2025' })
      .locator('tbody tr')
      .first()
      .locator('td[data-label="Inwoners"]')
      .evaluate((cell) => getComputedStyle(cell, '::before').content);
    expect(label).toContain('Inwoners');
    expect(await page.locator('.province-map__tile').count()).toBe(12);
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, 'overview-375');
    // The cards themselves (the full-page picture stops at 3000 px, above them): a page of 3.
    await page.goto('/overzicht?jaar=2025&limit=3&page=2');
    await page.getByText('Pagina 2 van 114').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
    await page.setViewportSize({ width: 375, height: 800 });
    await page
      .locator('section[aria-labelledby="gemeenten-kop"]')
      .screenshot({ path: join(SCREENSHOT_DIR, 'overview-375-cards.png') });
  });

  it(`Onze verplichting: one cost statement (unknown in 2026, calculated in 2025) and "t/m ${longDate(TODAY)} (vandaag)" for ${YEAR}`, async () => {
    const officer = await portal.t.as('officer.gm0106@demo.nl');
    const report = await officer
      .get(`/api/v1/municipalities/GM0106/compliance-report?year=${YEAR}&format=json`)
      .expect(200);
    expect(report.body.judgedThrough).toBe(TODAY);
    expect(report.body.obligation.explanation).toContain(`t/m ${longDate(TODAY)} (vandaag)`);

    const page = await portal.newPage();
    await portal.signIn(page, 'officer.gm0106@demo.nl');
    await page.getByRole('heading', { name: 'Onze verplichting', level: 1 }).waitFor();
    const wmo = page
      .locator('section.duty')
      .filter({ has: page.getByRole('heading', { name: 'Anoniem luisterend oor en advies', level: 2 }) });
    await wmo
      .getByText(
        `Gemeente Assen voldoet van 1 januari ${YEAR} t/m ${longDate(TODAY)} (vandaag) aan de plicht „Anoniem luisterend oor en advies”`,
        { exact: false },
      )
      .waitFor();
    expect(
      await page
        .getByText(
          `${YEAR} is nog niet voorbij: het oordeel en de raadsrapportage gaan over 1 januari ${YEAR} t/m ${longDate(TODAY)} (vandaag).`,
        )
        .isVisible(),
    ).toBe(true);
    // One statement for the cost: not known yet (the CBS figures it waits for), and not "Geen kosten" beside it.
    const cost = wmo.locator('.utrecht-data-list__item').filter({ hasText: `Kosten ${YEAR}` });
    expect(plain(await cost.innerText())).toContain(
      `Nog niet bekend: de CBS-bevolkingscijfers per 1 januari ${YEAR - 1} zijn nog niet geladen. De kosten volgen zodra ze er zijn.`,
    );
    expect(await page.getByText('Geen kosten').count()).toBe(0);
    expect(await wmo.getByText('Berekening').count()).toBe(0);
    // The timeline stays.
    expect(await wmo.getByRole('img').getAttribute('aria-label')).toMatch(new RegExp(`^Tijdlijn ${YEAR}: `));
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
    await screenshot(page, 'obligation-1280');
    await page.setViewportSize({ width: 375, height: 900 });
    await screenshot(page, 'obligation-375');
    await page.setViewportSize({ width: 1280, height: 900 });

    // 2025: the amount with how it is calculated, in one statement; the year is in the address.
    await page.getByLabel('Jaar').selectOption('2025');
    await wmo.getByText('Gemeente Assen voldoet in 2025 aan de plicht', { exact: false }).waitFor();
    expect(new URL(page.url()).searchParams.get('jaar')).toBe('2025');
    const cost2025 = plain(
      await wmo.locator('.utrecht-data-list__item').filter({ hasText: 'Kosten 2025' }).innerText(),
    );
    expect(cost2025).toContain('€ 17.425,25 (geen btw), berekend als:');
    expect(cost2025).toContain('69.701 inwoners (CBS, peildatum 1 januari 2024) × € 0,25 per inwoner = € 17.425,25');
    expect(cost2025).not.toContain('Nog niet bekend');
    expect(await page.getByText('is nog niet voorbij').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
  });
});
