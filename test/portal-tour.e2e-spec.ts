import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  accessibilityViolations,
  describeInBrowser,
  Portal,
  screenshot,
  SCREENSHOT_DIR,
  startPortal,
} from './support/browser';
import { contractId, endParticipation, sensoorIds, YEAR } from './support/demo';
import { startRun } from './support/invoicing';
import { waitForRun } from './support/test-app';

/** One main page: who opens it, where, the page heading it must show, and its screenshot's name. */
interface Stop {
  name: string;
  /** null: not signed in. */
  user: string | null;
  path: string;
  heading: string | RegExp;
}

/** The pages whose phone picture also goes into the README (every page's wide picture does). */
const PHONE_PICTURES = new Set([
  'inloggen',
  'onze-verplichting',
  'facturen',
  'contract-deelnemers',
  'landelijk-overzicht',
]);

/**
 * The README's picture of a page (docs/screenshots/, copied from test-output/screenshots/docs/):
 * its top as a JPEG, small enough to keep in git.
 */
async function docsPicture(page: Page, name: string, width: number): Promise<void> {
  const dir = join(SCREENSHOT_DIR, 'docs');
  mkdirSync(dir, { recursive: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path: join(dir, `${name}-${width}.jpg`),
    type: 'jpeg',
    quality: 80,
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, width > 600 ? 1400 : 2000) },
  });
}

/**
 * Every main page of the portal, as its users open it, at 1280 and at 375 px: the page heading is
 * there, nothing is still loading, axe finds no violation at all (WCAG 2.2 AA and its best
 * practices, any impact), and a screenshot goes to test-output/screenshots/tour/ (the README's
 * pictures in docs/screenshots/ are copied from there). The tasks themselves are proven by the
 * other portal specs; this one proves that no page was left out of the look and the checks.
 */
