import { PageHeading } from '../../components/ui';
import { SITE_CONTACT } from '../../site';

/** /privacy: which personal data the platform processes, why, the one cookie, and people's rights. */
export function PrivacyPage() {
  return (
    <article className="prose">
      <PageHeading>Privacyverklaring</PageHeading>
      <p className="utrecht-paragraph prose__lead">
        Luisterend oor is het platform waarop gemeenten, de VNG en aanbieders de Wmo-plicht voor anonieme hulp (art.
        2.2.4 Wmo 2015) regelen: contracten, deelname van gemeenten en facturen. Hier leest u welke gegevens het
        platform daarvoor gebruikt.
      </p>

      <h2 className="utrecht-heading-2">Welke gegevens</h2>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          <strong>Van gebruikers:</strong> naam, e-mailadres, organisatie en rol (bijvoorbeeld beleidsmedewerker of
          financiën), het moment van de laatste keer inloggen en het wachtwoord, alleen als onomkeerbare hash.
        </li>
        <li className="utrecht-unordered-list__item">
          <strong>Van gemeenten:</strong> contractgegevens (deelname, looptijd, inwonertallen van het CBS) en
          factuurgegevens (facturen, bedragen, betalingen, factuuradres, OIN en inkoopordernummers).
        </li>
        <li className="utrecht-unordered-list__item">
          <strong>Van aanbieders:</strong> hun diensten, openingstijden en dienstcijfers. Dat zijn aantallen: het
          platform bevat geen gegevens over de mensen die de hulplijn bellen of chatten. Die hulp is anoniem.
        </li>
        <li className="utrecht-unordered-list__item">
          <strong>Voor de beveiliging:</strong> een logboek van wijzigingen (wie wat wanneer deed) en, een kwartier
          lang, het aantal mislukte inlogpogingen per e-mailadres, om het raden van wachtwoorden te stoppen.
        </li>
      </ul>

      <h2 className="utrecht-heading-2">Waarvoor</h2>
      <p className="utrecht-paragraph">
        Alleen om het platform te laten werken: u laten inloggen met de rechten van uw rol, contracten en facturen
        bijhouden en laten zien of elke gemeente aan haar plicht voldoet. De gegevens worden niet verkocht en niet
        gebruikt voor reclame. U ziet alleen de gegevens van uw eigen organisatie en van de contracten waarin die een
        rol heeft; de beheerder van het platform ziet alles wat nodig is om het te laten werken.
      </p>

      <h2 className="utrecht-heading-2">Cookies</h2>
      <p className="utrecht-paragraph">
        Het platform gebruikt één cookie: een sessiecookie die u ingelogd houdt. Scripts op de pagina kunnen die niet
        lezen (httpOnly), de browser stuurt hem alleen mee naar het inlogdeel van het platform, en hij vervalt als u
        afmeldt of na twaalf uur. Er zijn geen cookies voor statistieken, advertenties of volgen, en de pagina's laden
        niets van andere websites: ook de lettertypen komen van het platform zelf.
      </p>

      <h2 className="utrecht-heading-2">Uw rechten</h2>
      <p className="utrecht-paragraph">
        U kunt de gegevens over u inzien en laten verbeteren of verwijderen. De beheerder van uw eigen organisatie kan
        uw account aanpassen of beëindigen; voor al het andere mailt u de servicedesk op{' '}
        <a className="utrecht-link" href={`mailto:${SITE_CONTACT.email}`}>
          {SITE_CONTACT.email}
        </a>
        . Bent u het niet eens met hoe wij met uw gegevens omgaan, dan kunt u een klacht indienen bij de Autoriteit
        Persoonsgegevens.
      </p>

      <p className="utrecht-paragraph prose__date">Deze verklaring is opgesteld op 3 december 2026.</p>
    </article>
  );
}
