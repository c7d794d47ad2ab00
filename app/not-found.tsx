import { createTranslator } from 'next-intl';
import { BilingualPage } from '@/components/layout/BilingualPage';
import { getLocaleFacts, locales } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import { href, paths } from '@/lib/urls';

/** `out/404.html`: a complete document that helps the reader in both languages. */
export default function NotFound() {
  const title = locales
    .map((locale) => createTranslator({ locale, messages: loadMessages(locale), namespace: 'NotFound' })('title'))
    .join(' | ');
  return (
    <BilingualPage
      title={title}
      head={<meta name="robots" content="noindex" />}
      sections={(locale) => {
        const t = createTranslator({ locale, messages: loadMessages(locale), namespace: 'NotFound' });
        return (
          <>
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
