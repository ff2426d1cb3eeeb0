import { Link } from 'react-router';

/** The links every Dutch government service carries, on every page, signed in or not. */
export const FOOTER_LINKS = [
  { to: '/toegankelijkheid', label: 'Toegankelijkheidsverklaring' },
  { to: '/privacy', label: 'Privacyverklaring' },
  { to: '/contact', label: 'Contact' },
] as const;

export function SiteFooter() {
  return (
    <footer className="utrecht-page-footer site-footer">
      <div className="utrecht-page-footer__content site-footer__content">
        <div className="site-footer__about">
          <p className="site-footer__name">Luisterend oor</p>
          <p className="site-footer__text">
            Het platform waarmee gemeenten hun plicht uit de Wmo 2015 (art. 2.2.4) nakomen: anonieme hulp per telefoon
            of online, op elk moment van de dag.
          </p>
        </div>
        <nav aria-label="Over deze website" className="site-footer__nav">
          <ul className="site-footer__links">
            {FOOTER_LINKS.map((link) => (
              <li key={link.to}>
                <Link className="site-footer__link" to={link.to}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
