import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/locales';
import { siteName } from '@/lib/config';
import { href, paths } from '@/lib/urls';
import { LanguageSwitcher, type AlternateLink } from './LanguageSwitcher';

export async function SiteHeader({
  locale,
  alternates,
  switcherKind,
}: {
  locale: Locale;
  alternates: AlternateLink[];
  switcherKind: 'story' | 'site';
}) {
  const t = await getTranslations({ locale, namespace: 'Header' });
  const meta = await getTranslations({ locale, namespace: 'Metadata' });
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
        <ul className="mx-auto flex max-w-5xl gap-4 px-4">
          <li>
            <a href={href(paths.home(locale))}>{t('frontPage')}</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
