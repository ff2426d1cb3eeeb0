// page.evaluate callbacks run in the browser: they need the DOM types.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { accessibilityViolations, describeInBrowser, Portal, screenshot, startPortal } from './support/browser';
import { municipalityOrganisationId } from './support/demo';
import { sql } from './support/test-database';

const WIDTHS = [1280, 375] as const;

/** No axe violation at all on the page as it is now. */
async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** Opens a part of Beheer from the menu (the menu is folded away on a phone). */
async function openBeheer(page: Page, part: string): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Menu' });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
  await expectAccessible(page);
  await page.getByRole('link', { name: part, exact: true }).click();
}

describeInBrowser(
  'web portal: administration (users, API keys, webhooks, audit log, compliance) and notifications',
  () => {
    let portal: Portal;

    beforeAll(async () => {
      // Internal webhook addresses refused, as in production.
      portal = await startPortal({ WEBHOOK_ALLOW_PRIVATE: 'false' });
    });
    afterAll(async () => {
      await portal?.close();
    });

    it.each(WIDTHS)(
      'the operator finds a user creation in the audit log and reads its details (%i px)',
      async (width) => {
        const vng = await portal.t.as('vng@demo.nl');
        await vng
          .post('/api/v1/users')
          .send({
            email: `controle.${width}@vng.nl`,
            name: `Controle Collega ${width}`,
            roles: ['CONTRACT_MANAGER'],
            password: 'een-lang-wachtwoord',
          })
          .expect(201);
        const page = await portal.newPage({ width });
        await portal.signIn(page, 'operator@demo.nl');
        await openBeheer(page, 'Auditlog');
        await page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
        await expectAccessible(page);

        await page
          .getByRole('searchbox', { name: 'Zoek op actie, persoon of onderwerp' })
          .fill(`controle.${width}@vng.nl`);
        await page.getByRole('button', { name: 'Zoeken' }).click();
        await page.getByText('1 gebeurtenis voor').waitFor();
        await page.getByLabel('Actie', { exact: true }).selectOption({ label: 'Gebruiker aangemaakt' });
        await page.waitForURL(/action=user\.created/);
        await page.getByText('1 gebeurtenis voor').waitFor();
        // The search and the filter are in the address: the list can be linked to.
        expect(new URL(page.url()).searchParams.get('action')).toBe('user.created');
        const event = page.locator('.audit-event');
        await event.first().waitFor();
        expect(await event.count()).toBe(1);
        await event.getByText('Contractbeheerder VNG (vng@demo.nl)').waitFor();
        await event.getByText('Details').click();
        const changes = event.getByRole('table');
        await changes.getByRole('row', { name: `Naam Controle Collega ${width}` }).waitFor();
        await changes.getByRole('row', { name: 'Rollen Contractbeheer' }).waitFor();
        await changes.getByRole('row', { name: 'Actief ja' }).waitFor();
        await expectAccessible(page);
        await screenshot(page, `admin-audit-${width}`);
      },
    );

    it.each(WIDTHS)(
      'an organisation administrator creates a user, finds it in the list, and deactivates it after a check (%i px)',
      async (width) => {
        const page = await portal.newPage({ width });
        await portal.signIn(page, 'vng@demo.nl');
        await openBeheer(page, 'Gebruikers');
        await page.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
        await expectAccessible(page);

        await page.getByRole('link', { name: 'Nieuwe gebruiker' }).click();
        await page.getByRole('heading', { level: 1, name: 'Nieuwe gebruiker' }).waitFor();
        await page.getByLabel('Naam', { exact: true }).fill(`Nieuwe Collega ${width}`);
        await page.getByLabel('E-mailadres').fill(`nieuw.${width}@vng.nl`);
        await page.getByLabel('Eerste wachtwoord').fill('kort');
        await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
        // Each refusal at its field, in Dutch: first the missing role, then the short password.
        await page.getByText('Kies ten minste één rol.').waitFor();
        await expectAccessible(page);
        await page.getByLabel('Contractbeheer').check();
        await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
        await page.getByText('Gebruik ten minste 12 tekens.').waitFor();
        expect(await page.getByLabel('Eerste wachtwoord').getAttribute('aria-invalid')).toBe('true');
        await expectAccessible(page);

        await page.getByLabel('Eerste wachtwoord').fill('een-lang-wachtwoord');
        await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
        await page.getByRole('heading', { level: 1, name: 'Gebruiker aangemaakt' }).waitFor();
        await expectAccessible(page);

        await page.getByRole('link', { name: 'Naar alle gebruikers' }).click();
        await page.getByRole('searchbox', { name: 'Zoek op naam of e-mailadres' }).fill(`nieuw.${width}`);
        await page.getByRole('button', { name: 'Zoeken' }).click();
        await page.getByText('1 gebruiker voor').waitFor();
        const row = page.getByRole('row', { name: new RegExp(`Nieuwe Collega ${width}`) });
        await row.getByText(`nieuw.${width}@vng.nl`).waitFor();
        await row.getByText('Contractbeheer').waitFor();
        await expectAccessible(page);
        // Sorting is the server's: by name, Z to A
        await page.getByRole('button', { name: 'Wis zoekopdracht' }).click();
        // On a phone the table is a list of cards: the order is a select there.
        if (width === 1280) await page.getByRole('button', { name: /^Naam/ }).click();
        else await page.getByLabel('Volgorde').selectOption({ label: 'Naam (Z-A)' });
        await page.waitForURL(/sort=-name/);
        await expectAccessible(page);
        await screenshot(page, `admin-users-${width}`);

        await page.getByRole('searchbox', { name: 'Zoek op naam of e-mailadres' }).fill(`nieuw.${width}`);
        await page.getByRole('button', { name: 'Zoeken' }).click();
        await page.getByRole('link', { name: `Nieuwe Collega ${width}` }).click();
        await page.getByRole('heading', { level: 1, name: `Nieuwe Collega ${width}` }).waitFor();
        await expectAccessible(page);
        await page.getByRole('button', { name: 'Gebruiker deactiveren' }).click();
        await page
          .getByRole('heading', { level: 1, name: `Controleer: Nieuwe Collega ${width} deactiveren` })
          .waitFor();
        await expectAccessible(page);
        await page.getByRole('button', { name: 'Ja, deactiveren' }).click();
        await page.getByRole('heading', { level: 1, name: `Nieuwe Collega ${width} is gedeactiveerd` }).waitFor();
        await expectAccessible(page);
        const refused = await portal.t
          .withAuthorization()
          .post('/api/v1/auth/login')
          .send({ email: `nieuw.${width}@vng.nl`, password: 'een-lang-wachtwoord' });
        expect(refused.status).toBe(401);
      },
    );

    it.each(WIDTHS)('an API key shows its secret once, and is revoked after a check (%i px)', async (width) => {
      const page = await portal.newPage({ width });
      await portal.signIn(page, 'vng@demo.nl');
      await openBeheer(page, 'API-sleutels');
      await page.getByRole('heading', { level: 1, name: 'API-sleutels' }).waitFor();
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Nieuwe API-sleutel' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nieuwe API-sleutel' }).waitFor();
      await page.getByLabel('Naam', { exact: true }).fill(`Financieel systeem ${width}`);
      await page.getByLabel('Contractbeheer').check();
      await page.getByRole('button', { name: 'Sleutel aanmaken' }).click();
      await page.getByRole('heading', { level: 1, name: 'API-sleutel aangemaakt' }).waitFor();
      await page.getByText('U ziet de sleutel alleen nu.').waitFor();
      const secret = await page.getByLabel('De sleutel').inputValue();
      expect(secret).toMatch(/^wmo_/);
      await page.getByRole('button', { name: 'Kopiëren' }).waitFor();
      await expectAccessible(page);
      // The key works, and the list never shows it again.
      await portal.t.withAuthorization(`Bearer ${secret}`).get('/api/v1/me').expect(200);
      await page.getByRole('link', { name: 'Terug naar API-sleutels' }).click();
      const row = page.getByRole('row', { name: new RegExp(`Financieel systeem ${width}`) });
      await row.waitFor();
      expect(await page.getByText(secret).count()).toBe(0);
      await expectAccessible(page);

      await row.getByRole('link', { name: /Intrekken/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Controleer: API-sleutel intrekken' }).waitFor();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Ja, sleutel intrekken' }).click();
      await page.getByRole('heading', { level: 1, name: 'API-sleutel ingetrokken' }).waitFor();
      await expectAccessible(page);
      expect((await portal.t.withAuthorization(`Bearer ${secret}`).get('/api/v1/me')).status).toBe(401);
    });

    it.each(WIDTHS)(
      'a private webhook address is refused at the field; a registered webhook shows its deliveries, paged (%i px)',
      async (width) => {
        const page = await portal.newPage({ width });
        await portal.signIn(page, 'vng@demo.nl');
        await openBeheer(page, 'Webhooks');
        await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
        await expectAccessible(page);
        await page.getByRole('link', { name: 'Webhook registreren' }).click();
        await page.getByRole('heading', { level: 1, name: 'Webhook registreren' }).waitFor();
        await page.getByLabel('Adres (URL)').fill('https://10.0.0.5/hooks');
        await page.getByLabel('Factuur uitgereikt').check();
        await page.getByRole('button', { name: 'Webhook registreren' }).click();
        await page.getByText('Dit adres ligt in een intern netwerk').waitFor();
        expect(await page.getByLabel('Adres (URL)').getAttribute('aria-invalid')).toBe('true');
        await expectAccessible(page);

        const url = `https://93.184.215.${width === 1280 ? 14 : 15}/luisterend-oor`;
        await page.getByLabel('Adres (URL)').fill(url);
        await page.getByRole('button', { name: 'Webhook registreren' }).click();
        await page.getByRole('heading', { level: 1, name: 'Webhook geregistreerd' }).waitFor();
        expect(await page.getByLabel('Het ondertekeningsgeheim').inputValue()).toMatch(/^whsec_/);
        await expectAccessible(page);

        const [{ id }] = await sql<{ id: string }>(
          portal.t.databaseUrl,
          `SELECT id FROM webhook_subscription WHERE url = $1`,
          [url],
        );
        // 30 deliveries: 26 delivered, 3 failed, the newest still pending.
        await sql(
          portal.t.databaseUrl,
          `INSERT INTO webhook_delivery (subscription_id, organisation_id, event, event_id, payload, status, attempts, last_response_status, last_error, created_at, delivered_at)
         SELECT s.id, s.organisation_id, 'invoice.issued', gen_random_uuid(), '{}',
                CASE WHEN n = 30 THEN 'PENDING' WHEN n IN (5, 6, 7) THEN 'FAILED' ELSE 'DELIVERED' END,
                CASE WHEN n = 30 THEN 0 WHEN n IN (5, 6, 7) THEN 4 ELSE 1 END,
                CASE WHEN n = 30 THEN NULL WHEN n IN (5, 6, 7) THEN 503 ELSE 200 END,
                CASE WHEN n IN (5, 6, 7) THEN 'HTTP 503' END,
                timestamptz '2026-11-02 09:00+01' + n * interval '1 hour',
                CASE WHEN n NOT IN (5, 6, 7, 30) THEN timestamptz '2026-11-02 09:00+01' + n * interval '1 hour' + interval '2 seconds' END
           FROM webhook_subscription s, generate_series(1, 30) AS n WHERE s.id = $1`,
          [id],
        );
        await page.getByRole('link', { name: 'Naar de afleveringen van deze webhook' }).click();
        await page.getByText('30 afleveringen').waitFor();
        const newest = page.locator('tbody tr').first();
        await newest.getByText('Wacht op aflevering').waitFor();
        await newest.getByText('03-11-2026 15:00').waitFor();
        await page.getByText('Pagina 1 van 2').waitFor();
        await expectAccessible(page);
        await screenshot(page, `admin-webhooks-${width}`);

        await page.getByLabel('Status').selectOption({ label: 'Mislukt' });
        await page.getByText('3 afleveringen').waitFor();
        await page
          .getByRole('row', { name: /02-11-2026 16:00/ })
          .getByText('503', { exact: true })
          .waitFor();
        await expectAccessible(page);

        await page.getByRole('link', { name: 'Deze webhook verwijderen' }).click();
        await page.getByRole('heading', { level: 1, name: 'Controleer: webhook verwijderen' }).waitFor();
        await expectAccessible(page);
        await page.getByRole('button', { name: 'Ja, webhook verwijderen' }).click();
        await page.getByRole('heading', { level: 1, name: 'Webhook verwijderd' }).waitFor();
        await expectAccessible(page);
      },
    );

    it.each(WIDTHS)('the operator runs the compliance evaluation after a check page (%i px)', async (width) => {
      const page = await portal.newPage({ width });
      await portal.signIn(page, 'operator@demo.nl');
      await openBeheer(page, 'Naleving beoordelen');
      await page.getByRole('heading', { level: 1, name: /^Evaluatie uitvoeren voor \d+ \w+ \d{4}$/ }).waitFor();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Evaluatie uitvoeren' }).click();
      await page.getByRole('heading', { level: 1, name: /^Evaluatie uitgevoerd voor/ }).waitFor();
      // Every municipality-duty pair of the demo data judged.
      await page.getByText('Beoordeelde verplichtingen').waitFor();
      await expectAccessible(page);
    });

    it.each([
      [1280, 'GM0106', 'officer.gm0106@demo.nl'],
      [375, 'GM0014', 'officer.gm0014@demo.nl'],
    ] as const)(
      'notifications: filtered on the server, and marking one read lowers the count in the menu (%i px)',
      async (width, code, email) => {
        await sql(
          portal.t.databaseUrl,
          `INSERT INTO notification (organisation_id, roles, kind, municipality_code, subject_type, subject_id, title, message, data, dedupe_key, created_at)
         SELECT $1, '{}', CASE WHEN n = 2 THEN 'NON_COMPLIANT' ELSE 'COVERAGE_ENDING' END, $2, 'obligation', 'WMO2015_2_2_4_1B',
                'Melding ' || n, 'De dekking van de gemeente verandert (' || n || ').', '{}', 'test-' || n, now() - n * interval '1 hour'
           FROM generate_series(1, 3) AS n`,
          [await municipalityOrganisationId(portal.t, code), code],
        );
        const page = await portal.newPage({ width });
        await portal.signIn(page, email);
        await page.goto('/meldingen');
        await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
        await page.getByText('3 meldingen — in totaal 3 ongelezen').waitFor();
        await expectAccessible(page);
        await page.getByRole('button', { name: /Markeer als gelezen.*Melding 1/ }).click();
        await page.getByText('3 meldingen — in totaal 2 ongelezen').waitFor();
        // The menu's count follows at once (on a phone too, where the menu is folded away).
        const menuLink = page.locator('nav#hoofdmenu a[href="/meldingen"]');
        expect(await menuLink.textContent()).toContain('2 ongelezen');

        await page.getByLabel('Tonen').selectOption({ label: 'Alleen ongelezen' });
        await page.getByText('2 meldingen — in totaal 2 ongelezen').waitFor();
        expect(await page.locator('.notification h2').allInnerTexts()).toEqual(['Melding 2', 'Melding 3']);
        await page.getByLabel('Soort').selectOption({ label: 'Niet voldaan' });
        await page.getByText('1 melding — in totaal 2 ongelezen').waitFor();
        expect(new URL(page.url()).search).toBe('?unread=true&kind=NON_COMPLIANT');
        await expectAccessible(page);
        await page.getByLabel('Soort').selectOption({ label: 'Alle soorten' });
        await page.getByLabel('Tonen').selectOption({ label: 'Alle meldingen' });
        await page.getByText('3 meldingen — in totaal 2 ongelezen').waitFor();
        await screenshot(page, `notifications-${width}`);
      },
    );
  },
);
