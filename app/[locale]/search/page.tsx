import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { translator } from '@/i18n/translator';
import { Breadcrumbs } from '@/components/layout/Breadcrumbs';
import { PageShell } from '@/components/layout/PageShell';
import { intlLocale, type Locale } from '@/i18n/locales';
import { localeParam } from '@/i18n/params';
import { pageAlternates } from '@/lib/alternates';
import { basePath } from '@/lib/config';
import { pageMetadata } from '@/lib/metadata';
import { SEARCH_SCRIPT } from '@/lib/search/paths';
import { href, paths } from '@/lib/urls';

type Props = { params: Promise<{ locale: string }> };

const alternates = (locale: Locale) => pageAlternates(locale, paths.search);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const t = translator(locale, 'SearchPage');
  return pageMetadata({
    locale,
    title: t('title'),
    description: t('description'),
    path: paths.search(locale),
    alternates: alternates(locale),
    // A search form has nothing of its own to index, and result URLs (?q=) must not be.
    noindex: true,
  });
}

/** One sample count per plural category of the language, to pre-translate the result count. */
function pluralSamples(locale: Locale): [Intl.LDMLPluralRule, number][] {
  const rules = new Intl.PluralRules(locale);
  const samples = new Map<Intl.LDMLPluralRule, number>();
  for (let count = 0; count <= 200; count += 1) {
    const category = rules.select(count);
    if (!samples.has(category)) samples.set(category, count);
  }
  return [...samples];
}

/**
 * `/{locale}/search/`: a GET form (`?q=`) enhanced by a small script of ours over Pagefind.
 * Without JavaScript the form is hidden and the page explains why, pointing to the sections.
 */
export default async function SearchPage({ params }: Props) {
  const locale = await localeParam(params);
  setRequestLocale(locale);
  const t = translator(locale, 'SearchPage');
  const crumbs = translator(locale, 'Breadcrumbs');
  const countMessages = Object.fromEntries(
    pluralSamples(locale).map(([category, sample]) => [
      `data-msg-count-${category}`,
      t('results', { count: sample, n: '{n}', query: '{q}' }),
    ]),
  );
  return (
    <PageShell locale={locale} alternates={alternates(locale)} currentPath={paths.search(locale)}>
      <Breadcrumbs
        locale={locale}
        trail={[
          { name: crumbs('home'), path: paths.home(locale) },
          { name: t('title'), path: paths.search(locale) },
        ]}
      />
      <h1 className="page-title">{t('title')}</h1>
      <form
        role="search"
        action={href(paths.search(locale))}
        method="get"
        className="site-search"
        hidden
        data-search-base={`${basePath}/`}
        data-results="search-results"
        data-status="search-status"
        data-number-locale={intlLocale(locale)}
        data-msg-empty=""
        data-msg-none={t('noResults', { query: '{q}' })}
        data-msg-error={t('unavailable')}
        data-msg-loading={t('searching')}
        {...countMessages}
      >
        <label htmlFor="search-query">{t('label')}</label>
        <input type="search" id="search-query" name="q" autoComplete="off" enterKeyHint="search" dir="auto" />
        <button type="submit">{t('submit')}</button>
      </form>
      <noscript>
        <p className="search-noscript">
          {t('noscript')} <a href={href(paths.sections(locale))}>{t('browseSections')}</a>
        </p>
      </noscript>
      <p id="search-status" className="search-status" role="status" aria-live="polite" />
      <ol id="search-results" className="search-results" />
      <script data-site-script="" type="module" src={href(SEARCH_SCRIPT)} />
    </PageShell>
  );
}
