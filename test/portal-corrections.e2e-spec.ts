import { join } from 'node:path';
import {
  accessibilityViolations,
  describeInBrowser,
  plain,
  Portal,
  screenshot,
  SCREENSHOT_DIR,
  startPortal,
} from './support/browser';
import { contractId, endParticipation } from './support/demo';
import { Run, startRun } from './support/invoicing';
import { Client, waitForRun } from './support/test-app';

/**
 * Billing follows the facts, as the VNG sees it (issue 13): after the 2025 run, Aa en Hunze's
 * participation ends on 31 August 2025; the contract page shows the difference and its reason,
 * the VNG checks what the correction run will issue, starts it, and follows it to completion.
 */
describeInBrowser('web portal: differences after issue, corrected by a correction run', () => {
  let portal: Portal;
  let vng: Client;
  let vng2018: string;

  beforeAll(async () => {
    portal = await startPortal();
    vng = await portal.t.as('vng@demo.nl');
    vng2018 = await contractId(portal.t, 'VNG-SEN-2018');
    const started = await startRun(vng, vng2018, { year: 2025 });
    expect((await waitForRun<Run>(vng, started.body.id)).status).toBe('COMPLETED');
    await endParticipation(vng, vng2018, 'GM1680', '2025-08-31');
  }, 120_000);
  afterAll(async () => {
    await portal?.close();
  });

  it('the VNG sees -EUR 2,159.65 for Aa en Hunze with the reason, checks the correction run and starts it', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto(`/contracten/${vng2018}/verschillen`);
    const section = page.getByRole('region', { name: 'Verschillen en correcties' });
    await section.getByLabel('Gefactureerd jaar').selectOption('2025');
    const row = section.getByRole('table', { name: 'Verschillen over 2025' }).getByRole('row', { name: /Aa en Hunze/ });
    const text = plain(await row.innerText());
    expect(text).toContain('€ -2.159,65');
    expect(text).toContain('deelname beëindigd per 31-08-2025: 243 van 365 dagen (regel 1)');
    await section.getByRole('button', { name: 'Correctierun voorbereiden' }).click();
    await section.getByRole('heading', { name: 'Controleer de correctierun' }).waitFor();
    expect(plain(await section.locator('.card').innerText())).toContain('1 creditnota voor samen € 2.159,65');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'verschillen-controle');
    // The section itself, as the VNG sees it.
    await section.screenshot({ path: join(SCREENSHOT_DIR, 'verschillen-controle-sectie.png') });
    // Preparing and checking issue nothing: only the invoice run exists until "Correctierun starten".
    const runs = async () =>
      (await vng.get(`/api/v1/invoice-runs?contract=${vng2018}&kind=CORRECTION`).expect(200)).body.total as number;
    expect(await runs()).toBe(0);
    await section.getByRole('button', { name: 'Correctierun starten' }).click();
    await page.getByRole('heading', { name: 'Correctierun gestart', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Wat gebeurt er nu', level: 2 }).waitFor();
    expect(await runs()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'correctierun-gestart');
    await page.getByRole('link', { name: 'Volg de voortgang' }).click();
    await page.getByRole('heading', { name: 'Correctierun 1 januari 2025 t/m 31 december 2025', level: 1 }).waitFor();
    await page.locator('.status-badge', { hasText: 'Voltooid' }).waitFor({ timeout: 60_000 });
    await page.getByText('De correctierun is voltooid: 1 document').waitFor();
    await screenshot(page, 'correctierun');
  });

  it('on a small screen the differences read as well; after the correction there are none', async () => {
    const page = await portal.newPage({ width: 375 });
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto(`/contracten/${vng2018}/verschillen`);
    const section = page.getByRole('region', { name: 'Verschillen en correcties' });
    await section.getByLabel('Gefactureerd jaar').selectOption('2025');
    await section.getByText('Wat over 2025 is gefactureerd, klopt met de gegevens van nu (338 gemeenten).').waitFor();
    await screenshot(page, 'verschillen-geen-375');
  });
});
