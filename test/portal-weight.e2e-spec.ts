// page.evaluate callbacks run in the browser: they need the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { accessibilityViolations, describeInBrowser, Portal, screenshot, startPortal } from './support/browser';

/** A GET with the given Accept-Encoding, as bytes and headers (Node does not decompress). */
function fetchRaw(
  url: string,
  acceptEncoding: string,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(res.headers).map(([key, value]) => [key, String(value)])),
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Counts the bytes that came over the wire (compressed, headers included) per URL, from Chromium's own accounting. */
async function countTransfer(page: Page): Promise<() => { total: number; byUrl: Map<string, number> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map<string, string>();
  const byUrl = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  cdp.on('Network.loadingFinished', (event) => {
    const url = urls.get(event.requestId) ?? event.requestId;
    byUrl.set(url, (byUrl.get(url) ?? 0) + event.encodedDataLength);
  });
  return () => ({ total: [...byUrl.values()].reduce((sum, bytes) => sum + bytes, 0), byUrl });
}

const FOOTER_PAGES = [
  { path: '/toegankelijkheid', heading: 'Toegankelijkheidsverklaring', text: 'WCAG) 2.2 op niveau AA' },
  { path: '/privacy', heading: 'Privacyverklaring', text: 'één cookie' },
  { path: '/contact', heading: 'Contact', text: 'servicedesk@luisterend-oor.example' },
];

