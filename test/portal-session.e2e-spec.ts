// page.evaluate callbacks run in the browser: they need the DOM types.
/// <reference lib="dom" />
import { describeInBrowser, Portal, screenshot, accessibilityViolations, startPortal } from './support/browser';

describeInBrowser('web portal: signing in and out, sessions, errors', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal();
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('serves the portal at / (Dutch, the sign-in form) and keeps API 404s as problem+json', async () => {
    const page = await portal.newPage();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'inloggen');
    // A portal route reloaded directly gets the portal too; an unknown API path does not.
    expect((await page.goto('/facturen'))?.status()).toBe(200);
    const api = await page.request.get('/api/v1/bestaat-niet');
    expect(api.status()).toBe(404);
    expect(api.headers()['content-type']).toContain('application/problem+json');
  });

  it('says in Dutch what is wrong: an empty field next to the field, a wrong password above the form, no error number', async () => {
    const page = await portal.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText('Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.').waitFor();
    expect(await page.getByLabel('E-mailadres').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('E-mailadres').fill('officer.gm0106@demo.nl');
    await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Het e-mailadres of het wachtwoord is onjuist.' });
    await alert.waitFor();
    // Expected, and the user's to solve: a plain sentence, no raw error id.
    expect(await alert.textContent()).toBe(
      'Inloggen niet gelukt: Het e-mailadres of het wachtwoord is onjuist. Controleer beide en probeer het opnieuw.',
    );
    // In the form, above its fields, with focus on it so the next Tab goes on to the e-mail field.
    expect(await page.evaluate(() => document.activeElement?.closest('form') !== null)).toBe(true);
    expect(await page.locator('form [role="alert"]').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a locked address (five wrong passwords in a quarter) says when to try again, without an error number', async () => {
    const page = await portal.newPage();
    await page.goto('/');
    await page.getByLabel('E-mailadres').fill('onbekend@demo.nl');
    await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('alert').filter({ hasText: 'onjuist' }).waitFor();
      await page.getByRole('button', { name: 'Inloggen' }).waitFor();
    }
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'een kwartier niet inloggen' });
    await alert.waitFor();
    expect(await alert.textContent()).not.toMatch(/foutnummer|[0-9a-f]{8}-[0-9a-f]{4}/i);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('too many requests and an error on our side: plain Dutch; only the unexpected one names its error number', async () => {
    const page = await portal.newPage();
    await page.goto('/');
    await page.getByLabel('E-mailadres').fill('officer.gm0106@demo.nl');
    await page.getByLabel('Wachtwoord').fill('welkom-demo');
    await page.route('**/api/v1/auth/session', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/problem+json',
        headers: { 'retry-after': '30' },
        body: JSON.stringify({
          type: '/problems/rate-limited',
          title: 'Too many requests',
          status: 429,
          requestId: 'req-429',
        }),
      }),
    );
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const busy = page.getByRole('alert').filter({ hasText: 'Er kwamen te veel verzoeken tegelijk binnen.' });
    await busy.waitFor();
    expect(await busy.textContent()).not.toContain('req-429');
    await page.unroute('**/api/v1/auth/session');
    await page.route('**/api/v1/auth/session', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Internal Server Error',
          status: 500,
          requestId: 'req-abc-500',
        }),
      }),
    );
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const ours = page.getByRole('alert').filter({ hasText: 'door een fout aan onze kant' });
    await ours.waitFor();
    expect(await ours.textContent()).toContain('Noem bij contact het foutnummer req-abc-500.');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('keeps the refresh token out of reach of scripts: an httpOnly cookie, nothing in web storage', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'officer.gm0106@demo.nl');
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === 'wmo_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth/session' });
    // Scripts see only the hint that a session may exist, never a token.
    expect(await page.evaluate(() => document.cookie)).toBe('wmo_signed_in=1');
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    // A reload exchanges the cookie for a new access token: still signed in, on the same page.
    await page.reload();
    await page.getByRole('button', { name: 'Afmelden' }).waitFor();
    expect(await page.getByText('Gemeente Assen').first().isVisible()).toBe(true);
  });

  it('signs out: the session ends on the server, and the cookie no longer works', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'finance.gm0106@demo.nl');
    const before = (await page.context().cookies()).find((cookie) => cookie.name === 'wmo_session')!.value;
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByText('U bent afgemeld.').waitFor();
    const replay = await portal.t
      .withAuthorization()
      .post('/api/v1/auth/session/refresh')
      .set('Cookie', `wmo_session=${before}`);
    expect(replay.status).toBe(401);
    await page.reload();
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
  });

  it('handles an expired session gracefully: back to the sign-in page with a message, then on to the page asked for', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'officer.gm0106@demo.nl');
    // The session ends elsewhere (cookie gone) and the access token is refused from now on.
    await page.context().clearCookies();
    await page.route('**/api/v1/**', (route) =>
      route.request().url().includes('/auth/session')
        ? route.continue()
        : route.fulfill({ status: 401, contentType: 'application/problem+json', body: '{"status":401}' }),
    );
    await page.getByRole('link', { name: 'Meldingen' }).click();
    await page.getByText('Uw sessie is verlopen. Log opnieuw in om verder te gaan.').waitFor();
    await page.unroute('**/api/v1/**');
    await page.getByLabel('E-mailadres').fill('officer.gm0106@demo.nl');
    await page.getByLabel('Wachtwoord').fill('welkom-demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/meldingen');
  });

  it('works at 320 px wide: no sideways scrolling, the menu behind a button that says whether it is open', async () => {
    const page = await portal.newPage({ width: 320, height: 640 });
    await portal.signIn(page, 'vng@demo.nl');
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: 'Landelijk overzicht' }).click();
    await page.getByRole('heading', { name: 'Landelijk overzicht', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
  it('can be used with the keyboard alone: sign in with Tab and Enter, the skip link first, then the content', async () => {
    const page = await portal.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    // The skip link first (past the logo), then the form's first field.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
    await page.keyboard.type('officer.gm0106@demo.nl');
    await page.keyboard.press('Tab');
    await page.keyboard.type('welkom-demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Onze verplichting', level: 1 }).waitFor();
    // After navigating, focus is on the new page's heading (screen readers announce it).
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Onze verplichting');
    // A fresh visit: Tab reaches the skip link first; Enter moves focus into the content.
    await page.reload();
    await page.getByRole('heading', { name: 'Onze verplichting', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    expect(await page.getByRole('link', { name: 'Naar de inhoud' }).isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    // The menu is reachable too: Tab from the skip link on to the first menu item, Enter follows it.
    await page.reload();
    await page.getByRole('heading', { name: 'Onze verplichting', level: 1 }).waitFor();
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Meldingen'; i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
  });

  it('a failing API shows a Dutch message with the request id, never a blank page', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'vng@demo.nl');
    await page.getByRole('link', { name: 'Meldingen' }).click();
    await page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
    // A page not visited yet (the contracts the VNG lands on are cached, as they should be).
    await page.route('**/api/v1/compliance/overview*', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Internal Server Error',
          status: 500,
          detail: 'An unexpected error occurred.',
          requestId: 'req-abc-123',
        }),
      }),
    );
    await page.getByRole('link', { name: 'Landelijk overzicht' }).click();
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'Er ging iets mis aan onze kant. Probeer het later opnieuw' }).waitFor();
    expect(await alert.textContent()).toContain('foutnummer req-abc-123');
    expect(await page.getByRole('heading', { name: 'Landelijk overzicht', level: 1 }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(true);
  });
  it.each([
    ['officer.gm0106@demo.nl', ['/verplichting', '/contracten', '/meldingen']],
    ['finance.gm0106@demo.nl', ['/facturen', '/factuurgegevens']],
    ['vng@demo.nl', ['/contracten', '/overzicht']],
    ['sensoor@demo.nl', ['/facturen', '/statistieken', '/contracten']],
    ['operator@demo.nl', ['/overzicht', '/contracten', '/facturen']],
  ])('every main page of %s fits 320 px: no sideways scrolling of the page', async (email, paths) => {
    const page = await portal.newPage({ width: 320, height: 640 });
    await portal.signIn(page, email);
    for (const path of paths) {
      await page.goto(path);
      await page.locator('h1').waitFor();
      await page.waitForFunction(() => !document.querySelector('.loading'));
      // Named, so a failure says what sticks out (wide tables scroll within their own region).
      const sticksOut = await page.evaluate(() =>
        Array.from(document.querySelectorAll('body *'))
          .filter((e) => e.getBoundingClientRect().right > 320.5 && !e.closest('.table-scroll'))
          .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}`),
      );
      expect({ path, width: await page.evaluate(() => document.documentElement.scrollWidth), sticksOut }).toEqual({
        path,
        width: 320,
        sticksOut: [],
      });
    }
  });
});
