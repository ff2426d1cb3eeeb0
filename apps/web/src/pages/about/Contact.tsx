import { Link } from 'react-router';
import { PageHeading } from '../../components/ui';
import { SITE_CONTACT } from '../../site';

/** /contact: how to reach the platform's operator (placeholders until it is taken into use: see site.ts). */
export function ContactPage() {
  return (
    <article className="prose">
      <PageHeading>Contact</PageHeading>
      <p className="utrecht-paragraph prose__lead">
        Luisterend oor wordt beheerd door {SITE_CONTACT.operator}. Voor vragen over het platform, uw account of een
        factuur mailt u de servicedesk.
      </p>
      <dl className="contact-list">
        <dt>E-mail servicedesk</dt>
        <dd>
          <a className="utrecht-link" href={`mailto:${SITE_CONTACT.email}`}>
            {SITE_CONTACT.email}
          </a>
        </dd>
      </dl>
      {SITE_CONTACT.placeholder ? (
        <p className="utrecht-paragraph contact-placeholder">
          Dit is een voorbeeldadres: het echte adres van de servicedesk wordt hier vermeld zodra het platform in gebruik
          is.
        </p>
      ) : null}

      <h2 className="utrecht-heading-2">Waarmee wij u helpen</h2>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          <strong>Inloggen of uw account:</strong> vraag het eerst aan de beheerder van uw eigen organisatie; die kan
          accounts aanmaken en rollen geven.
        </li>
        <li className="utrecht-unordered-list__item">
          <strong>Een factuur of contract:</strong> noem het factuurnummer of de naam van het contract.
        </li>
        <li className="utrecht-unordered-list__item">
          <strong>Een foutmelding met een foutnummer:</strong> noem dat nummer; daarmee vinden wij wat er misging.
        </li>
        <li className="utrecht-unordered-list__item">
          <strong>Iets dat niet werkt met uw hulpmiddel:</strong> zie de{' '}
          <Link className="utrecht-link" to="/toegankelijkheid">
            toegankelijkheidsverklaring
          </Link>
          .
        </li>
      </ul>
      <p className="utrecht-paragraph">
        Zoekt u zelf een luisterend oor? Dit platform is voor gemeenten en aanbieders; de hulplijn van uw gemeente vindt
        u op de website van uw gemeente.
      </p>
    </article>
  );
}
