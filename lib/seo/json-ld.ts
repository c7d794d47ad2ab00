import { getLocaleFacts, type Locale } from '@/i18n/locales';
import { siteName } from '../config';
import type { ArticleVersion, Story } from '../content/load';
import { isoDateTime } from '../format/timestamps';
import { sectionName, tagName } from '../taxonomy';
import { absoluteUrl, paths } from '../urls';

/**
 * Structured data (schema.org as JSON-LD) for search engines and link previews, and the one
 * safe way to put it into a page.
 */

export type JsonLd = Record<string, unknown>;

/** A step of a breadcrumb trail: its name and site path. */
export type Crumb = { name: string; path: string };

/**
 * JSON for a `<script type="application/ld+json">` element. JSON.stringify alone is not
 * enough: a `</script>` (or `<!--`) inside a headline would end the element early and let
 * the rest of the text be read as HTML. Escaping `<`, `>` and `&` as JSON unicode escapes
 * keeps the data identical for a JSON parser and inert for the HTML parser; U+2028/U+2029
 * are escaped for old JavaScript parsers.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const LOGO_SIZE = 512;
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The publisher: a news organisation with its logo, named in the page's language. */
export function publisherJsonLd(locale: Locale): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${absoluteUrl('/')}#publisher`,
    name: siteName[locale],
    alternateName: Object.values(siteName).filter((name) => name !== siteName[locale]),
    url: absoluteUrl(paths.home(locale)),
    logo: { '@type': 'ImageObject', url: absoluteUrl(paths.logo()), width: LOGO_SIZE, height: LOGO_SIZE },
  };
}

/** The site as a whole, on its front pages, with the search it offers. */
export function websiteJsonLd(locale: Locale, description: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': `${absoluteUrl(paths.home(locale))}#website`,
    name: siteName[locale],
    description,
    url: absoluteUrl(paths.home(locale)),
    inLanguage: getLocaleFacts(locale).code,
    publisher: publisherJsonLd(locale),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(paths.search(locale))}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

export function breadcrumbJsonLd(crumbs: readonly Crumb[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  };
}

/**
 * A desk byline ("Sada news desk", "قسم الأخبار في صدى") names the publisher's newsroom, an
 * organisation; any other byline names a person.
 */
function authorJsonLd(author: string, locale: Locale): JsonLd {
  const isDesk = Object.values(siteName).some((name) => author.includes(name));
  return isDesk
    ? { '@type': 'Organization', name: author, url: absoluteUrl(paths.home(locale)) }
    : { '@type': 'Person', name: author };
}

function articleReference(version: ArticleVersion): JsonLd {
  return {
    '@type': 'NewsArticle',
    '@id': absoluteUrl(paths.story(version.locale, version.slug)),
    url: absoluteUrl(paths.story(version.locale, version.slug)),
    headline: version.frontmatter.title,
    inLanguage: getLocaleFacts(version.locale).code,
  };
}

/**
 * The story as a NewsArticle: dates with their time zone, language, byline, publisher,
 * card image, section and tags, the source it is based on, and the link between its
 * original and its translations.
 */
export function newsArticleJsonLd(story: Story, version: ArticleVersion): JsonLd {
  const { locale, frontmatter } = version;
  const url = absoluteUrl(paths.story(locale, story.slug));
  const source: JsonLd = {
    '@type': 'CreativeWork',
    name: frontmatter.source.originalName ?? frontmatter.source.name,
    ...(frontmatter.source.url ? { url: frontmatter.source.url } : {}),
  };
  const original = frontmatter.translatedFrom ? story.versions[frontmatter.translatedFrom] : undefined;
  const translations = Object.values(story.versions).filter(
    (other): other is ArticleVersion => other !== undefined && other.frontmatter.translatedFrom === locale,
  );
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    headline: frontmatter.title,
    description: frontmatter.summary,
    datePublished: isoDateTime(frontmatter.date),
    dateModified: isoDateTime(frontmatter.updated ?? frontmatter.date),
    inLanguage: getLocaleFacts(locale).code,
    author: [authorJsonLd(frontmatter.author, locale)],
    publisher: publisherJsonLd(locale),
    image: [
      {
        '@type': 'ImageObject',
        url: absoluteUrl(paths.storyCard(locale, story.slug)),
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
      },
    ],
    articleSection: sectionName(locale, frontmatter.section),
    keywords: frontmatter.tags.map((tag) => tagName(locale, tag)),
    locationCreated: { '@type': 'Place', name: frontmatter.location },
    isBasedOn: source,
    citation: source,
    ...(original ? { translationOfWork: articleReference(original) } : {}),
    ...(translations.length > 0 ? { workTranslation: translations.map(articleReference) } : {}),
  };
}
