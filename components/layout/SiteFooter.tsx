import { getTranslations } from 'next-intl/server';
import { getLocaleFacts, locales, type Locale } from '@/i18n/locales';
import { siteName } from '@/lib/config';
import { href, paths } from '@/lib/urls';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Footer' });
  return (
    <footer className="site-footer">
      <div className="mx-auto max-w-5xl px-4 py-8">
        <p className="footer-name">{siteName[locale]}</p>
        <p>{t('about')}</p>
        <nav aria-label={t('languages')}>
          <ul className="flex gap-4">
            {locales.map((code) => {
              const facts = getLocaleFacts(code);
              return (
                <li key={code}>
                  <a href={href(paths.home(code))} hrefLang={code} lang={code} dir={facts.direction}>
                    {siteName[code]} · {facts.label}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <p className="text-sm">{t('rights')}</p>
      </div>
    </footer>
  );
}