describeInBrowser('web portal: a light first visit, a government look, the footer pages', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal();
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('a first visit to the sign-in page (empty cache) transfers under 250 KB', async () => {
    const page = await portal.newPage();
    const transfer = await countTransfer(page);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const { total, byUrl } = transfer();
    const lines = [...byUrl].map(
      ([url, bytes]) => `${bytes.toLocaleString('en')} B  ${url.replace(portal.baseUrl, '')}`,
    );
    console.log(`First visit to the sign-in page: ${total.toLocaleString('en')} bytes\n${lines.join('\n')}`);
    // Only the sign-in page's own code: no page behind the sign-in is fetched.
    expect([...byUrl.keys()].filter((url) => /Invoices|Overview|Contract|Obligation/.test(url))).toEqual([]);
    expect(total).toBeGreaterThan(20_000);
    expect(total).toBeLessThan(250_000);
  });

  it('is ready to sign in within 2 s at 1.6 Mbit/s down, 750 kbit/s up and 150 ms latency', async () => {
    // The server as it runs in production (warm); the browser as a first-time visitor (own context, no cache).
    const warm = await portal.newPage();
    await warm.goto('/');
    await warm.getByRole('heading', { name: 'Inloggen' }).waitFor();
    const page = await portal.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: 200_000,
      uploadThroughput: 93_750,
    });
    // The moment the form is there, in the page's own clock (from navigation start): noted by the
    // page itself, so the test's round trips to the browser do not count.
    await page.addInitScript(() => {
      const ready = () => {
        const email = document.querySelector<HTMLInputElement>('input[name="email"]');
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Inloggen');
        return Boolean(email && !email.disabled && !email.readOnly && button && !button.disabled);
      };
      const observer = new MutationObserver(() => {
        if (!ready()) return;
        (window as unknown as { signInReadyAt: number }).signInReadyAt = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto('/', { waitUntil: 'commit' });
    // Interactive: the e-mail field takes typing and the button can be pressed.
    const email = page.getByLabel('E-mailadres');
    await email.fill('naam@gemeente.nl', { timeout: 10_000 });
    const button = page.getByRole('button', { name: 'Inloggen' });
    expect(await button.isEnabled()).toBe(true);
    const readyMs = await page.evaluate(() => (window as unknown as { signInReadyAt: number }).signInReadyAt);
    const navigation = await page.evaluate(() => {
      const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
        (r) => `${Math.round(r.startTime)}-${Math.round(r.responseEnd)} ${r.name.replace(location.origin, '')}`,
      );
      return {
        domContentLoaded: Math.round(entry.domContentLoadedEventEnd),
        load: Math.round(entry.loadEventEnd),
        resources,
      };
    });
    console.log(
      `Throttled sign-in page (200,000 B/s down, 93,750 B/s up, 150 ms): interactive after ${Math.round(readyMs)} ms; ` +
        `DOMContentLoaded ${navigation.domContentLoaded} ms, load ${navigation.load} ms\n${navigation.resources.join('\n')}`,
    );
    expect(await email.inputValue()).toBe('naam@gemeente.nl');
    expect(readyMs).toBeLessThan(2000);
  });

  it('serves no source maps, compresses text with brotli or gzip, and caches hashed files for a year', async () => {
    const html = await fetchRaw(`${portal.baseUrl}/`, 'br');
    expect(html.headers['cache-control']).toBe('no-cache');
    // index.html is under 1 KB: below the threshold where compressing pays, it may come as it is.
    const page = (html.headers['content-encoding'] === 'br' ? brotliDecompressSync(html.body) : html.body).toString();
    const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(page)?.[1];
    const style = /href="(\/assets\/index-[\w-]+\.css)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    expect(style).toBeDefined();

    for (const path of [script!, style!]) {
      const br = await fetchRaw(`${portal.baseUrl}${path}`, 'gzip, deflate, br, zstd');
      expect({ path, status: br.status, encoding: br.headers['content-encoding'] }).toEqual({
        path,
        status: 200,
        encoding: 'br',
      });
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const gzip = await fetchRaw(`${portal.baseUrl}${path}`, 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      const plain = await fetchRaw(`${portal.baseUrl}${path}`, 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      // The same file, a fraction of the bytes.
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
      expect(br.body.length).toBeLessThan(plain.body.length / 3);
    }
    // No source map, however asked for: a problem+json 404, not the portal's page.
    for (const path of [`${script!}.map`, `${style!}.map`, '/assets/index.js.map', '/assets/bestaat-niet.js'])
      expect(await fetchRaw(`${portal.baseUrl}${path}`, 'br')).toMatchObject({
        status: 404,
        headers: expect.objectContaining({ 'content-type': expect.stringContaining('application/problem+json') }),
      });
    // The API's JSON too (the OpenAPI document: well over the 1 KB threshold).
    const json = await fetchRaw(`${portal.baseUrl}/api/docs-json`, 'br');
    expect(json.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(json.body).toString())).toMatchObject({ openapi: expect.any(String) });
    const gzipJson = await fetchRaw(`${portal.baseUrl}/api/docs-json`, 'gzip');
    expect(gzipJson.headers['content-encoding']).toBe('gzip');
  });

  it.each([1280, 375])(
    'the sign-in page at %i px: the logo, Noto Sans (bundled), the footer, no axe violation',
    async (width) => {
      const page = await portal.newPage({ width });
      await page.goto('/');
      await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // Headings and text in Noto Sans, from the portal itself (never a serif fallback).
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontFamily)).toMatch(
        /^"?Noto Sans"?,/,
      );
      const loaded = await page.evaluate(() =>
        [...document.fonts]
          .filter((face) => face.status === 'loaded')
          .map((face) => `${face.family.replace(/"/g, '')} ${face.weight}`),
      );
      expect(loaded).toEqual(expect.arrayContaining(['Noto Sans 400', 'Noto Sans 700']));
      // The logo's name is its text alternative (the mark itself is decorative).
      expect(await page.getByRole('link', { name: /^Luisterend oor/ }).getAttribute('href')).toBe('/');
      const footer = page.getByRole('contentinfo');
      for (const name of ['Toegankelijkheidsverklaring', 'Privacyverklaring', 'Contact'])
        expect(await footer.getByRole('link', { name }).isVisible()).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, `signin-${width}`);
    },
  );

  it.each([1280, 375])('the footer pages at %i px, signed out: each one readable, no axe violation', async (width) => {
    const page = await portal.newPage({ width });
    await page.goto('/');
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    for (const { path, heading, text } of FOOTER_PAGES) {
      // Reached through the footer as well as by address.
      await page
        .getByRole('contentinfo')
        .getByRole('link', { name: heading === 'Contact' ? 'Contact' : heading })
        .click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe(path);
      expect(await page.getByText(text).first().isVisible()).toBe(true);
      expect(await page.getByRole('textbox', { name: 'Wachtwoord' }).count()).toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect((await page.goto(path))?.status()).toBe(200);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    }
    await page.goto('/toegankelijkheid');
    await page.getByRole('heading', { name: 'Toegankelijkheidsverklaring', level: 1 }).waitFor();
    await screenshot(page, `footer-pages-${width}`);
    // And back to signing in through the logo.
    await page.getByRole('link', { name: /^Luisterend oor/ }).click();
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
  });

  it('signed in at 1280 px: logo, who is signed in and the menu in the header, the footer pages in the frame', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'officer.gm0106@demo.nl');
    await page.getByRole('heading', { name: 'Onze verplichting', level: 1 }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'));
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contracten' }).isVisible(),
    ).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'home-1280');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacyverklaring' }).click();
    await page.getByRole('heading', { name: 'Privacyverklaring', level: 1 }).waitFor();
    // Still signed in, in the portal's own frame.
    expect(await page.getByRole('button', { name: 'Afmelden' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('signed in at 375 px: a header of at most 64 px (logo, Afmelden, Menu), the menu opens below it', async () => {
    const page = await portal.newPage({ width: 375, height: 800 });
    await portal.signIn(page, 'vng@demo.nl');
    await page.locator('h1').waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'));
    const headerHeight = await page.evaluate(() => document.querySelector('header')!.getBoundingClientRect().height);
    expect(headerHeight).toBeLessThanOrEqual(64);
    expect(await page.getByRole('link', { name: 'Landelijk overzicht' }).isVisible()).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'home-375');
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('link', { name: 'Landelijk overzicht' }).isVisible()).toBe(true);
    expect(await page.getByText('Ingelogd als').isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'home-menu-375');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
