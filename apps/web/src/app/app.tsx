import { Suspense, useEffect, useState } from 'react';
import { COMMON, ROLE_NAMES } from '../i18n/common.messages.js';
import { LANGS, useLang, useT } from '../i18n/i18n.js';
import { NotificationBell } from '../features/notifications/notification-bell.js';
import SignInPage from '../features/sign-in/sign-in.page.js';
import { Link, matchPath, useRouter } from '../router/router.js';
import { holdsAny } from '../session/session-token.js';
import { useSession } from '../session/session.js';
import { APP_MESSAGES } from './app.messages.js';
import { ROUTES } from './routes.js';

function LanguageSwitch() {
  const { lang, setLang } = useLang();
  const common = useT(COMMON);
  return (
    <div className="lang" role="group" aria-label={common.language}>
      {LANGS.map((code) => (
        <button key={code} type="button" aria-pressed={lang === code} onClick={() => setLang(code)} lang={code}>
          {code === 'vi' ? 'Tiếng Việt' : 'English'}
        </button>
      ))}
    </div>
  );
}

function Navigation() {
  const t = useT(APP_MESSAGES);
  const { user } = useSession();
  const { location } = useRouter();
  const items = [
    { to: '/', label: t.inbox, show: true },
    { to: '/proposals/new', label: t.newProposal, show: holdsAny(user, 'drafter', 'unit_head') },
    { to: '/campaigns', label: t.campaigns, show: true },
    { to: '/calendar', label: t.calendar, show: true },
    { to: '/statistics', label: t.statistics, show: true },
    { to: '/people', label: t.people, show: true },
    { to: '/audit', label: t.audit, show: holdsAny(user, 'auditor', 'admin') },
    { to: '/units', label: t.units, show: holdsAny(user, 'admin') },
  ];
  return (
    <nav aria-label={t.mainNav}>
      <ul>
        {items
          .filter((item) => item.show)
          .map((item) => (
            <li key={item.to}>
              <Link to={item.to} aria-current={location.path === item.to ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function CurrentPage() {
  const { location } = useRouter();
  const { user } = useSession();
  const t = useT(APP_MESSAGES);
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, location.path);
    if (!params) continue;
    if (route.roles && !holdsAny(user, ...route.roles)) {
      return (
        <p role="alert">
          {t.notAllowed} <Link to="/">{t.backHome}</Link>
        </p>
      );
    }
    const Page = route.page;
    return <Page params={params} />;
  }
  return (
    <p role="alert">
      {t.notFound} <Link to="/">{t.backHome}</Link>
    </p>
  );
}

/**
 * The console: a header (navigation, bell, language, who is signed in) over the current screen. On a phone
 * (styles.css, max-width 30rem) the header is one row, the short title, the bell and a menu button; the
 * navigation and the rest open under it from the button and close again on the next screen.
 */
export function App() {
  const t = useT(APP_MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const { user, signOut } = useSession();
  const { location } = useRouter();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.path, location.query.toString()]);
  if (!user) {
    return (
      <main id="main" className="sign-in-screen">
        <header className="sign-in-header">
          <h1>{t.title}</h1>
          <LanguageSwitch />
        </header>
        <SignInPage />
      </main>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skip}
      </a>
      <header className={menuOpen ? 'app-header app-header--open' : 'app-header'} data-testid="app-header">
        <Link to="/" className="brand" title={t.title}>
          <span className="brand__full">{t.title}</span>
          <span className="brand__short" aria-hidden="true">
            {t.shortTitle}
          </span>
        </Link>
        <div className="header-tools">
          <NotificationBell />
          <button
            type="button"
            className="menu-toggle"
            data-testid="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="header-menu"
            aria-label={menuOpen ? t.closeMenu : t.openMenu}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span> <span className="menu-toggle__label">{t.menu}</span>
          </button>
        </div>
        <div className="header-menu" id="header-menu">
          <Navigation />
          <div className="header-more">
            <LanguageSwitch />
            <span className="who" title={t.signedInAs}>
              {user.name} · {user.roles.map((role) => ROLE_NAMES[lang][role]).join(', ')}
            </span>
            <button type="button" onClick={signOut}>
              {common.signOut}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p aria-busy="true">{common.loading}</p>}>
          <CurrentPage />
        </Suspense>
      </main>
    </>
  );
}
