import { Fragment, type ReactNode } from 'react';
import { defaultLocale, getLocaleFacts, locales, type Locale } from '@/i18n/locales';
import { siteName } from '@/lib/config';
import { SiteHead } from './SiteHead';

/**
 * The frame of the two pages that belong to no single language (`/` and the 404 page): a
 * complete HTML document in the default language, with one section per language, each
 * carrying its own `lang` and `dir`.
 */
export function BilingualPage({
  head,
  title,
  sections,
}: {
  head?: ReactNode;
  title: string;
  sections: (locale: Locale) => ReactNode;
}) {
  const facts = getLocaleFacts(defaultLocale);
  return (
    <html lang={facts.code} dir={facts.direction}>
      <head>
        <title>{title}</title>
        <SiteHead />
        {head}
      </head>
      <body>
        <main id="main" className="bilingual mx-auto grid max-w-3xl gap-10 px-4 py-12">
          <h1 className="masthead-bilingual">
            {locales.map((locale, index) => (
              <Fragment key={locale}>
                {index > 0 && (
                  <span aria-hidden="true" className="separator">
                    ·
                  </span>
                )}
                <span lang={getLocaleFacts(locale).code} dir={getLocaleFacts(locale).direction}>
                  {siteName[locale]}
                </span>
              </Fragment>
            ))}
          </h1>
          {locales.map((locale) => (
            <section
              key={locale}
              lang={getLocaleFacts(locale).code}
              dir={getLocaleFacts(locale).direction}
              className="bilingual-section"
            >
              {sections(locale)}
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
