import { sensoorIds } from './support/demo';
import {
  accessibilityViolations,
  accessibleAtBothWidths,
  describeInBrowser,
  Portal,
  startPortal,
} from './support/browser';
import type { Client } from './support/test-app';

type Page = Awaited<ReturnType<Portal['newPage']>>;

/** No axe violation at all on the page as it is now (at 1280 and at 375 px). */
const accessible = async (page: Page) => expect(await accessibilityViolations(page)).toEqual([]);

interface Service {
  id: string;
  name: string;
  description: string | null;
  channels: Array<{
    kind: string;
    contact: string | null;
    schedule: Array<{ weekday: number; from: string; to: string }>;
  }>;
}

describeInBrowser("web portal: the provider's own details, a new service and a service's contacts", () => {
  let portal: Portal;
  let sensoor: Client;
  let providerId: string;
  let serviceId: string;

  const provider = async () =>
    (await sensoor.get(`/api/v1/providers/${providerId}`).expect(200)).body as { iban: string };
  const services = async () =>
    (await sensoor.get(`/api/v1/providers/${providerId}/services`).expect(200)).body as Service[];

  beforeAll(async () => {
    portal = await startPortal();
    sensoor = await portal.t.as('sensoor@demo.nl');
    ({ providerId, serviceId } = await sensoorIds(sensoor));
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('changes the IBAN on Gegevens aanbieder; a wrong IBAN shows the Dutch field error and changes nothing', async () => {
    const before = (await provider()).iban;
    const page = await portal.newPage();
    await portal.signIn(page, 'sensoor@demo.nl');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gegevens aanbieder' }).click();
    await page.getByRole('heading', { name: 'Gegevens aanbieder', level: 1 }).waitFor();
    await page.getByText('Deze gegevens staan als leverancier op elke factuur').waitFor();
    const iban = page.getByLabel('IBAN', { exact: true });
    await expect(iban.inputValue()).resolves.toBe(before);
    await accessibleAtBothWidths(page, 'aanbieder');

    // The API refuses the shape: its field error, in Dutch, at the field; nothing saved.
    await iban.fill('NL12 ABCD 3456');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Er is 1 veld niet goed ingevuld.').waitFor();
    await page.getByText('Vul een Nederlands IBAN in: NL, 2 cijfers').first().waitFor();
    expect(await iban.getAttribute('aria-invalid')).toBe('true');
    expect((await provider()).iban).toBe(before);
    await accessibleAtBothWidths(page, 'aanbieder-fout');

    // The right shape with a typo: its check digits do not add up, said before the API is asked.
    await iban.fill('NL91ABNA0417164301');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('de controlecijfers kloppen niet').first().waitFor();
    expect((await provider()).iban).toBe(before);

    // Spaces and small letters as on a bank card: saved as the IBAN.
    await iban.fill('nl91 abna 0417 1643 00');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De gegevens zijn opgeslagen').waitFor();
    await expect(iban.inputValue()).resolves.toBe('NL91ABNA0417164300');
    await page.getByRole('region', { name: 'Op uw facturen' }).getByText('NL91ABNA0417164300').waitFor();
    expect((await provider()).iban).toBe('NL91ABNA0417164300');
    await accessible(page);
    await page.reload();
    await expect(page.getByLabel('IBAN', { exact: true }).inputValue()).resolves.toBe('NL91ABNA0417164300');
  });

  it('adds a service through the check page: nothing is created before "Dienst toevoegen"', async () => {
    const count = (await services()).length;
    const page = await portal.newPage();
    await portal.signIn(page, 'sensoor@demo.nl');
    await page.goto('/diensten');
    await page.getByRole('link', { name: 'Dienst toevoegen', exact: true }).click();
    await page.getByRole('heading', { name: 'Dienst toevoegen', level: 1 }).waitFor();
    await accessible(page);

    // A name too short and a time that does not exist: each said at its field.
    await page.getByLabel('Naam', { exact: true }).fill('J');
    await page.getByLabel('Plicht').selectOption('WMO2015_2_2_4_1B');
    await page.getByLabel('Telefoon: elke dag').fill('08:00-25:00');
    await page.getByRole('button', { name: 'Controleer de dienst' }).click();
    await page.getByText('2 velden zijn nog niet goed ingevuld.').waitFor();
    expect(await page.getByLabel('Naam', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await accessibleAtBothWidths(page, 'dienst-toevoegen-fout');

    await page.getByLabel('Naam', { exact: true }).fill('Luisterend oor jongeren');
    await page.getByLabel('Beschrijving').fill('Een luisterend oor voor jongeren tot 23 jaar.');
    await page.getByLabel('Telefoon: contact').fill('0900-1234');
    await page.getByLabel('Telefoon: elke dag').fill('Dag en nacht');
    await page.getByRole('checkbox', { name: 'Chat' }).check();
    await page.getByLabel('Chat: contact').fill('https://www.sensoor.nl/jongeren');
    await page.getByRole('radio', { name: 'Per dag andere tijden' }).last().check();
    for (const day of ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'])
      await page.getByLabel(`Chat: ${day}`).fill('16:00-22:00');
    await accessibleAtBothWidths(page, 'dienst-toevoegen');
    await page.getByRole('button', { name: 'Controleer de dienst' }).click();

    await page.getByRole('heading', { name: 'Controleer de nieuwe dienst', level: 1 }).waitFor();
    await page.getByText('Elke dag: dag en nacht').waitFor();
    await page.getByText('Maandag: 16:00-22:00;', { exact: false }).waitFor();
    // Only checked: the API has no new service yet.
    expect(await services()).toHaveLength(count);
    await accessibleAtBothWidths(page, 'dienst-toevoegen-controle');

    await page.getByRole('button', { name: 'Dienst toevoegen' }).click();
    await page.getByRole('heading', { name: 'Dienst toegevoegd', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Wat gebeurt er nu', level: 2 }).waitFor();
    const added = (await services()).find((s) => s.name === 'Luisterend oor jongeren');
    expect(added).toMatchObject({ description: 'Een luisterend oor voor jongeren tot 23 jaar.' });
    expect(added!.channels.map((c) => [c.kind, c.contact, c.schedule.length]).sort()).toEqual([
      ['CHAT', 'https://www.sensoor.nl/jongeren', 5],
      ['PHONE', '0900-1234', 7],
    ]);
    await accessibleAtBothWidths(page, 'dienst-toegevoegd');
    await page.getByRole('link', { name: 'Terug naar Diensten' }).click();
    await page.getByRole('heading', { name: 'Luisterend oor jongeren', level: 2 }).waitFor();
  });

  it("changes a channel's contact: the change and its effect first (nothing saved), then the confirmation", async () => {
    const service = (await services()).find((s) => s.id === serviceId)!;
    const chat = () => service.channels.find((c) => c.kind === 'CHAT')!;
    const oldContact = chat().contact;
    const page = await portal.newPage();
    await portal.signIn(page, 'sensoor@demo.nl');
    await page.goto('/diensten');
    await page.getByRole('link', { name: `Gegevens wijzigen van ${service.name}`, exact: true }).click();
    await page.getByRole('heading', { name: 'Gegevens van de dienst wijzigen', level: 1 }).waitFor();
    const contact = page.getByLabel('Chat: contact');
    await expect(contact.inputValue()).resolves.toBe(oldContact);
    await accessibleAtBothWidths(page, 'dienst-gegevens');

    // An emptied contact cannot be saved: said at the field.
    await contact.fill('');
    await page.getByRole('button', { name: 'Controleer de wijziging' }).click();
    await page.getByText('Een contact kan niet leeg worden gemaakt.').waitFor();
    expect(await contact.getAttribute('aria-invalid')).toBe('true');
    await accessible(page);

    await contact.fill('https://www.sensoor.nl/chat-nieuw');
    await page.getByRole('button', { name: 'Controleer de wijziging' }).click();
    await page.getByRole('heading', { name: 'Controleer de wijziging', level: 1 }).waitFor();
    await page.getByText(`Contact https://www.sensoor.nl/chat-nieuw (was: ${oldContact})`).waitFor();
    await page.getByRole('heading', { name: 'Effect op de plicht van gemeenten', level: 2 }).waitFor();
    await page.getByText('Deze wijziging maakt voor geen enkele gemeente uit of de plicht gedekt is.').waitFor();
    // Only a dry run: the API still has the old contact.
    const stored = async () =>
      ((await sensoor.get(`/api/v1/providers/${providerId}/services/${serviceId}`).expect(200)).body as Service)
        .channels;
    expect((await stored()).find((c) => c.kind === 'CHAT')!.contact).toBe(oldContact);
    await accessibleAtBothWidths(page, 'dienst-gegevens-controle');

    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { name: 'Gegevens van de dienst opgeslagen', level: 1 }).waitFor();
    const after = await stored();
    expect(after.find((c) => c.kind === 'CHAT')).toMatchObject({
      contact: 'https://www.sensoor.nl/chat-nieuw',
      schedule: chat().schedule,
    });
    expect(after.find((c) => c.kind === 'PHONE')!.contact).toBe(
      service.channels.find((c) => c.kind === 'PHONE')!.contact,
    );
    await accessibleAtBothWidths(page, 'dienst-gegevens-opgeslagen');
  });
});
