import { translator } from '@/i18n/translator';
import { getLocaleFacts } from '@/i18n/locales';
import type { Alternate } from '@/lib/alternates';
import type { ArticleVersion } from '@/lib/content/load';
import { tagName } from '@/lib/taxonomy';
import { Icon } from '@/components/layout/Icon';
import { absoluteUrl, href, paths } from '@/lib/urls';
import { BidiText } from './BidiText';
import { CorrectionsLog } from './CorrectionsLog';

/** Source credit, translation note, section and tags, corrections, and the other-language link. */
export function StoryFooter({ version, alternates }: { version: ArticleVersion; alternates: Alternate[] }) {
  const { locale, frontmatter } = version;
  const t = translator(locale, 'StoryPage');
  const sections = translator(locale, 'Sections');
  const languages = translator(locale, 'LanguageNames');
  const original = frontmatter.translatedFrom;
  const source = frontmatter.source;
  return (
    <footer className="story-footer">
      <h2 className="sr-only">{t('articleInfo')}</h2>
      <CorrectionsLog version={version} />
      {original && <p className="translated-from">{t('translatedFrom', { language: languages(original) })}</p>}
      <dl className="story-facts">
        <div>
          <dt>{t('source')}</dt>
          <dd className="source-credit">
            {source.url ? (
              <a href={source.url} rel="noopener noreferrer">
                <BidiText text={source.name} locale={locale} />
              </a>
            ) : (
              <BidiText text={source.name} locale={locale} />
            )}
            {source.originalName && original && (
              <>
                {' ('}
                {t('sourceOriginal', { language: languages(original) })}{' '}
                <bdi lang={getLocaleFacts(original).code} dir={getLocaleFacts(original).direction}>
                  {source.originalName}
                </bdi>
                {')'}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('section')}</dt>
          <dd>
            <a href={href(paths.section(locale, frontmatter.section))}>{sections(frontmatter.section)}</a>
          </dd>
        </div>
        {frontmatter.tags.length > 0 && (
          <div>
            <dt>{t('tags')}</dt>
            <dd>
              <ul className="tag-list">
                {frontmatter.tags.map((tag) => (
                  <li key={tag}>
                    <a href={href(paths.tag(locale, tag))}>{tagName(locale, tag)}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      {alternates
        .filter((alternate) => alternate.sameStory)
        .map((alternate) => {
          const facts = getLocaleFacts(alternate.locale);
          return (
            <p key={alternate.locale} className="other-language">
              <a href={href(alternate.path)} hrefLang={facts.code}>
                <span>{t('otherLanguage', { language: languages(alternate.locale) })}</span>
                <Icon name="arrow-forward" />
              </a>
            </p>
          );
        })}
      <p className="print-only story-address">
        {t('storyAddress')} <bdi dir="ltr">{absoluteUrl(paths.story(locale, version.slug))}</bdi>
      </p>
    </footer>
  );
}
