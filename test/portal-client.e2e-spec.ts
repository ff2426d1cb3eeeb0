import type { Page, Request } from 'playwright-core';
import { accessibleAtBothWidths, describeInBrowser, Portal, startPortal } from './support/browser';

const BILLING_DETAILS = '**/api/v1/municipalities/GM0106/billing-details';

describeInBrowser('web portal: the typed API client (token renewal, retries, errors)', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  /** The requests the page sends to the billing details and to the token refresh, as they go out. */
  function recordRequests(page: Page) {
    const sent: { billing: Request[]; refreshes: number } = { billing: [], refreshes: 0 };
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/municipalities/GM0106/billing-details')) sent.billing.push(request);
      if (request.url().endsWith('/api/v1/auth/session/refresh')) sent.refreshes++;
    });
    return sent;
  }

  it('a refused access token is refreshed once and the request sent again, a PUT with its body', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'finance.gm0106@demo.nl');
    const sent = recordRequests(page);
    // The API refuses the first request of each kind, as it does for an access token that has expired.
    const refused = new Set<string>();
    await page.route(BILLING_DETAILS, async (route) => {
      const method = route.request().method();
      if (refused.has(method)) return route.continue();
      refused.add(method);
      await route.fulfill({ status: 401, contentType: 'application/problem+json', body: '{"status":401}' });
    });

    await page.getByRole('link', { name: 'Factuurgegevens' }).click();
    await page.getByLabel('OIN').waitFor();
    const gets = sent.billing.filter((request) => request.method() === 'GET');
    expect(gets).toHaveLength(2);
    expect(sent.refreshes).toBe(1);
    const [first, second] = await Promise.all(gets.map((request) => request.headerValue('authorization')));
    expect(first).toMatch(/^Bearer .+/);
    expect(second).toMatch(/^Bearer .+/);
    expect(second).not.toBe(first);

    await page.getByLabel('OIN').fill('00000001001589623000');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De factuurgegevens zijn opgeslagen' }).waitFor();
    const puts = sent.billing.filter((request) => request.method() === 'PUT');
    expect(puts).toHaveLength(2);
    expect(sent.refreshes).toBe(2);
    expect(puts[1].postDataJSON()).toEqual(puts[0].postDataJSON());
    expect(puts[1].postDataJSON()).toMatchObject({ oin: '00000001001589623000' });
    const finance = await portal.t.as('finance.gm0106@demo.nl');
    const saved = (await finance.get('/api/v1/municipalities/GM0106/billing-details').expect(200)).body;
    expect(saved.oin).toBe('00000001001589623000');
    await accessibleAtBothWidths(page, 'client-vernieuwd');
  });

  it('does not ask again when the API says no (404), asks twice more when the server fails (503), and says so in Dutch', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'finance.gm0106@demo.nl');
    const sent = recordRequests(page);
    let status = 404;
    await page.route(BILLING_DETAILS, (route) =>
      route.fulfill({
        status,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status, requestId: `req-${status}` }),
      }),
    );

    await page.getByRole('link', { name: 'Factuurgegevens' }).click();
    await page.getByText('Dit is niet gevonden. Het bestaat niet (meer) of valt buiten uw organisatie.').waitFor();
    expect(sent.billing).toHaveLength(1);
    await accessibleAtBothWidths(page, 'client-niet-gevonden');

    status = 503;
    sent.billing.length = 0;
    await page.reload();
    await page.getByText('(foutnummer req-503)').waitFor();
    expect(sent.billing).toHaveLength(3);
    expect(await page.getByRole('alert').innerText()).toContain('Er ging iets mis aan onze kant.');
    await accessibleAtBothWidths(page, 'client-serverfout');
  });
});
