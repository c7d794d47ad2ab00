import { translator } from '@/i18n/translator';
import { BilingualPage } from '@/components/layout/BilingualPage';
import { ContentProblems } from '@/components/layout/ContentProblems';
import { defaultLocale, getLocaleFacts, locales } from '@/i18n/locales';
import { contentProblems } from '@/lib/content/load';
import { href, paths } from '@/lib/urls';

/** `out/404.html`: a complete document that helps the reader in both languages. */
export default function NotFound() {
  // While editing, a story missing because its file is invalid says why.
  const problems = process.env.NODE_ENV === 'development' ? contentProblems() : [];
  const blocked = problems.some((problem) => problem.severity === 'error');
  const title = locales
    .map((locale) => translator(locale, 'NotFound')('title'))
    .join(' | ');
  return (
    <BilingualPage
      title={title}
      head={<meta name="robots" content="noindex" />}
      sections={(locale) => {
        const t = translator(locale, 'NotFound');
        return (
          <>
            {blocked && locale === defaultLocale && <ContentProblems locale={locale} problems={problems} />}
            <h2>{t('title')}</h2>
            <p>{t('explanation')}</p>
            <p>
              <a href={href(paths.home(locale))} hrefLang={getLocaleFacts(locale).code}>
                {t('goHome')}
              </a>
            </p>
          </>
        );
      }}
    />
  );
}
