import { ReactNode, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { $api } from '../api/client';
import { navFor } from '../nav';
import { useMe, useSession } from '../session';
import { Brand } from './Brand';
import { SiteFooter } from './SiteFooter';
import { Button } from './ui';

const ROLE_LABELS: Record<string, string> = {
  OFFICER: 'beleidsmedewerker',
  FINANCE: 'financiën',
  CONTRACT_MANAGER: 'contractbeheer',
  PROVIDER_ADMIN: 'aanbieder',
  ORG_ADMIN: 'beheerder',
  OPERATOR: 'platformbeheer',
};

/** The logo, kept here too for pages that imported it from the layout. */
export { Brand } from './Brand';

export function Layout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { signOut } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const items = navFor(me);
  const unread = useUnreadNotifications();
  const organisation = `${me.organisation.name} · ${me.roles.map((role) => ROLE_LABELS[role] ?? role).join(', ')}`;
  return (
    <div className="utrecht-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="utrecht-page-header site-header">
        <div className="utrecht-page-header__content site-header__bar">
          <Link to="/" className="brand-link">
            <Brand />
          </Link>
          <div className="who">
            <span className="who__text">
              <span className="who__name">{me.name}</span>
              <span className="who__org">{organisation}</span>
            </span>
            <Button variant="secondary" className="who__signout" onClick={() => void signOut()}>
              Afmelden
            </Button>
          </div>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="hoofdmenu"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            <span className={`menu-toggle__icon${menuOpen ? ' menu-toggle__icon--open' : ''}`} aria-hidden="true" />
            Menu
          </button>
        </div>
        <nav
          id="hoofdmenu"
          className={`utrecht-nav-bar site-nav${menuOpen ? ' site-nav--open' : ''}`}
          aria-label="Hoofdmenu"
        >
          <div className="site-nav__content">
            <ul className="site-nav__list">
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
            <p className="site-nav__who">
              Ingelogd als <strong>{me.name}</strong>
              <br />
              {organisation}
            </p>
          </div>
        </nav>
      </header>
      <main id="inhoud" tabIndex={-1} className="utrecht-page-content site-main" key={location.pathname}>
        {children}
      </main>
      <SiteFooter />
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
