import {
  accessibilityViolations,
  describeInBrowser,
  plain,
  Portal,
  rowTexts,
  screenshot,
  startPortal,
} from './support/browser';
import { contractId, YEAR } from './support/demo';
import type { Client } from './support/test-app';

const euro = (cents: number) =>
  plain(new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100));

type ListedRun = { id: string; documentCount: number; totalCents: number; status: string };

/**
 * Invoices and invoice runs as the VNG uses them (issue 15): the 2025 run of VNG-SEN-2018 starts
 * only after a check and a confirmation, shows in the list of runs, and its 338 invoices are
 * sorted, searched and summed per year on the server.
 */
describeInBrowser('web portal: invoice runs after a check, the runs list, and invoices at any size', () => {
  let portal: Portal;
  let vng: Client;
  let vng2018: string;
  const runsOf = async (): Promise<{ items: ListedRun[]; total: number }> =>
    (await vng.get(`/api/v1/invoice-runs?contract=${vng2018}`).expect(200)).body;

  beforeAll(async () => {
    portal = await startPortal();
    vng = await portal.t.as('vng@demo.nl');
    vng2018 = await contractId(portal.t, 'VNG-SEN-2018');
  }, 120_000);
  afterAll(async () => {
    await portal?.close();
  });

  it('the 2025 run is started only from the check page, after which the confirmation says what happens next', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto(`/contracten/${vng2018}/factuurrondes`);
    await page.getByLabel('Jaar', { exact: true }).selectOption('2025');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.waitForURL(`**/contracten/${vng2018}/factuurronde-starten?jaar=2025`);
    await page.getByRole('heading', { name: 'Controleer de factuurronde', level: 1 }).waitFor();
    const answers = page.locator('.check-answers');
    await answers.getByText('338 facturen').waitFor();
    const checked = plain(await answers.innerText());
    expect(checked).toContain('VNG-SEN-2018');
    expect(checked).toContain('1 januari 2025 t/m 31 december 2025');
    expect(checked).toContain('1 januari 2024'); // the CBS reference date
    const dryRun = (
      await vng.post(`/api/v1/contracts/${vng2018}/invoice-runs?dryRun=true`).send({ year: 2025 }).expect(200)
    ).body as { subtotalCents: number; documents: number };
    expect(dryRun.documents).toBe(338);
    expect(checked).toContain(euro(dryRun.subtotalCents));
    // Nothing has started: the form and the check issue nothing.
    expect((await runsOf()).total).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
    await screenshot(page, 'invoice-run-check-1280');
    const small = await portal.newPage({ width: 375 });
    await portal.signIn(small, 'vng@demo.nl');
    await small.goto(`/contracten/${vng2018}/factuurronde-starten?jaar=2025`);
    await small.locator('.check-answers').getByText('338 facturen').waitFor();
    await screenshot(small, 'invoice-run-check-375');
    expect((await runsOf()).total).toBe(0);

    await page.getByRole('button', { name: 'Factuurronde starten' }).click();
    await page.getByRole('heading', { name: 'Factuurronde gestart', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Wat gebeurt er nu', level: 2 }).waitFor();
    const runs = await runsOf();
    expect(runs.total).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
    await screenshot(page, 'invoice-run-started-1280');

    await page.getByRole('link', { name: 'Volg de voortgang' }).click();
    await page.waitForURL(`**/factuurrondes/${runs.items[0].id}`);
    await page.locator('.status-badge', { hasText: 'Voltooid' }).waitFor({ timeout: 120_000 });
    await screenshot(page, 'invoice-run-1280');
    // The run's documents, paged on the server: 338, the first 50 shown.
    await page.getByText('338 documenten in deze ronde').waitFor();
    expect(await rowTexts(page, 'Documenten van deze ronde')).toHaveLength(50);
    expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
  }, 240_000);

  it('the runs list of the contract shows the run with its documents and total to the cent', async () => {
    const [run] = (await runsOf()).items;
    const contract = (await vng.get(`/api/v1/contracts/${vng2018}`).expect(200)).body as {
      reference: string;
      title: string;
    };
    expect(run).toMatchObject({ status: 'COMPLETED', documentCount: 338 });
    for (const width of [1280, 375]) {
      const page = await portal.newPage({ width });
      await portal.signIn(page, 'vng@demo.nl');
      // On a phone the menu folds away: go there directly.
      if (width === 1280)
        await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Factuurrondes' }).click();
      else await page.goto('/factuurrondes');
      await page.getByRole('heading', { name: 'Factuurrondes', level: 1 }).waitFor();
      await page.getByLabel('Contract').selectOption({ label: `${contract.reference}: ${contract.title}` });
      await page.waitForURL(`**/factuurrondes?contract=${vng2018}`);
      await page.getByText('1 factuurronde met deze filters').waitFor();
      const rows = await rowTexts(page, 'Factuurrondes');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('01-01-2025 t/m 31-12-2025');
      expect(rows[0]).toContain('Factuurronde');
      expect(rows[0]).toContain('Voltooid');
      expect(rows[0]).toContain('338');
      expect(rows[0]).toContain(euro(run.totalCents));
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, `invoice-runs-${width}`);
      // The contract's own tab says the same, and leads to the run.
      await page.goto(`/contracten/${vng2018}/factuurrondes`);
      await page.getByRole('heading', { name: 'Eerdere rondes', level: 2 }).waitFor();
      await page.getByText('1 factuurronde', { exact: true }).waitFor();
      expect(await rowTexts(page, 'Factuurrondes')).toEqual([expect.stringContaining(euro(run.totalCents))]);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('link', { name: '01-01-2025 t/m 31-12-2025' }).click();
      await page.waitForURL(`**/factuurrondes/${run.id}`);
    }
  }, 120_000);

  it('the invoice list sorted by amount, largest first, has Eindhoven first on page 1 of 338; "Assen" finds one invoice', async () => {
    const sorted = (await vng.get(`/api/v1/invoices?year=${YEAR}&sort=-totalCents&limit=1`).expect(200)).body;
    expect(sorted.total).toBe(338);
    const eindhoven = sorted.items[0] as { number: string; municipalityCode: string; totalCents: number };
    expect(eindhoven.municipalityCode).toBe('GM0772');
    const summary = (await vng.get('/api/v1/invoices/summary').expect(200)).body as {
      years: Array<{ year: number; invoiceCount: number; paidCents: number; openCents: number; overdueCents: number }>;
    };
    const thisYear = summary.years.find((y) => y.year === YEAR)!;
    expect(thisYear).toMatchObject({ invoiceCount: 338, paidCents: 0, overdueCents: 0 });

    for (const width of [1280, 375]) {
      const page = await portal.newPage({ width });
      await portal.signIn(page, 'vng@demo.nl');
      if (width === 1280)
        await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Facturen' }).click();
      else await page.goto('/facturen');
      await page.getByRole('heading', { name: 'Facturen', level: 1 }).waitFor();
      await page.getByText(`338 documenten uit ${YEAR}`).waitFor();
      // Sorting on the amount, largest first: the column header, or on a phone (cards, no headers) the select.
      if (width === 1280) await page.getByRole('button', { name: /^Bedrag/ }).click();
      else await page.getByLabel('Sorteren op').selectOption('-totalCents');
      await page.waitForURL(/sort=-totalCents/);
      const caption = `Documenten uit ${YEAR}`;
      await page.locator('th[aria-sort="descending"]', { hasText: 'Bedrag' }).waitFor({ state: 'attached' });
      const first = (await rowTexts(page, caption))[0];
      expect(first).toContain(eindhoven.number);
      expect(first).toContain('Gemeente Eindhoven');
      expect(first).toContain(euro(eindhoven.totalCents));
      expect(await rowTexts(page, caption)).toHaveLength(50);
      await page.getByRole('navigation', { name: 'Paginering' }).getByText(`Pagina 1 van 7`).waitFor();

      // The bars and their table: this year's invoices, to the cent.
      const bars = page.getByRole('table', { name: 'Betaald, open en te laat per jaar (tabel)' });
      const yearRow = plain(await bars.getByRole('row', { name: new RegExp(`^${YEAR}`) }).innerText());
      // A row of cells at 1280 px, a card of lines at 375 px: the same five values.
      expect(
        yearRow
          .split(/[\t\n]+/)
          .map((cell) => cell.trim())
          .filter(Boolean),
      ).toEqual([String(YEAR), '338', euro(0), euro(thisYear.openCents), euro(0)]);
      const chart = plain(await page.locator('.year-bars__chart').innerText());
      expect(chart).toContain(`${YEAR} · 338 facturen`);
      expect(chart).toContain(euro(thisYear.openCents));
      expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
      await screenshot(page, `invoices-${width}`);

      // Searching Assen: type, submit, one row.
      const search = page.getByRole('searchbox', { name: 'Zoek op gemeente, code of factuurnummer' });
      await search.fill('Assen');
      await search.press('Enter');
      await page.getByText(`1 document uit ${YEAR} met “Assen”`).waitFor();
      const found = await rowTexts(page, `Documenten uit ${YEAR} met “Assen”`);
      expect(found).toHaveLength(1);
      expect(found[0]).toContain('Gemeente Assen');
      expect(new URL(page.url()).searchParams.get('q')).toBe('Assen');
      expect(await accessibilityViolations(page)).toEqual([]); // at 1280 and 375 px
      if (width === 375) await screenshot(page, 'invoices-search-375');
    }
  }, 180_000);
});
