import { ReactNode } from 'react';
import { Link } from 'react-router';
import { Brand } from './Brand';
import { SiteFooter } from './SiteFooter';

/** The frame of the pages anyone may see (sign-in, accessibility, privacy, contact): logo, content, footer. */
export function PublicLayout({ children, narrow }: { children: ReactNode; narrow?: boolean }) {
  return (
    <div className="utrecht-page public-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="utrecht-page-header site-header">
        <div className="utrecht-page-header__content site-header__bar">
          <Link to="/" className="brand-link">
            <Brand />
          </Link>
        </div>
      </header>
      <main id="inhoud" tabIndex={-1} className={`utrecht-page-content site-main${narrow ? ' site-main--narrow' : ''}`}>
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
