import { Link } from 'react-router';
import { PageHeading } from '../../components/ui';
import { SITE_CONTACT } from '../../site';

/** /toegankelijkheid: what the platform aims for, how it is tested, what is known not to work, how to report. */
export function AccessibilityPage() {
  return (
    <article className="prose">
      {/* A soft hyphen: on a phone the word breaks as Dutch does, "Toegankelijkheids-verklaring". */}
      <PageHeading title="Toegankelijkheidsverklaring">Toegankelijkheids&shy;verklaring</PageHeading>
      <p className="utrecht-paragraph prose__lead">
        Iedereen die met Luisterend oor werkt, moet dat kunnen: ook met een schermlezer, alleen met het toetsenbord, met
        een vergroting van 400% of op een telefoon.
      </p>

      <h2 className="utrecht-heading-2">Wat wij nastreven</h2>
      <p className="utrecht-paragraph">
        Het platform moet voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.2 op niveau AA, de norm voor
        websites van de overheid (EN 301 549 en het Besluit digitale toegankelijkheid overheid).
      </p>

      <h2 className="utrecht-heading-2">Hoe wij dit controleren</h2>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          Elke pagina die onze geautomatiseerde tests bezoeken, wordt in Chromium gecontroleerd met axe, op 1280 en op
          375 pixels breed. Een melding van axe, van welke ernst ook, laat de test mislukken.
        </li>
        <li className="utrecht-unordered-list__item">
          De tests gebruiken de pagina's zoals mensen dat doen: via labels, knoppen en koppen, en voor inloggen alleen
          met het toetsenbord.
        </li>
        <li className="utrecht-unordered-list__item">
          Pagina's worden gecontroleerd op 320 pixels breed zonder zijwaarts scrollen.
        </li>
      </ul>
      <p className="utrecht-paragraph">
        Automatische tests vinden niet alles. Een onderzoek door een onafhankelijke deskundige met een volledige
        WCAG-toets heeft nog niet plaatsgevonden; daarom is de status van deze verklaring:{' '}
        <strong>gedeeltelijk onderzocht</strong>.
      </p>

      <h2 className="utrecht-heading-2">Wat nog niet goed werkt</h2>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          Brede tabellen schuiven op een tablet binnen hun eigen vak opzij; op een telefoon is elke rij een kaart.
        </li>
        <li className="utrecht-unordered-list__item">
          Downloads als PDF (facturen, raadsrapportages) zijn nog niet getoetst op toegankelijkheid (PDF/UA).
        </li>
      </ul>

      <h2 className="utrecht-heading-2">Een probleem melden</h2>
      <p className="utrecht-paragraph">
        Loopt u tegen iets aan dat niet werkt met uw hulpmiddel, of is iets onduidelijk? Mail de servicedesk op{' '}
        <a className="utrecht-link" href={`mailto:${SITE_CONTACT.email}`}>
          {SITE_CONTACT.email}
        </a>
        . Noem de pagina (het adres in de adresbalk), wat u probeerde te doen en welk hulpmiddel en welke browser u
        gebruikt. Zie ook{' '}
        <Link className="utrecht-link" to="/contact">
          Contact
        </Link>
        .
      </p>

      <p className="utrecht-paragraph prose__date">Deze verklaring is opgesteld op 3 december 2026.</p>
    </article>
  );
}
