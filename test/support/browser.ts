// page.evaluate callbacks run in the browser: they need the DOM types.
/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestApp, TestApp } from './test-app';

/** Debian's Chromium (`.ci/run` installs it with apt); Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-output', 'screenshots');

// The flags of this machine's closed network: without the background-networking ones Chromium
// keeps trying to reach Google's hosts.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** `describe`, or a loud skip when there is no Chromium (CI installs it; see .ci/run). */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, body);
    return;
  }
  console.warn(
    `SKIPPED browser tests "${name}": no Chromium at ${CHROMIUM_PATH}. Install it (apt-get install chromium) or set CHROMIUM_PATH; .ci/run does this.`,
  );
  describe.skip(name, body);
}

export interface Portal {
  t: TestApp;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies) and page; `width` for small screens. */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  /** Signs in through the portal's form and waits for the first page after it. */
  signIn(page: Page, email: string, password?: string): Promise<void>;
  close(): Promise<void>;
}

/** The API with the built portal (dist/web, from `npm run build`) on a free port, and a headless Chromium. */
export async function startPortal(overrides: Record<string, string> = {}): Promise<Portal> {
  // PORTAL_WEB_DIR: a portal built elsewhere (`vite build --outDir ...`), so parallel work does not share dist/web.
  const webDir = process.env.PORTAL_WEB_DIR ?? join(__dirname, '..', '..', 'dist', 'web');
  if (!existsSync(join(webDir, 'index.html')))
    throw new Error(`${webDir} has no built portal: run \`npm run build\` first (npm test does).`);
  const t = await startTestApp({ WEB_DIR: webDir, ...overrides });
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('the test app is not listening on a port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    t,
    baseUrl,
    browser,
    newPage: async ({ width = 1280, height = 900 } = {}) => {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width, height },
        locale: 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    signIn: async (page, email, password = DEMO_PASSWORD) => {
      await page.goto('/');
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord').fill(password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('button', { name: 'Afmelden' }).waitFor();
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** The two widths every page state is checked at: a laptop and a phone. */
export const CHECKED_WIDTHS = [1280, 375] as const;

/**
 * Runs axe-core with all its rules (WCAG 2.0/2.1/2.2 A and AA, and its best practices) on the page
 * as it is now, at 1280 and at 375 px wide (the page is resized for the other width and back, its
 * state untouched), and returns every violation, whatever its impact, as `<width> px: rule
 * (impact): help (selectors)` lines so a failing expectation reads well. The portal's pages must
 * have none.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  const widths = [original.width, ...CHECKED_WIDTHS.filter((width) => width < 1024 !== original.width < 1024)];
  const found: string[] = [];
  for (const width of widths) {
    if (width !== page.viewportSize()?.width) await page.setViewportSize({ width, height: original.height });
    found.push(...(await axeViolations(page)).map((line) => `${width} px: ${line}`));
  }
  if (page.viewportSize()?.width !== original.width) await page.setViewportSize(original);
  return found;
}

/** axe-core on the page at its current size. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target })),
    }));
  });
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
  );
}

/** A full-page PNG (at most 3000 px high) under test-output/screenshots/<name>.png (looked at by people, shown in the README). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  // Pages with hundreds of rows are cut at 3000 px: the top shows the page, the rest is more rows.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize()?.width ?? 1280;
  await page.screenshot({
    path,
    fullPage: true,
    ...(height > 3000 ? { clip: { x: 0, y: 0, width, height: 3000 } } : {}),
  });
  return path;
}

/** Intl puts no-break spaces in "€ 0,25" and "1 januari"; compare with ordinary ones. */
export const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The body rows of a table named by its caption, as text (with ordinary spaces). */
export async function rowTexts(page: Page, caption: string): Promise<string[]> {
  return (await page.getByRole('table', { name: caption }).locator('tbody tr').allInnerTexts()).map(plain);
}

/** No axe violation at 1280 and at 375 px wide, with a screenshot of each (the page gets its own width back). */
export async function accessibleAtBothWidths(page: Page, name: string): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
  const original = page.viewportSize();
  for (const width of CHECKED_WIDTHS) {
    await page.setViewportSize({ width, height: original?.height ?? 900 });
    await screenshot(page, `${name}-${width}`);
  }
  if (original) await page.setViewportSize(original);
}
