import { randomUUID } from 'node:crypto';
import { describeInBrowser, Portal, screenshot, accessibilityViolations, startPortal } from './support/browser';
import { waitForRun } from './support/test-app';

/** An allocation statement in the portal says what it is: the VNG's, settled via the municipal fund, nothing due. */
describeInBrowser('web portal: an allocation statement (fund withholding, 2016)', () => {
  let portal: Portal;
  let statement: { id: string; number: string };

  beforeAll(async () => {
    portal = await startPortal();
    const vng = await portal.t.as('vng@demo.nl');
    const contracts = (await vng.get('/api/v1/contracts?limit=100').expect(200)).body.items as Array<{
      id: string;
      reference: string;
    }>;
    const vng2015 = contracts.find((c) => c.reference === 'VNG-SEN-2015')!.id;
    const started = await vng
      .post(`/api/v1/contracts/${vng2015}/invoice-runs`)
      .set('Idempotency-Key', randomUUID())
      .send({ year: 2016 });
    expect(started.status).toBe(202);
    expect(await waitForRun(vng, started.body.id)).toMatchObject({ status: 'COMPLETED' });
    [statement] = (
      await vng.get('/api/v1/invoices?type=ALLOCATION_STATEMENT&municipality=GM0106').expect(200)
    ).body.items;
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  it.each([1280, 375])('at %i px: issued by the VNG, "Verrekend via gemeentefonds", no due date', async (width) => {
    const page = await portal.newPage({ width });
    await portal.signIn(page, 'finance.gm0106@demo.nl');
    await page.goto(`/facturen/${statement.id}`);
    await page.getByRole('heading', { name: `Opgave uitname gemeentefonds ${statement.number}`, level: 1 }).waitFor();
    expect(statement.number).toMatch(/^VNG-AS-\d{4}-\d{6}$/);
    expect(await page.locator('.invoice-summary').innerText()).toContain('Verrekend via gemeentefonds');
    expect(await page.locator('.invoice-summary').innerText()).toContain(
      'opgesteld door Vereniging van Nederlandse Gemeenten. Dit is geen factuur.',
    );
    const facts = await page.locator('.key-values').first().innerText();
    expect(facts).toMatch(/Opgesteld door\s+Vereniging van Nederlandse Gemeenten/);
    expect(facts).toMatch(/Aanbieder\s+Stichting Sensoor/);
    expect(facts).not.toContain('Vervaldatum');
    expect(facts).not.toContain('Factuurdatum');
    const amounts = await page.locator('.key-values').nth(1).innerText();
    expect(amounts).toMatch(/Totaal toegerekend\s+€\s?[\d.]+,\d\d/);
    expect(amounts).not.toContain('Btw');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, `opgave-uitname-${width}`);
  });
});
