import { translator } from '@/i18n/translator';
import type { Locale } from '@/i18n/locales';
import { siteName } from '@/lib/config';
import { primaryNavigation } from '@/lib/navigation';
import { href, paths } from '@/lib/urls';
import { Icon } from './Icon';
import { LanguageSwitcher, type AlternateLink } from './LanguageSwitcher';
import { ReaderSettings } from './ReaderSettings';

/**
 * Masthead, language switcher, display settings and the primary navigation. On narrow screens
 * the navigation folds behind a Menu button once the page is scripted; without JavaScript it
 * is simply shown. The language switcher stays visible at every width.
 */
export function SiteHeader({
  locale,
  alternates,
  switcherKind,
  currentPath,
}: {
  locale: Locale;
  alternates: AlternateLink[];
  switcherKind: 'story' | 'site';
  /** The page being shown, so its link in the navigation is marked as the current page. */
  currentPath?: string;
}) {
  const t = translator(locale, 'Header');
  const meta = translator(locale, 'Metadata');
  return (
    <header className="site-header" id="top">
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <div className="masthead-row container">
        <p className="edition">{t('edition')}</p>
        <div className="brand">
          <a href={href(paths.home(locale))} className="masthead" aria-label={t('home')}>
            {siteName[locale]}
          </a>
          <p className="tagline">{meta('tagline')}</p>
        </div>
        <div className="header-tools">
          <LanguageSwitcher locale={locale} alternates={alternates} kind={switcherKind} />
          <ReaderSettings locale={locale} />
          <button
            type="button"
            className="header-button menu-toggle needs-js"
            aria-expanded="false"
            aria-controls="site-nav"
            data-disclosure=""
          >
            <Icon name="menu" />
            <span>{t('menu')}</span>
          </button>
        </div>
      </div>
      <nav id="site-nav" aria-label={t('primaryNav')} className="primary-nav">
        <ul className="container">
          {primaryNavigation(locale).map((item) => (
            <li key={item.path}>
              <a href={href(item.path)} aria-current={item.path === currentPath ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
