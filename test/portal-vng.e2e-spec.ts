import { readFileSync } from 'node:fs';
import {
  accessibilityViolations,
  describeInBrowser,
  plain,
  Portal,
  rowTexts,
  screenshot,
  startPortal,
} from './support/browser';
import type { Client } from './support/test-app';

interface ContractSummary {
  id: string;
  reference: string;
}

describeInBrowser('web portal: contracts, invoice runs and the national overview (VNG, provider)', () => {
  let portal: Portal;
  let vng: Client;
  let vng2018: string;

  beforeAll(async () => {
    portal = await startPortal();
    vng = await portal.t.as('vng@demo.nl');
    const contracts = (await vng.get('/api/v1/contracts?limit=500').expect(200)).body.items as ContractSummary[];
    vng2018 = contracts.find((c) => c.reference === 'VNG-SEN-2018')!.id;
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('VNG: Contracten lists its contracts; the collective contract shows its tariff, participants and exceptions', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contracten' }).click();
    await page.getByRole('heading', { name: 'Contracten', level: 1 }).waitFor();
    const rows = await rowTexts(page, 'Contracten');
    const apiTotal = (await vng.get('/api/v1/contracts?limit=500').expect(200)).body.total as number;
    expect(rows).toHaveLength(apiTotal);
    const collective = rows.find((row) => row.includes('VNG-SEN-2018'))!;
    expect(collective).toContain('Stichting Sensoor');
    expect(collective).toContain('€ 0,25');
    expect(collective).toContain('Actief');
    expect(collective).toContain('vanaf 1 januari 2018');
    expect(collective).toContain('Factuur aan elke gemeente');
    expect(collective).toContain('338 deelnemers');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'contracten');

    await page.getByRole('link', { name: 'VNG-SEN-2018' }).click();
    await page.getByRole('heading', { name: /^VNG-SEN-2018: Luisterend oor vanaf 2018/, level: 1 }).waitFor();
    expect(await rowTexts(page, 'Tarief per inwoner per jaar (excl. btw)')).toEqual([
      expect.stringContaining('€ 0,25'),
    ]);
    const participants = (await vng.get(`/api/v1/contracts/${vng2018}/participants`).expect(200)).body.total as number;
    await page.getByRole('link', { name: `${participants} gemeenten` }).click();
    await page.getByText(`${participants} deelnames`, { exact: true }).waitFor();
    await page.getByRole('searchbox', { name: 'Zoek een gemeente (naam of code)' }).fill('GM0106');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('1 deelname voor “GM0106”').waitFor();
    expect(await rowTexts(page, 'Gemeenten die vandaag deelnemen')).toEqual([
      expect.stringMatching(/Assen\s+GM0106\s+01-01-2018\s+geen einddatum\s+Aanmelding/),
    ]);
    // The G4 are excepted, with their reason.
    await page
      .getByRole('navigation', { name: 'Onderdelen van het contract' })
      .getByRole('link', { name: 'Uitzonderingen' })
      .click();
    const exceptions = await rowTexts(page, 'Gemeenten die niet deelnemen (4 gemeenten)');
    expect(exceptions).toHaveLength(4);
    expect(exceptions.join('\n')).toContain('Amsterdam (GM0363)');
    expect(exceptions.join('\n')).toContain('G4: eigen contract');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('VNG: enrols a municipality that no longer takes part; an excepted one is refused next to the field, in Dutch', async () => {
    // Assen leaves the contract at the end of 2025 (through the API), so it can be enrolled again from 2026.
    await vng.delete(`/api/v1/contracts/${vng2018}/participants/GM0106?endDate=2025-12-31`).expect(200);
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto(`/contracten/${vng2018}/deelnemers`);
    await page.getByRole('link', { name: 'Gemeenten aanmelden' }).click();
    await page.getByRole('heading', { name: 'Gemeenten aanmelden', level: 1 }).waitFor();
    const municipalities = page.getByLabel('Gemeenten', { exact: true });
    const from = page.getByLabel('Deelname vanaf');
    const submit = page.getByRole('button', { name: 'Gemeenten aanmelden' });

    // Nothing filled in: Dutch messages next to the fields and a summary.
    await submit.click();
    const fieldError = (text: string) => page.locator('.utrecht-form-field-error-message', { hasText: text });
    await fieldError('Vul ten minste één gemeentecode of gemeentenaam in.').waitFor();
    await fieldError('Vul in vanaf welke datum de gemeente deelneemt.').waitFor();
    expect(await municipalities.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').filter({ hasText: 'Controleer het formulier' }).count()).toBe(1);

    // Amsterdam is excepted (G4): the API's 409 with its reason, in Dutch, at the field.
    await municipalities.fill('GM0363');
    await from.fill('2026-01-01');
    await submit.click();
    await fieldError(
      'GM0363 is uitgezonderd van dit contract: G4: eigen contract met hoger tarief en aanvullende diensten.',
    ).waitFor();
    expect(await municipalities.getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Assen by name: enrolled, announced, and in the list of every participation.
    await municipalities.fill('Assen');
    await submit.click();
    await page.getByText('Assen (GM0106) neemt deel vanaf 1 januari 2026.').waitFor();
    expect(await municipalities.getAttribute('aria-invalid')).toBeNull();
    await page.goto(`/contracten/${vng2018}/deelnemers?status=all&q=GM0106&sort=from`);
    await page.getByRole('table', { name: 'Alle deelnames' }).getByText('01-01-2026').waitFor();
    const assen = await rowTexts(page, 'Alle deelnames');
    expect(assen).toEqual([
      expect.stringMatching(/01-01-2018\s+31-12-2025/),
      expect.stringMatching(/01-01-2026\s+geen einddatum/),
    ]);
    const api = (await vng.get(`/api/v1/contracts/${vng2018}/participants?status=all&q=GM0106`).expect(200)).body
      .items as Array<{
      code: string;
      from: string;
      to: string | null;
    }>;
    expect(api.filter((p) => p.code === 'GM0106')).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: '2026-01-01', to: null })]),
    );
  });

  it('VNG: starts the 2025 invoice run, follows it to completion, downloads its documents; the same period again is refused in Dutch', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto(`/contracten/${vng2018}/factuurrondes`);
    await page.getByRole('heading', { name: 'Factuurronde starten', level: 2 }).waitFor();
    // 2026 bills on the CBS figures of 1 January 2025, which the demo does not have: the form says so.
    await page.getByLabel('Jaar', { exact: true }).selectOption('2026');
    await page.getByText('Deze ronde rekent met de inwonertallen van het CBS op 1 januari 2025.').waitFor();
    await page.getByLabel('Jaar', { exact: true }).selectOption('2025');
    // Before it starts: the test addresses give every municipality an address but none an OIN, and the form says so.
    await page.getByText('338 van 338 gemeenten hebben een factuuradres. 0 kunnen een e-factuur krijgen').waitFor();
    expect(await page.getByRole('link', { name: 'Gegevens laden' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'factuurronde-gereedheid');
    // Check, then start, then the confirmation: only "Factuurronde starten" on the check page starts the run.
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('heading', { name: 'Controleer de factuurronde', level: 1 }).waitFor();
    expect((await vng.get(`/api/v1/invoice-runs?contract=${vng2018}`).expect(200)).body.total).toBe(0);
    await page.getByRole('button', { name: 'Factuurronde starten' }).click();
    await page.getByRole('heading', { name: 'Factuurronde gestart', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Volg de voortgang' }).click();
    await page.waitForURL(/\/factuurrondes\/[0-9a-f-]{36}$/);
    const runId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: 'Factuurronde 1 januari 2025 t/m 31 december 2025', level: 1 }).waitFor();
    await page.locator('.status-badge', { hasText: 'Voltooid' }).waitFor({ timeout: 120_000 });

    const run = (await vng.get(`/api/v1/invoice-runs/${runId}`).expect(200)).body as {
      status: string;
      documentCount: number;
      totalCents: number;
      progress: { done: number; total: number };
    };
    expect(run).toMatchObject({ status: 'COMPLETED', documentCount: 338, progress: { done: 338, total: 338 } });
    const count = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
    const documents = count(run.documentCount);
    await page.getByText(`${documents} van ${documents} gemeenten verwerkt (100%)`).waitFor();
    const progress = page.getByRole('progressbar');
    expect(await progress.getAttribute('value')).toBe(String(run.documentCount));
    expect(await progress.getAttribute('max')).toBe(String(run.documentCount));
    expect(await progress.getAttribute('aria-valuetext')).toBe(`${documents} van ${documents} gemeenten verwerkt`);
    const total = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(run.totalCents / 100);
    expect(
      plain(await page.getByRole('status').filter({ hasText: 'De factuurronde is voltooid' }).innerText()),
    ).toContain(`De factuurronde is voltooid: ${documents} documenten met samen ${plain(total)}.`);
    expect(await page.getByRole('link', { name: 'Naar Facturen' }).getAttribute('href')).toBe('/facturen');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'factuurronde');
    // The demo's municipalities lack billing details (OIN, address...): listed, by name.
    const gaps = (await vng.get(`/api/v1/invoice-runs/${runId}`).expect(200)).body.gapCount as number;
    expect(gaps).toBeGreaterThan(10);
    await page.getByText(`${count(gaps)} gemeenten hebben onvolledige factuurgegevens.`).waitFor();
    await page.getByText(`Toon de ${count(gaps)} gemeenten`).click();
    await page.getByRole('table', { name: 'Gemeenten met onvolledige factuurgegevens' }).waitFor();
    expect(
      (await rowTexts(page, 'Gemeenten met onvolledige factuurgegevens')).some(
        (row) => row.includes('Assen') && row.includes('GM0106'),
      ),
    ).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Alle documenten downloaden (ZIP)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^factuurrun-2025-01-01-[0-9a-f]{8}\.zip$/);
    const zip = readFileSync(await download.path());
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');

    // The same year again: the existing run, no new documents.
    await page.goto(`/contracten/${vng2018}/factuurrondes`);
    await page.getByRole('heading', { name: 'Factuurronde starten', level: 2 }).waitFor();
    await page.getByLabel('Jaar', { exact: true }).selectOption('2025');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('button', { name: 'Factuurronde starten' }).click();
    await page.getByText('Deze periode heeft al een factuurronde').waitFor();
    expect(await page.getByRole('link', { name: 'Bekijk de factuurronde' }).getAttribute('href')).toBe(
      `/factuurrondes/${runId}`,
    );

    // An overlapping period (the first quarter of 2025): the API's 409, in Dutch with the reason.
    await page.getByRole('link', { name: 'Terug naar het contract' }).click();
    await page.getByLabel('Een andere periode (bijvoorbeeld een kwartaal)').check();
    await page.getByLabel('Eerste dag').fill('2025-01-01');
    await page.getByLabel('Laatste dag').fill('2025-03-31');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('heading', { name: 'Controleer de factuurronde', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Factuurronde starten' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'De factuurronde is niet gestart' });
    await refusal.getByText('in de factuurronde over', { exact: false }).waitFor();
    expect(await refusal.innerText()).toContain(
      'Een deel van deze periode is al gefactureerd in de factuurronde over 1 januari 2025 t/m 31 december 2025.',
    );
    expect(await refusal.getByRole('link', { name: 'Bekijk die factuurronde' }).getAttribute('href')).toBe(
      `/factuurrondes/${runId}`,
    );
    expect((await vng.get(`/api/v1/invoices?run=${runId}&limit=1`).expect(200)).body.total).toBe(338);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 180_000);

  // The national overview (list, tile map, honest totals): portal-overview.e2e-spec.

  it('works at 320 px wide: the overview, the contracts and a contract without sideways scrolling of the page', async () => {
    const page = await portal.newPage({ width: 320, height: 640 });
    // A string, so that the spec type-checks without the DOM library.
    const pageWidth = () => page.evaluate<number>('document.documentElement.scrollWidth');
    await portal.signIn(page, 'vng@demo.nl');
    await page.goto('/overzicht?jaar=2025');
    await page.getByRole('heading', { name: 'Stand 2025 in Nederland' }).waitFor();
    await page.getByRole('table', { name: 'Gemeenten per provincie, 2025' }).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(320);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'overzicht-320');

    await page.goto('/contracten');
    await page.getByRole('link', { name: 'VNG-SEN-2018' }).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(320);
    await page.getByRole('link', { name: 'VNG-SEN-2018' }).click();
    await page.getByRole('region', { name: 'Gegevens' }).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(320);
    await page.goto(`/contracten/${vng2018}/deelnemers`);
    await page.getByRole('table', { name: 'Gemeenten die vandaag deelnemen' }).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(320);
  });

  it('a provider (Sensoor) sees the contracts it supplies, and no others', async () => {
    const sensoor = await portal.t.as('sensoor@demo.nl');
    const own = (await sensoor.get('/api/v1/contracts?limit=500').expect(200)).body.items as ContractSummary[];
    expect(own.map((c) => c.reference).sort()).toEqual(['VNG-SEN-2015', 'VNG-SEN-2018']);
    const page = await portal.newPage();
    await portal.signIn(page, 'sensoor@demo.nl');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contracten' }).click();
    await page.getByRole('heading', { name: 'Contracten', level: 1 }).waitFor();
    await page.getByText('De contracten waarin uw organisatie de dienst levert.', { exact: false }).waitFor();
    await page.getByText('2 contracten', { exact: true }).waitFor();
    const rows = await rowTexts(page, 'Contracten');
    expect(rows).toHaveLength(2);
    expect(rows.join('\n')).toContain('VNG-SEN-2018');
    expect(rows.join('\n')).toContain('VNG-SEN-2015');
    expect(rows.join('\n')).not.toContain('GM0363-LUISTEREND-OOR');
    // Its overview: the municipalities it serves.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gemeenten' }).click();
    await page.getByRole('heading', { name: 'Gemeenten', level: 1 }).waitFor();
    await page.getByRole('table', { name: /^Gemeenten \d{4}$/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
