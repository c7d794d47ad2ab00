import type { ReactNode } from 'react';
import type { Locale } from '@/i18n/locales';
import type { AlternateLink } from './LanguageSwitcher';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

/** The frame of every localised page: header with masthead and language switcher, main, footer. */
export function PageShell({
  locale,
  alternates,
  switcherKind = 'site',
  currentPath,
  children,
}: {
  locale: Locale;
  alternates: AlternateLink[];
  switcherKind?: 'story' | 'site';
  /** The page's own path, marking its navigation link as the current page. */
  currentPath?: string;
  children: ReactNode;
}) {
  return (
    <>
      <SiteHeader locale={locale} alternates={alternates} switcherKind={switcherKind} currentPath={currentPath} />
      <main id="main" tabIndex={-1} className="site-main container">
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
