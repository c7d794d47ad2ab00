import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/locales';
import { siteName } from '@/lib/config';
import { sections } from '@/lib/content/sections';
import { sectionName } from '@/lib/taxonomy';
import { href, paths } from '@/lib/urls';
import { LanguageSwitcher, type AlternateLink } from './LanguageSwitcher';

export async function SiteHeader({
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
  const t = await getTranslations({ locale, namespace: 'Header' });
  const meta = await getTranslations({ locale, namespace: 'Metadata' });
  const navigation = [
    { path: paths.home(locale), label: t('frontPage') },
    ...sections.map((section) => ({ path: paths.section(locale, section), label: sectionName(locale, section) })),
    { path: paths.search(locale), label: t('search') },
  ];
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-4">
        <div>
          <a href={href(paths.home(locale))} className="masthead" aria-label={t('home')}>
            {siteName[locale]}
          </a>
          <p className="tagline">{meta('tagline')}</p>
        </div>
        <LanguageSwitcher locale={locale} alternates={alternates} kind={switcherKind} />
      </div>
      <nav aria-label={t('primaryNav')} className="primary-nav">
        <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-4 gap-y-1 px-4">
          {navigation.map((item) => (
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
