import { translator } from '@/i18n/translator';
import { getLocaleFacts, type Locale } from '@/i18n/locales';
import { href } from '@/lib/urls';

export type AlternateLink = { locale: Locale; path: string };

/**
 * Links to the same page in the other languages. Each link is labelled in its own language
 * (with `lang` and `hreflang`), so a reader who cannot read the current page still finds it;
 * the navigation landmark is named in the page's language.
 */
export function LanguageSwitcher({
  locale,
  alternates,
  kind,
}: {
  locale: Locale;
  alternates: AlternateLink[];
  kind: 'story' | 'site';
}) {
  const t = translator(locale, 'LanguageSwitcher');
  return (
    <nav aria-label={t('label')} className="language-switcher">
      <p className="sr-only">{kind === 'story' ? t('storyInOther') : t('siteInOther')}</p>
      <ul>
        {alternates.map((alternate) => {
          const facts = getLocaleFacts(alternate.locale);
          return (
            <li key={alternate.locale}>
              <a href={href(alternate.path)} hrefLang={facts.code} lang={facts.code} dir={facts.direction} className="switcher-link">
                {facts.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
