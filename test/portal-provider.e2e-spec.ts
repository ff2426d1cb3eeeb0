import { randomUUID } from 'node:crypto';
import { describeInBrowser, Portal, screenshot, accessibilityViolations, startPortal } from './support/browser';
import { type Client, waitForRun } from './support/test-app';

const euro = (cents: number) =>
  new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
/** "17425,25": how people type an amount. */
const typed = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

describeInBrowser('web portal: the provider (Sensoor) — invoices and recording payments', () => {
  let portal: Portal;
  let sensoor: Client;
  let total: number;
  let invoice: { id: string; number: string; outstandingCents: number; issueDate: string };

  beforeAll(async () => {
    portal = await startPortal();
    sensoor = await portal.t.as('sensoor@demo.nl');
    const vng = await portal.t.as('vng@demo.nl');
    const contracts = (await vng.get('/api/v1/contracts?limit=100').expect(200)).body.items as Array<{
      id: string;
      reference: string;
    }>;
    const vng2018 = contracts.find((c) => c.reference === 'VNG-SEN-2018')!.id;
    // The demo has no invoices: the VNG starts the 2025 run of the collective contract; Sensoor issues the invoices.
    // (Sensoor may start it too: test/invoicing/run-requests.e2e-spec.ts.)
    const started = await vng
      .post(`/api/v1/contracts/${vng2018}/invoice-runs`)
      .set('Idempotency-Key', randomUUID())
      .send({ year: 2025 });
    expect(started.status).toBe(202);
    expect(await waitForRun(vng, started.body.id)).toMatchObject({ status: 'COMPLETED' });
    const page = (await sensoor.get('/api/v1/invoices?municipality=GM0106').expect(200)).body;
    invoice = page.items[0];
    total = (await sensoor.get('/api/v1/invoices?limit=1').expect(200)).body.total;
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('lists the issued invoices page by page (server-side pages in the address)', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'sensoor@demo.nl');
    await page.getByRole('link', { name: 'Facturen' }).click();
    await page.getByRole('heading', { name: 'Facturen', level: 1 }).waitFor();
    expect(total).toBeGreaterThan(50);
    await page.getByText(`${total} documenten uit`, { exact: false }).waitFor();
    expect(await page.locator('.invoice-list tbody tr').count()).toBe(50);
    // The totals are those of all documents, not of the 50 shown (the API sums over every page).
    const { totals } = (await sensoor.get(`/api/v1/invoices?year=${new Date().getFullYear()}&limit=1`).expect(200))
      .body;
    expect(totals.outstandingCents).toBeGreaterThan(0);
    const shown = await page.locator('.invoice-totals').innerText();
    expect(shown).toContain(euro(totals.netInvoicedCents));
    expect(shown).toContain(euro(totals.outstandingCents));
    const first = await page.locator('.invoice-list tbody tr').first().innerText();
    await page
      .getByRole('navigation', { name: 'Paginering' })
      .getByRole('link', { name: /^Volgende/ })
      .click();
    await page.waitForURL(/page=2/);
    await page.getByText('Pagina 2 van', { exact: false }).waitFor();
    expect(await page.locator('.invoice-list tbody tr').count()).toBe(Math.min(50, total - 50));
    expect(await page.locator('.invoice-list tbody tr').first().innerText()).not.toBe(first);
  });

  it('records a payment of the full open amount: a bad amount is refused in Dutch first, then the status becomes "Betaald"', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'sensoor@demo.nl');
    await page.goto(`/facturen/${invoice.id}`);
    await page.getByRole('heading', { name: `Factuur ${invoice.number}`, level: 1 }).waitFor();
    expect(await page.locator('.invoice-summary .status-badge').innerText()).toContain('Openstaand');
    const form = page.getByRole('form', { name: 'Betaling registreren' });
    expect(await form.getByText(`Nog open: ${euro(invoice.outstandingCents)}.`).isVisible()).toBe(true);

    // Not an amount, and nothing for the reference: both said in Dutch, next to the fields.
    const amount = form.getByLabel('Bedrag (euro)');
    await amount.fill('12,345');
    await form.getByRole('button', { name: 'Betaling registreren' }).click();
    await form
      .locator('.utrecht-form-field-error-message')
      .filter({
        hasText: 'Vul een bedrag in euro in met hoogstens twee cijfers achter de komma, bijvoorbeeld 1.234,56.',
      })
      .waitFor();
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(
      await form
        .locator('.utrecht-form-field-error-message')
        .filter({ hasText: 'Vul een kenmerk in, bijvoorbeeld het nummer van het bankafschrift.' })
        .isVisible(),
    ).toBe(true);
    expect(await form.locator('.error-summary').innerText()).toContain('Er zijn 2 velden niet goed ingevuld.');
    // More than is open.
    await amount.fill(typed(invoice.outstandingCents + 1));
    await form.getByRole('button', { name: 'Betaling registreren' }).click();
    await form
      .locator('.utrecht-form-field-error-message')
      .filter({ hasText: `Het bedrag is hoger dan wat er openstaat (${euro(invoice.outstandingCents)}).` })
      .waitFor();
    expect((await sensoor.get(`/api/v1/invoices/${invoice.id}`).expect(200)).body.payments).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'factuur-betaling');

    // The server's own field errors are shown next to the field as well (the API refuses a date before the invoice date).
    await amount.fill(typed(invoice.outstandingCents));
    await form.getByLabel('Kenmerk').fill('Bankafschrift 2026-114');
    await page.route(`**/api/v1/invoices/${invoice.id}/payments`, (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: '/problems/validation-failed',
          status: 400,
          detail: 'x',
          errors: [{ field: 'date', message: 'date must not be before the invoice date 2026-01-01' }],
        }),
      }),
    );
    await form.getByRole('button', { name: 'Betaling registreren' }).click();
    await form
      .locator('.utrecht-form-field-error-message')
      .filter({ hasText: 'De datum mag niet vóór de factuurdatum' })
      .waitFor();
    await page.unroute(`**/api/v1/invoices/${invoice.id}/payments`);

    await form.getByRole('button', { name: 'Betaling registreren' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: `De betaling van ${euro(invoice.outstandingCents)} is geregistreerd. De status is nu: Betaald.`,
      })
      .waitFor();
    expect(await page.locator('.invoice-summary .status-badge').innerText()).toContain('Betaald');
    expect(await page.getByRole('table', { name: `Betalingen op ${invoice.number}` }).innerText()).toContain(
      'Bankafschrift 2026-114',
    );
    expect(await page.getByRole('heading', { name: 'Betaling registreren' }).count()).toBe(0);
    const after = (await sensoor.get(`/api/v1/invoices/${invoice.id}`).expect(200)).body;
    expect(after).toMatchObject({
      status: 'PAID',
      paidCents: invoice.outstandingCents,
      outstandingCents: 0,
      payments: [{ amountCents: invoice.outstandingCents, reference: 'Bankafschrift 2026-114' }],
    });
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'factuur-betaald');
  });
});