describeInBrowser('web portal: a tour of every main page at 1280 and 375 px', () => {
  let portal: Portal;
  const stops: Stop[] = [];

  beforeAll(async () => {
    portal = await startPortal();
    const vng = await portal.t.as('vng@demo.nl');
    const vng2018 = await contractId(portal.t, 'VNG-SEN-2018');
    // A finished run, so the invoice pages have something to show.
    const started = await startRun(vng, vng2018, { year: 2025 }).expect(202);
    const run = await waitForRun(vng, started.body.id);
    expect(run.status).toBe('COMPLETED');
    // A change after the run, so the differences tab has something to show: Aa en Hunze leaves on 31 August 2025.
    await endParticipation(vng, vng2018, 'GM1680', '2025-08-31');
    const assen = (await vng.get(`/api/v1/invoices?q=Assen&year=${YEAR}`).expect(200)).body.items as Array<{
      id: string;
    }>;
    expect(assen).toHaveLength(1);
    const { serviceId } = await sensoorIds(vng);
    const contract = `/contracten/${vng2018}`;
    stops.push(
      { name: 'inloggen', user: null, path: '/', heading: 'Inloggen' },
      { name: 'toegankelijkheid', user: null, path: '/toegankelijkheid', heading: /^Toegankelijkheids/ },
      {
        name: 'onze-verplichting',
        user: 'officer.gm0106@demo.nl',
        path: '/verplichting',
        heading: /^Onze verplichting/,
      },
      { name: 'facturen-gemeente', user: 'finance.gm0106@demo.nl', path: '/facturen', heading: 'Facturen' },
      {
        name: 'factuurgegevens',
        user: 'finance.gm0106@demo.nl',
        path: '/factuurgegevens',
        heading: /^Factuurgegevens/,
      },
      { name: 'contracten', user: 'vng@demo.nl', path: '/contracten', heading: 'Contracten' },
      { name: 'contract', user: 'vng@demo.nl', path: contract, heading: /^VNG-SEN-2018/ },
      { name: 'contract-deelnemers', user: 'vng@demo.nl', path: `${contract}/deelnemers`, heading: /^VNG-SEN-2018/ },
      {
        name: 'contract-deelname-beeindigen',
        user: 'vng@demo.nl',
        path: `${contract}/deelnemers/GM0106/beeindigen`,
        heading: 'Deelname beëindigen',
      },
      { name: 'contract-verschillen', user: 'vng@demo.nl', path: `${contract}/verschillen`, heading: /^VNG-SEN-2018/ },
      {
        name: 'contract-factuurrondes',
        user: 'vng@demo.nl',
        path: `${contract}/factuurrondes`,
        heading: /^VNG-SEN-2018/,
      },
      {
        name: 'landelijk-overzicht',
        user: 'vng@demo.nl',
        path: '/overzicht?jaar=2025',
        heading: 'Landelijk overzicht',
      },
      { name: 'facturen', user: 'vng@demo.nl', path: '/facturen?sort=-totalCents', heading: 'Facturen' },
      { name: 'factuur', user: 'vng@demo.nl', path: `/facturen/${assen[0].id}`, heading: /^Factuur \S/ },
      { name: 'factuurrondes', user: 'vng@demo.nl', path: '/factuurrondes', heading: 'Factuurrondes' },
      { name: 'factuurronde', user: 'vng@demo.nl', path: `/factuurrondes/${run.id}`, heading: /^Factuurronde / },
      { name: 'gegevens-laden', user: 'vng@demo.nl', path: '/gegevens-laden', heading: 'Gegevens laden' },
      { name: 'meldingen', user: 'vng@demo.nl', path: '/meldingen', heading: 'Meldingen' },
      { name: 'diensten', user: 'sensoor@demo.nl', path: '/diensten', heading: 'Diensten' },
      {
        name: 'dienst-openingstijden',
        user: 'sensoor@demo.nl',
        path: `/diensten/${serviceId}/openingstijden`,
        heading: 'Openingstijden wijzigen',
      },
      {
        name: 'dienst-gegevens',
        user: 'sensoor@demo.nl',
        path: `/diensten/${serviceId}/gegevens`,
        heading: 'Gegevens van de dienst wijzigen',
      },
      { name: 'dienst-toevoegen', user: 'sensoor@demo.nl', path: '/diensten/nieuw', heading: 'Dienst toevoegen' },
      { name: 'gegevens-aanbieder', user: 'sensoor@demo.nl', path: '/aanbieder', heading: 'Gegevens aanbieder' },
      { name: 'dienstcijfers', user: 'sensoor@demo.nl', path: '/statistieken', heading: /^Dienstcijfers/ },
      { name: 'beheer', user: 'operator@demo.nl', path: '/beheer', heading: 'Beheer' },
      { name: 'beheer-gebruikers', user: 'operator@demo.nl', path: '/beheer/gebruikers', heading: 'Gebruikers' },
      { name: 'beheer-api-sleutels', user: 'operator@demo.nl', path: '/beheer/api-sleutels', heading: 'API-sleutels' },
      { name: 'beheer-webhooks', user: 'operator@demo.nl', path: '/beheer/webhooks', heading: 'Webhooks' },
      { name: 'beheer-auditlog', user: 'operator@demo.nl', path: '/beheer/auditlog', heading: 'Auditlog' },
      { name: 'beheer-naleving', user: 'operator@demo.nl', path: '/beheer/naleving', heading: /^Evaluatie uitvoeren/ },
    );
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  /** A signed-in page per user and width, reused from stop to stop. */
  const pages = new Map<string, Page>();
  async function pageFor(user: string | null, width: number): Promise<Page> {
    const key = `${user ?? '-'}@${width}`;
    const known = pages.get(key);
    if (known) return known;
    const page = await portal.newPage({ width });
    if (user) await portal.signIn(page, user);
    pages.set(key, page);
    return page;
  }

  for (const width of [1280, 375]) {
    it(`every main page at ${width} px: its heading, no loading left, no axe violation`, async () => {
      const failures: string[] = [];
      for (const stop of stops) {
        const page = await pageFor(stop.user, width);
        await page.goto(stop.path);
        await page.getByRole('heading', { level: 1, name: stop.heading }).waitFor();
        await page.waitForLoadState('networkidle');
        await page.locator('.loading').first().waitFor({ state: 'detached' });
        const violations = await accessibilityViolations(page);
        if (violations.length) failures.push(`${stop.name} (${stop.path}): ${violations.join('; ')}`);
        await screenshot(page, `tour/${stop.name}-${width}`);
        if (width > 600 || PHONE_PICTURES.has(stop.name)) await docsPicture(page, stop.name, width);
      }
      expect(failures).toEqual([]);
      expect(stops).toHaveLength(30);
    }, 600_000);
  }
});
