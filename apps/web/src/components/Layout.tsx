import { ReactNode, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { $api } from '../api/client';
import { navFor } from '../nav';
import { useMe, useSession } from '../session';
import { Button } from './ui';

const ROLE_LABELS: Record<string, string> = {
  OFFICER: 'beleidsmedewerker',
  FINANCE: 'financiën',
  CONTRACT_MANAGER: 'contractbeheer',
  PROVIDER_ADMIN: 'aanbieder',
  ORG_ADMIN: 'beheerder',
  OPERATOR: 'platformbeheer',
};

/** The platform's mark and name (large on the sign-in page). */
export function Brand({ large }: { large?: boolean }) {
  return (
    <div className={large ? 'brand brand--large' : 'brand'}>
      <span className="brand__mark" aria-hidden="true">
        ◖
      </span>
      <span>
        <span className="brand__name">Luisterend oor</span>
        <span className="brand__tagline">Wmo 2015 art. 2.2.4</span>
      </span>
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { signOut } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const items = navFor(me);
  const unread = useUnreadNotifications();
  return (
    <div className="utrecht-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="utrecht-page-header site-header">
        <div className="utrecht-page-header__content site-header__content">
          <Brand />
          <div className="who">
            <span className="who__name">{me.name}</span>
            <span className="who__org">
              {me.organisation.name} · {me.roles.map((role) => ROLE_LABELS[role] ?? role).join(', ')}
            </span>
            <Button variant="secondary" onClick={() => void signOut()}>
              Afmelden
            </Button>
          </div>
        </div>
        <nav className="utrecht-nav-bar site-nav" aria-label="Hoofdmenu">
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="hoofdmenu"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            Menu
          </button>
          <ul id="hoofdmenu" className={`site-nav__list${menuOpen ? ' site-nav__list--open' : ''}`}>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  className={({ isActive }) => `site-nav__link${isActive ? ' site-nav__link--current' : ''}`}
                  onClick={() => setMenuOpen(false)}
                >
                  {item.label}
                  {item.to === '/meldingen' && unread ? (
                    <span className="utrecht-number-badge nav-count">
                      {unread}
                      <span className="visually-hidden"> ongelezen</span>
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="inhoud" tabIndex={-1} className="utrecht-page-content site-main" key={location.pathname}>
        {children}
      </main>
      <footer className="utrecht-page-footer site-footer">
        <div className="utrecht-page-footer__content">
          <p className="utrecht-paragraph">
            Luisterend oor: anonieme hulp per telefoon of online, op elk moment van de dag (Wmo 2015, art. 2.2.4 lid 1
            onder b). Vragen over dit platform? Mail{' '}
            <a className="utrecht-link" href="mailto:servicedesk@luisterendoor.example">
              de servicedesk
            </a>
            .
          </p>
        </div>
      </footer>
    </div>
  );
}

/**
 * How many notifications the user has not read (a failure shows none). The same query as the
 * notifications page's, so marking one read there (which invalidates `['get', '/api/v1/notifications']`)
 * updates the menu at once; otherwise asked again every minute and on focus.
 */
function useUnreadNotifications(): number {
  const unread = $api.useQuery(
    'get',
    '/api/v1/notifications',
    { params: { query: { unread: 'true', limit: 1 } } },
    { refetchInterval: 60_000 },
  );
  return unread.data?.unread ?? 0;
}
