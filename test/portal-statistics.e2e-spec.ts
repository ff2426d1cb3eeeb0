import { addDays, dutchDate, todayInAmsterdam } from '@wmo/domain';
import { describeInBrowser, Portal, screenshot, accessibilityViolations, startPortal } from './support/browser';
import { sql } from './support/test-database';

describeInBrowser('web portal: provider service figures and notifications', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal();
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('a provider sees its national figures per year (2016: 253.777 conversations) and records new ones', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'sensoor@demo.nl');
    await page.getByRole('link', { name: 'Dienstcijfers' }).click();
    await page.getByRole('heading', { name: 'Dienstcijfers', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: /Gesprekken per jaar/ });
    await expect(table.getByRole('row', { name: /2016/ }).textContent()).resolves.toContain('253.777');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A wrong figure: the message is Dutch, next to the field, and nothing is recorded.
    await page.getByRole('textbox', { name: 'Jaar', exact: true }).fill('2024');
    await page.getByLabel('Telefoon: gesprekken').fill('1000');
    await page.getByLabel('Telefoon: beantwoord').fill('1200');
    await page.getByRole('button', { name: 'Cijfers vastleggen' }).click();
    await page.getByText('Er kunnen niet meer gesprekken beantwoord zijn dan er gevoerd zijn.').waitFor();
    expect(await page.getByLabel('Telefoon: beantwoord').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Telefoon: beantwoord').fill('900');
    await page.getByLabel('Chat: gesprekken').fill('250');
    await page.getByLabel('Bron (optioneel)').fill('Jaarverslag 2024 (illustratief)');
    await page.getByRole('button', { name: 'Cijfers vastleggen' }).click();
    await page
      .getByText('De cijfers over 1 januari 2024 t/m 31 december 2024 zijn vastgelegd: 1.250 gesprekken.')
      .waitFor();
    await expect(table.getByRole('row', { name: /2024/ }).textContent()).resolves.toContain('1.250');
    await screenshot(page, 'dienstcijfers');

    const me = await portal.t.as('sensoor@demo.nl');
    const providerId = (await me.get('/api/v1/me')).body.organisation.id as string;
    const stats = await me.get(`/api/v1/providers/${providerId}/statistics`).expect(200);
    expect(stats.body.yearlyTotals.find((year: { year: number }) => year.year === 2024)).toMatchObject({
      totalConversations: 1250,
      channels: [
        { kind: 'PHONE', conversations: 1000, answered: 900 },
        { kind: 'CHAT', conversations: 250, answered: null },
      ],
    });
  });

  it('shows the conversations per year as a chart (inline SVG) with the same figures in a table, at 1280 and 375 px', async () => {
    for (const width of [1280, 375]) {
      const page = await portal.newPage({ width });
      await portal.signIn(page, 'sensoor@demo.nl');
      await page.goto('/statistieken');
      await page.getByRole('heading', { name: 'Dienstcijfers', level: 1 }).waitFor();
      const chart = page.getByRole('img', { name: 'Gesprekken per jaar, Stichting Sensoor' });
      await expect(chart.locator('desc').textContent()).resolves.toContain('2016: 253.777 gesprekken');
      await expect(chart.locator('text.year-chart__value').allTextContents()).resolves.toContain('253.777');
      const table = page.getByRole('table', { name: 'Gesprekken per jaar en kanaal, Stichting Sensoor' });
      const row2016 = await table.getByRole('row', { name: /2016/ }).innerText();
      for (const figure of ['233.866', '18.713', '1.198', '253.777']) expect(row2016).toContain(figure);
      // One bar per year with figures, as many as the table has rows; no bar for a year without figures.
      expect(await chart.locator('rect.year-chart__bar').count()).toBe(await table.locator('tbody tr').count());
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, `statistics-${width}`);
    }
  });

  it('an officer reads the notification that coverage ends soon and marks it as read', async () => {
    // Assen's participation ends in 30 days without a successor: the evaluation notifies Assen.
    const coverageEnds = addDays(todayInAmsterdam(), 30);
    const vng = await portal.t.as('vng@demo.nl');
    const [{ id: contractId }] = await sql<{ id: string }>(
      portal.t.databaseUrl,
      `SELECT id FROM contract WHERE reference = 'VNG-SEN-2018'`,
    );
    await vng.delete(`/api/v1/contracts/${contractId}/participants/GM0106?endDate=${coverageEnds}`).expect(200);
    await (await portal.t.as('operator@demo.nl')).post('/api/v1/compliance/evaluations').expect(200);

    const page = await portal.newPage();
    await portal.signIn(page, 'officer.gm0106@demo.nl');
    // The menu says there is one unread notification (a number, and words for screen readers).
    const menuItem = page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Meldingen 1 ongelezen' });
    await menuItem.waitFor();
    await menuItem.click();
    await page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
    await page.getByText('1 melding — in totaal 1 ongelezen').waitFor();
    const item = page.getByRole('listitem').filter({ hasText: 'Dekking eindigt' });
    await expect(item.getByRole('heading').textContent()).resolves.toContain(dutchDate(coverageEnds));
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'meldingen');
    await item.getByRole('button', { name: /Markeer als gelezen/ }).click();
    await page.getByText('1 melding — in totaal 0 ongelezen').waitFor();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Meldingen', exact: true })
      .waitFor();
    await page.getByLabel('Tonen').selectOption({ label: 'Alleen ongelezen' });
    await page.getByText('U heeft geen ongelezen meldingen.').waitFor();
    const officer = await portal.t.as('officer.gm0106@demo.nl');
    expect((await officer.get('/api/v1/notifications').expect(200)).body).toMatchObject({
      total: 1,
      unread: 0,
      items: [{ kind: 'COVERAGE_ENDING', readAt: expect.any(String) }],
    });
  });
});
