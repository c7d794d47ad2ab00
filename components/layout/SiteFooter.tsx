import { translator } from '@/i18n/translator';
import { getLocaleFacts, locales, type Locale } from '@/i18n/locales';
import { siteName } from '@/lib/config';
import { href, paths } from '@/lib/urls';
import { Icon } from './Icon';

/** The site's footer: name and purpose, both editions (each named in its own language), back to top. */
export function SiteFooter({ locale }: { locale: Locale }) {
  const t = translator(locale, 'Footer');
  return (
    <footer className="site-footer">
      <div className="container footer-grid">
        <div className="footer-about">
          <p className="footer-name">{siteName[locale]}</p>
          <p>{t('about')}</p>
        </div>
        <nav aria-label={t('editions')} className="footer-editions">
          <p className="footer-heading" aria-hidden="true">
            {t('editions')}
          </p>
          <ul>
            {locales.map((code) => {
              const facts = getLocaleFacts(code);
              return (
                <li key={code}>
                  <a href={href(paths.home(code))} hrefLang={facts.code} lang={facts.code} dir={facts.direction}>
                    {siteName[code]} · {facts.label}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="footer-end">
          <p className="footer-rights">{t('rights')}</p>
          <a href="#top" className="back-to-top">
            <Icon name="arrow-up" />
            <span>{t('backToTop')}</span>
          </a>
        </div>
      </div>
    </footer>
  );
}
