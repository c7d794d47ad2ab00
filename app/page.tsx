import type { Metadata } from 'next';
import { translator } from '@/i18n/translator';
import { BilingualPage } from '@/components/layout/BilingualPage';
import { defaultLocale, getLocaleFacts } from '@/i18n/locales';
import { absoluteUrl, href, paths } from '@/lib/urls';

/**
 * `/` in a static export has no server to negotiate a language, so it is a small bilingual
 * page that sends the reader to the default edition with a meta refresh (works without
 * JavaScript) and links to every edition.
 */
export const metadata: Metadata = {
  robots: { index: false, follow: true },
};

export default function RootPage() {
  const target = href(paths.home(defaultLocale));
  const title = translator(defaultLocale, 'RootPage')('title');
  return (
    <BilingualPage
      title={title}
      head={
        <>
          <meta httpEquiv="refresh" content={`0; url=${target}`} />
          <link rel="canonical" href={absoluteUrl(paths.home(defaultLocale))} />
        </>
      }
      sections={(locale) => {
        const t = translator(locale, 'RootPage');
        const facts = getLocaleFacts(locale);
        return (
          <>
            {locale === defaultLocale && <p>{t('redirecting')}</p>}
            <p>
              {t('choose')}{' '}
              <a href={href(paths.home(locale))} hrefLang={facts.code}>
                {facts.label}
              </a>
            </p>
          </>
        );
      }}
    />
  );
}
