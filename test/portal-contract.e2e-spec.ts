import type { Page } from 'playwright-core';
import { accessibilityViolations, describeInBrowser, plain, Portal, screenshot, startPortal } from './support/browser';
import { contractId } from './support/demo';
import { Run, startRun } from './support/invoicing';
import type { Client } from './support/test-app';
import { waitForRun } from './support/test-app';

/** No axe violation at 1280 px and at 375 px wide, then back to 1280; with screenshots at both widths when named. */
async function accessibleAtBothWidths(page: Page, name?: string): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
  if (!name) return;
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 375, height: 800 });
  await screenshot(page, `${name}-375`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * The contract as the VNG's contract manager works with it (issue 15): a summary with sub-pages
 * at their own addresses, participants a page at a time from the server (today's by default), and
 * the irreversible tasks through a check-your-answers page before anything is saved.
 */
describeInBrowser('web portal: a contract, its participants and its tasks (VNG contract manager)', () => {
  let portal: Portal;
  let vng: Client;
  let vng2018: string;

  const participation = async (code: string) =>
    (await vng.get(`/api/v1/contracts/${vng2018}/participants?status=all&q=${code}`).expect(200)).body.items as Array<{
      code: string;
      from: string;
      to: string | null;
    }>;

  beforeAll(async () => {
    portal = await startPortal();
    vng = await portal.t.as('vng@demo.nl');
    vng2018 = await contractId(portal.t, 'VNG-SEN-2018');
    // 2025 is invoiced, so ending a participation within 2025 reaches issued invoices.
    const started = await startRun(vng, vng2018, { year: 2025 });
    expect((await waitForRun<Run>(vng, started.body.id)).status).toBe('COMPLETED');
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('the contract list counts "338 deelnemers"; the contract opens on its summary with tabs at their own addresses', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contracten' }).click();
    await page.getByRole('heading', { name: 'Contracten', level: 1 }).waitFor();
    const row = page.getByRole('table', { name: 'Contracten' }).getByRole('row', { name: /VNG-SEN-2018/ });
    expect(plain(await row.innerText())).toContain('338 deelnemers');
    await accessibleAtBothWidths(page, 'contracten');

    await page.getByRole('link', { name: 'VNG-SEN-2018' }).click();
    await page.getByRole('heading', { name: /^VNG-SEN-2018: /, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/contracten/${vng2018}`);
    const counts = page.getByRole('region', { name: 'In aantallen' });
    await counts.getByRole('link', { name: '338 gemeenten' }).waitFor();
    expect(plain(await counts.innerText())).toContain('4 gemeenten');
    const tabs = page.getByRole('navigation', { name: 'Onderdelen van het contract' });
    expect(await tabs.getByRole('link').allInnerTexts()).toEqual([
      'Samenvatting',
      'Deelnemers',
      'Uitzonderingen',
      'Wijzigingen',
      'Verschillen',
      'Factuurrondes',
    ]);
    expect(await tabs.getByRole('link', { name: 'Samenvatting' }).getAttribute('aria-current')).toBe('page');
    // A summary, not 22,000 px of every participant.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3000);
    await accessibleAtBothWidths(page, 'contract');

    await tabs.getByRole('link', { name: 'Uitzonderingen' }).click();
    await page.waitForURL(`**/contracten/${vng2018}/uitzonderingen`);
    const exceptions = page.getByRole('table', { name: /Gemeenten die niet deelnemen/ });
    expect(await exceptions.locator('tbody tr').count()).toBe(4);
    expect(plain(await exceptions.innerText())).toContain('Amsterdam (GM0363)');
    await accessibleAtBothWidths(page);

    await tabs.getByRole('link', { name: 'Wijzigingen' }).click();
    await page.waitForURL(`**/contracten/${vng2018}/wijzigingen`);
    await page.getByRole('link', { name: 'Contract wijzigen' }).waitFor();
    await accessibleAtBothWidths(page);
  });

  it('the participants list shows those taking part today (338) by default, a page at a time; "Assen" is found in one step', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto(`/contracten/${vng2018}/deelnemers`);
    const table = page.getByRole('table', { name: 'Gemeenten die vandaag deelnemen' });
    await table.waitFor();
    await page.getByText('338 deelnames', { exact: true }).waitFor();
    expect(await page.getByLabel('Welke deelnames').inputValue()).toBe('active');
    expect(await table.locator('tbody tr').count()).toBe(50);
    await page.getByRole('navigation', { name: 'Paginering' }).getByText('Pagina 1 van 7').waitFor();
    await accessibleAtBothWidths(page, 'participants');

    // Every participation, including those that ended with a merger: more than today's.
    await page.getByLabel('Welke deelnames').selectOption('all');
    await page.getByRole('table', { name: 'Alle deelnames' }).waitFor();
    const all = (await vng.get(`/api/v1/contracts/${vng2018}/participants?status=all&limit=1`).expect(200)).body
      .total as number;
    expect(all).toBeGreaterThan(338);
    await page.getByText(`${all.toLocaleString('nl-NL')} deelnames`, { exact: true }).waitFor();
    await page.getByLabel('Welke deelnames').selectOption('active');

    await page.getByRole('searchbox', { name: 'Zoek een gemeente (naam of code)' }).fill('Assen');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('2 deelnames voor “Assen”').waitFor();
    const rows = (await table.locator('tbody tr').allInnerTexts()).map(plain);
    expect(rows[0]).toMatch(/^Assen\s+GM0106\s+01-01-2018\s+geen einddatum\s+Aanmelding/);
    expect(rows[1]).toContain('Wassenaar');
    expect(new URL(page.url()).search).toBe('?q=Assen');
    await accessibleAtBothWidths(page);
  });

  it('ends Aa en Hunze per 31 August 2025 through a check page (nothing saved before "Bevestigen"); the confirmation names what was billed too much', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto(`/contracten/${vng2018}/deelnemers?q=GM1680`);
    await page.getByRole('link', { name: 'Beëindigen deelname Aa en Hunze' }).click();
    await page.getByRole('heading', { name: 'Deelname beëindigen', level: 1 }).waitFor();
    const endDate = page.getByLabel('Laatste dag van deelname');

    // Nothing filled in: a Dutch message at the field.
    await page.getByRole('button', { name: 'Doorgaan' }).click();
    await page
      .locator('.utrecht-form-field-error-message', { hasText: 'Vul de laatste dag van deelname in.' })
      .waitFor();
    expect(await endDate.getAttribute('aria-invalid')).toBe('true');
    await accessibleAtBothWidths(page);

    await endDate.fill('2025-08-31');
    await page.getByRole('button', { name: 'Doorgaan' }).click();
    const check = page.getByRole('heading', { name: 'Controleer het einde van de deelname', level: 1 });
    await check.waitFor();
    const answers = plain(await page.locator('.check-answers').innerText());
    expect(answers).toContain('Aa en Hunze (GM1680)');
    expect(answers).toContain('31 augustus 2025');
    // Nothing is saved yet.
    expect((await participation('GM1680'))[0]).toMatchObject({ to: null });

    // "Wijzigen" goes back to the form with the date kept.
    await page.getByRole('button', { name: 'Wijzigen laatste dag van deelname' }).click();
    expect(await page.getByLabel('Laatste dag van deelname').inputValue()).toBe('2025-08-31');
    await page.getByRole('button', { name: 'Doorgaan' }).click();
    await check.waitFor();
    await accessibleAtBothWidths(page, 'end-participant-check');
    expect((await participation('GM1680'))[0]).toMatchObject({ to: null });

    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { name: 'Deelname beëindigd', level: 1 }).waitFor();
    const done = plain(await page.locator('main').innerText());
    expect(done).toContain('Aa en Hunze (GM1680) neemt deel tot en met 31 augustus 2025.');
    expect(done).toContain(
      'Er is € 2.159,65 te veel gefactureerd (excl. btw). Stichting Sensoor en Vereniging van Nederlandse Gemeenten zijn op de hoogte gebracht. Een correctieronde maakt de creditnota.',
    );
    expect((await participation('GM1680'))[0]).toMatchObject({ to: '2025-08-31' });
    await accessibleAtBothWidths(page, 'end-participant-done');

    // No longer among those taking part today; still under "Beëindigd".
    await page.getByRole('link', { name: 'Terug naar de deelnemers' }).click();
    await page.getByRole('searchbox', { name: 'Zoek een gemeente (naam of code)' }).fill('Aa en Hunze');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('0 deelnames voor “Aa en Hunze”').waitFor();
    await page.getByLabel('Welke deelnames').selectOption('ended');
    await page.getByText('1 deelname voor “Aa en Hunze”').waitFor();
    expect(plain(await page.getByRole('table', { name: 'Beëindigde deelnames' }).innerText())).toContain('31-08-2025');
    await accessibleAtBothWidths(page);
  });

  it('an amendment goes through a check page; the API refusing an end date shows at that field, and a new tariff is confirmed', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto(`/contracten/${vng2018}/wijzigingen`);
    await page.getByRole('link', { name: 'Contract wijzigen' }).click();
    await page.getByRole('heading', { name: 'Contract wijzigen', level: 1 }).waitFor();
    await page.getByLabel('Ingangsdatum').fill('2027-01-01');
    await page.getByLabel('Nieuwe einddatum (niet verplicht)').fill('2017-12-31');
    await page.getByLabel('Reden').fill('Einddatum (verkeerd)');
    await page.getByRole('button', { name: 'Doorgaan' }).click();
    await page.getByRole('heading', { name: 'Controleer de wijziging', level: 1 }).waitFor();
    expect(plain(await page.locator('.check-answers').innerText())).toContain('31 december 2017');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    // The API's 400 on endDate, back at the field it names, in Dutch.
    await page
      .locator('.utrecht-form-field-error-message', {
        hasText: 'De einddatum mag niet vóór het begin van het contract liggen.',
      })
      .waitFor();
    expect(await page.getByLabel('Nieuwe einddatum (niet verplicht)').getAttribute('aria-invalid')).toBe('true');
    await accessibleAtBothWidths(page);

    await page.getByLabel('Nieuwe einddatum (niet verplicht)').fill('');
    await page.getByLabel('Nieuw tarief per inwoner per jaar (niet verplicht)').fill('0,26');
    await page.getByLabel('Reden').fill('Indexatie tarief 2027');
    await page.getByRole('button', { name: 'Doorgaan' }).click();
    await page.getByRole('heading', { name: 'Controleer de wijziging', level: 1 }).waitFor();
    const answers = plain(await page.locator('.check-answers').innerText());
    expect(answers).toContain('1 januari 2027');
    expect(answers).toContain('€ 0,26');
    expect((await vng.get(`/api/v1/contracts/${vng2018}/amendments`).expect(200)).body).toEqual([]);
    await accessibleAtBothWidths(page, 'amendment-check');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { name: 'Wijziging vastgelegd', level: 1 }).waitFor();
    const done = plain(await page.locator('main').innerText());
    expect(done).toContain('Wijziging 1 gaat in op 1 januari 2027.');
    expect(done).toContain('er hoeft niets gecorrigeerd te worden');
    expect((await vng.get(`/api/v1/contracts/${vng2018}/amendments`).expect(200)).body).toEqual([
      expect.objectContaining({ number: 1, effectiveDate: '2027-01-01', reason: 'Indexatie tarief 2027' }),
    ]);
    await accessibleAtBothWidths(page);
  });

  it('terminating the contract goes through a check page; nothing changes before "Bevestigen"', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto(`/contracten/${vng2018}`);
    await page
      .getByRole('region', { name: 'Wat u kunt doen' })
      .getByRole('link', { name: 'Contract beëindigen' })
      .click();
    await page.getByRole('heading', { name: 'Contract beëindigen', level: 1 }).waitFor();
    await page.getByLabel('Laatste dag van het contract').fill('2027-06-30');
    await page.getByLabel('Reden').fill('Opgezegd per 1 juli 2027');
    await page.getByRole('button', { name: 'Doorgaan' }).click();
    await page.getByRole('heading', { name: 'Controleer de beëindiging van het contract', level: 1 }).waitFor();
    const answers = plain(await page.locator('.check-answers').innerText());
    expect(answers).toContain('30 juni 2027');
    expect(answers).toContain('Opgezegd per 1 juli 2027');
    expect((await vng.get(`/api/v1/contracts/${vng2018}`).expect(200)).body).toMatchObject({
      status: 'ACTIVE',
      endDate: null,
    });
    await accessibleAtBothWidths(page, 'terminate-check');

    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { name: 'Contract beëindigd', level: 1 }).waitFor();
    expect(plain(await page.locator('main').innerText())).toContain(
      'VNG-SEN-2018 dekt de gemeenten tot en met 30 juni 2027.',
    );
    expect((await vng.get(`/api/v1/contracts/${vng2018}`).expect(200)).body).toMatchObject({
      status: 'TERMINATED',
      endDate: '2027-06-30',
    });
    await accessibleAtBothWidths(page);
  });
});
