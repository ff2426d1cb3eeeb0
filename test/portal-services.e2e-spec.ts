import { addDays, formatAmsterdam, todayInAmsterdam } from '@wmo/domain';
import { ALWAYS, daily } from './support/compliance';
import { sensoorIds } from './support/demo';
import { accessibilityViolations, describeInBrowser, Portal, screenshot, startPortal } from './support/browser';
import type { Client } from './support/test-app';

type Page = Awaited<ReturnType<Portal['newPage']>>;

/** No axe violation at all on the page as it is now. */
const accessible = async (page: Page) => expect(await accessibilityViolations(page)).toEqual([]);

describeInBrowser("web portal: a provider's services, hours and closures with their compliance effect", () => {
  let portal: Portal;
  let sensoor: Client;
  let url: string;
  let served: number;

  const chat = async () =>
    (
      (await sensoor.get(url).expect(200)).body as { channels: Array<{ kind: string; schedule: unknown[] }> }
    ).channels.find((c) => c.kind === 'CHAT')!;

  beforeAll(async () => {
    portal = await startPortal();
    sensoor = await portal.t.as('sensoor@demo.nl');
    const { providerId, serviceId } = await sensoorIds(sensoor);
    url = `/api/v1/providers/${providerId}/services/${serviceId}`;
    // The demo's telephone is open day and night, so chat hours alone change nothing. Here the
    // telephone is open 08:00-22:00 and chat day and night: then the chat's night hours matter.
    const res = await sensoor.patch(url).send({
      channels: [
        { kind: 'PHONE', schedule: daily('08:00', '22:00') },
        { kind: 'CHAT', schedule: ALWAYS },
      ],
    });
    expect(res.status).toBe(200);
    served = res.body.effect.municipalities as number;
    expect(served).toBeGreaterThan(300);
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('changes the chat hours: the week table, the effect before "Opslaan" (nothing saved yet), then the confirmation', async () => {
    const page = await portal.newPage();
    await portal.signIn(page, 'sensoor@demo.nl');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Diensten' }).click();
    await page.getByRole('heading', { name: 'Diensten', level: 1 }).waitFor();
    const week = page.getByRole('table', { name: /Openingstijden per dag/ });
    await expect(week.getByRole('row', { name: /Zondag/ }).innerText()).resolves.toMatch(
      /Zondag\s+08:00-22:00\s+Dag en nacht\s+Dag en nacht/,
    );
    await accessible(page);
    await screenshot(page, 'services-1280');

    await page.getByRole('link', { name: /^Openingstijden wijzigen/ }).click();
    await page.getByRole('heading', { name: 'Openingstijden wijzigen', level: 1 }).waitFor();
    await accessible(page);
    // A time that does not exist: said in Dutch next to the field; nothing asked of the API.
    const chatHours = page.getByLabel('Chat: elke dag');
    await chatHours.fill('08:00-25:00');
    await page.getByRole('button', { name: 'Bekijk het effect' }).click();
    await page.getByText('Vul tijden in als 08:00-22:00').waitFor();
    expect(await chatHours.getAttribute('aria-invalid')).toBe('true');
    await accessible(page);

    await chatHours.fill('08:00-22:00');
    await page.getByRole('button', { name: 'Bekijk het effect' }).click();
    await page.getByRole('heading', { name: 'Controleer de wijziging', level: 1 }).waitFor();
    await page.getByText('08:00-22:00 (was: dag en nacht)').waitFor();
    await page
      .getByText(
        `Na deze wijziging is de plicht van ${served} gemeenten niet meer gedekt elke dag van 22:00 tot 08:00 (de volgende dag).`,
      )
      .waitFor();
    await page.getByText(`${served} gemeenten zijn niet meer gedekt`).waitFor();
    // Only previewed: the API still has chat day and night.
    expect((await chat()).schedule).toEqual(ALWAYS);
    await accessible(page);
    await screenshot(page, 'service-effect-1280');

    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { name: 'Openingstijden opgeslagen', level: 1 }).waitFor();
    expect((await chat()).schedule).toEqual(daily('08:00', '22:00'));
    await accessible(page);
    await page.getByRole('link', { name: 'Terug naar Diensten' }).click();
    // The list is fetched again after the change (telephone, chat, e-mail across).
    await page
      .getByRole('table', { name: /Openingstijden per dag/ })
      .getByRole('row')
      .filter({ hasText: /Maandag\s*08:00-22:00\s*08:00-22:00\s*Dag en nacht/ })
      .waitFor();
    await accessible(page);
  });

  it('adds a closure of the chat at night with its effect, and removes it again', async () => {
    await sensoor
      .patch(url)
      .send({ channels: [{ kind: 'CHAT', schedule: ALWAYS }] })
      .expect(200);
    const day = addDays(todayInAmsterdam(), 30);
    const page = await portal.newPage();
    await portal.signIn(page, 'sensoor@demo.nl');
    await page.goto('/diensten');
    await page.getByRole('link', { name: /^Sluiting toevoegen/ }).click();
    await page.getByRole('heading', { name: 'Sluiting toevoegen', level: 1 }).waitFor();
    await page.getByLabel('Kanaal').selectOption('CHAT');
    await page.getByLabel('Gesloten vanaf (datum)').fill(day);
    await page.getByLabel('Vanaf (tijd)').fill('02:00');
    await page.getByLabel('Gesloten tot (datum)').fill(day);
    await page.getByLabel('Tot (tijd)').fill('06:00');
    await page.getByLabel('Reden').fill('Onderhoud chatplatform');
    await accessible(page);
    await page.getByRole('button', { name: 'Bekijk het effect' }).click();
    await page.getByRole('heading', { name: 'Controleer de sluiting', level: 1 }).waitFor();
    const long = new Intl.DateTimeFormat('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${day}T00:00:00Z`));
    await page
      .getByText(
        `Na deze wijziging is de plicht van ${served} gemeenten niet meer gedekt van ${long} 02:00 tot ${long} 06:00.`,
      )
      .waitFor();
    expect(
      (await sensoor.get(url).expect(200)).body.channels.find((c: { kind: string }) => c.kind === 'CHAT').closures,
    ).toEqual([]);
    await accessible(page);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { name: 'Sluiting opgeslagen', level: 1 }).waitFor();
    await accessible(page);
    // 02:00 Dutch time, whatever the offset that day.
    const offset = formatAmsterdam(Date.parse(`${day}T02:00:00Z`)).slice(19);
    const saved = (await chat()) as unknown as { closures: Array<{ from: string }> };
    expect(Date.parse(saved.closures[0].from)).toBe(Date.parse(`${day}T02:00:00${offset}`));

    await page.getByRole('link', { name: 'Terug naar Diensten' }).click();
    const upcoming = page.getByRole('table', { name: /Komende sluitingen/ });
    const dmy = `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`;
    await expect(upcoming.getByRole('row', { name: /Onderhoud chatplatform/ }).innerText()).resolves.toContain(
      `${dmy} 02:00`,
    );
    await upcoming.getByRole('link', { name: /^Verwijderen/ }).click();
    await page.getByRole('heading', { name: 'Sluiting verwijderen', level: 1 }).waitFor();
    await page
      .getByText(`Na deze wijziging is de plicht van ${served} gemeenten weer gedekt: dag en nacht bereikbaar.`)
      .waitFor();
    await accessible(page);
    await page.getByRole('button', { name: 'Sluiting verwijderen' }).click();
    await page.getByRole('heading', { name: 'Sluiting verwijderd', level: 1 }).waitFor();
    await accessible(page);
    expect(((await chat()) as unknown as { closures: unknown[] }).closures).toEqual([]);
  });

  it('at 375 px wide: the services and the effect of a change, without saving it', async () => {
    const page = await portal.newPage({ width: 375, height: 800 });
    await portal.signIn(page, 'sensoor@demo.nl');
    await page.goto('/diensten');
    await page.getByRole('heading', { name: 'Diensten', level: 1 }).waitFor();
    await accessible(page);
    await screenshot(page, 'services-375');
    await page.getByRole('link', { name: /^Openingstijden wijzigen/ }).click();
    await page.getByRole('heading', { name: 'Openingstijden wijzigen', level: 1 }).waitFor();
    await accessible(page);
    await page.getByLabel('Telefoon: elke dag').fill('Dag en nacht');
    await page.getByLabel('Chat: elke dag').fill('09:00-17:00');
    await page.getByRole('button', { name: 'Bekijk het effect' }).click();
    await page.getByRole('heading', { name: 'Controleer de wijziging', level: 1 }).waitFor();
    await page
      .getByText(`Voor de plicht van ${served} gemeenten verandert er niets: dag en nacht bereikbaar.`)
      .waitFor();
    await accessible(page);
    await screenshot(page, 'service-effect-375');
    expect((await chat()).schedule).toEqual(ALWAYS);
  });
});
