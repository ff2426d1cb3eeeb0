import {
  accessibilityViolations,
  accessibleAtBothWidths,
  describeInBrowser,
  Portal,
  screenshot,
  startPortal,
} from './support/browser';
import { sql } from './support/test-database';

// Made-up figures for 1 January 2025 (test data), in the shape of a CBS StatLine export.
const STATLINE_2025 = [
  '"ID";"Geslacht";"Leeftijd";"RegioS";"Perioden";"BevolkingOp1Januari_1"',
  '"0";"T001038";"10000";"NL01      ";"2025JJ00";"  18000000"',
  '"1";"T001038";"10000";"GM0014    ";"2025JJ00";"    240000"',
  '"2";"T001038";"10000";"GM0106    ";"2025JJ00";"     70000"',
].join('\r\n');

describeInBrowser('web portal: the operator loads CBS figures and billing details, checked before applied', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  const figures2025 = async () =>
    (
      await sql<{ count: number }>(
        portal.t.databaseUrl,
        `SELECT count(*)::int AS count FROM population_figure WHERE reference_date = '2025-01-01'`,
      )
    )[0].count;

  it('a StatLine file: the report first (nothing written), then Toepassen loads it', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'operator@demo.nl');
    await page.getByRole('link', { name: 'Gegevens laden' }).click();
    await page.getByRole('heading', { name: 'Gegevens laden', level: 1 }).waitFor();
    await accessibleAtBothWidths(page, 'gegevens-laden');
    const population = page.getByRole('region', { name: 'Bevolkingscijfers van het CBS' });
    await population.getByLabel('Bestand (CSV)').setInputFiles({
      name: 'bevolking-2025.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(STATLINE_2025),
    });
    await population.getByText('Het bestand bevolking-2025.csv is gecontroleerd en nog niet toegepast.').waitFor();
    const changes = population.getByRole('table', { name: 'Wijzigingen per gemeente' });
    await expect(changes.getByRole('row', { name: /Assen/ }).textContent()).resolves.toContain('70.000');
    expect(await figures2025()).toBe(0);
    await accessibleAtBothWidths(page, 'gegevens-laden-controle');

    await population.getByRole('button', { name: 'Toepassen' }).click();
    await population.getByText('De bevolkingscijfers zijn geladen: 2 wijzigingen.').waitFor();
    expect(await figures2025()).toBe(2);
    await accessibleAtBothWidths(page, 'gegevens-laden-toegepast');
  });

  it('a billing-details file with a wrong postal code: every problem with its line, nothing saved', async () => {
    const page = await portal.newPage({ width: 375 });
    await portal.signIn(page, 'operator@demo.nl');
    await page.goto(`${portal.baseUrl}/gegevens-laden`);
    const billing = page.getByRole('region', { name: 'Factuurgegevens van gemeenten' });
    await billing.getByLabel('Bestand (CSV)').setInputFiles({
      name: 'factuurgegevens.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'code,oin,kvkNumber,street,postalCode,city,invoiceEmail\nGM0106,,,Noordersingel 33,94 JW,Assen,\n',
      ),
    });
    await billing.getByText('Het bestand is niet geladen').waitFor();
    const problems = billing.getByRole('table', { name: 'Problemen in het bestand' });
    await expect(problems.getByRole('row', { name: /Postcode/ }).textContent()).resolves.toContain(
      '"94 JW" is geen Nederlandse postcode zoals 9401 JW.',
    );
    await accessibleAtBothWidths(page, 'gegevens-laden-problemen');
  });

  it('a reorganisation: the operator sees what starts, ends and rolls over, applies it; the VNG follows the notification and takes the roll-over', async () => {
    const next = new Date().getFullYear() + 1;
    // MADE-UP TEST DATA: no law merges Aa en Hunze and Borger-Odoorn into "Hunzedal" (GM1999).
    const file = [
      'effective_date,old_code,new_code,new_name,new_province_code,relation,evidence_source',
      `${next}-01-01,GM1680,GM1999,Hunzedal,PV22,merged_into_new,https://example.org/test`,
      `${next}-01-01,GM1681,GM1999,Hunzedal,PV22,merged_into_new,https://example.org/test`,
    ].join('\n');
    const page = await portal.newPage();
    await portal.signIn(page, 'operator@demo.nl');
    await page.goto(`${portal.baseUrl}/gegevens-laden`);
    const region = page.getByRole('region', { name: 'Herindelingen van gemeenten' });
    await region
      .getByLabel('Bestand (CSV)')
      .setInputFiles({ name: 'herindeling.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await region.getByText('Het bestand herindeling.csv is gecontroleerd en nog niet toegepast.').waitFor();
    await expect(
      region
        .getByRole('table', { name: 'Nieuwe gemeenten' })
        .getByRole('row', { name: /Hunzedal/ })
        .textContent(),
    ).resolves.toContain('PV22');
    const rollOvers = region.getByRole('table', { name: 'Overname van de deelname per contract' });
    await expect(rollOvers.getByRole('row', { name: /VNG-SEN-2018/ }).textContent()).resolves.toContain(
      `Hunzedal (GM1999) vanaf 1 januari ${next}, van Aa en Hunze (GM1680) en Borger-Odoorn (GM1681)`,
    );
    await accessibleAtBothWidths(page, 'gegevens-laden-herindeling');
    await region.getByRole('button', { name: 'Toepassen' }).click();
    await region
      .getByText(`De herindeling per 1 januari ${next} is geladen; 2 contractbeheerder(s) kregen een melding.`)
      .waitFor();

    const vng = await portal.newPage({ width: 375 });
    await portal.signIn(vng, 'vng@demo.nl');
    await vng.goto(`${portal.baseUrl}/meldingen`);
    const notification = vng
      .locator('.notification')
      .filter({ hasText: `Herindeling per 01-01-${next}: deelname overnemen in VNG-SEN-2018` });
    await notification.getByRole('link', { name: /^Openen/ }).click();
    await vng.getByRole('heading', { name: 'Herindeling overnemen', level: 1 }).waitFor();
    await vng.getByLabel('Jaar van de herindeling').fill(String(next));
    await vng.getByRole('button', { name: 'Herindeling overnemen' }).click();
    await vng.getByText(`GM1999 neemt deel vanaf 1 januari ${next} (voorheen GM1680, GM1681).`).waitFor();
    expect(await accessibilityViolations(vng)).toEqual([]);
    await screenshot(vng, 'herindeling-overnemen-375');
  });
});
