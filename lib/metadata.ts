import type { Metadata } from 'next';
import { defaultLocale, getLocaleFacts, type Locale } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import type { Alternate } from './alternates';
import { siteName, siteUrl } from './config';
import { isoDateTime } from './format/timestamps';
import { CARD_HEIGHT, CARD_WIDTH } from './seo/json-ld';
import { absoluteUrl, paths } from './urls';

type ArticleFacts = {
  /** Calendar dates from the front matter (`YYYY-MM-DD`). */
  publishedDate: string;
  modifiedDate?: string;
  section: string;
  tags: string[];
  authors: string[];
};

/** The image a link preview shows: the page's own card or the site's card for its language. */
export type CardImage = { path: string; alt: string };

/**
 * The `hreflang` targets of a page: itself, each other-language version that exists, and
 * `x-default` (the default language's version when there is one, otherwise the page itself).
 * The page head and the sitemap both use this, so they always agree.
 */
export function hreflangUrls(locale: Locale, path: string, alternates: Alternate[]): Record<string, string> {
  const sameContent = alternates.filter((alternate) => alternate.sameStory);
  const languages: Record<string, string> = { [getLocaleFacts(locale).code]: absoluteUrl(path) };
  for (const alternate of sameContent) languages[getLocaleFacts(alternate.locale).code] = absoluteUrl(alternate.path);
  const defaultVersion = locale === defaultLocale ? path : sameContent.find((a) => a.locale === defaultLocale)?.path;
  languages['x-default'] = absoluteUrl(defaultVersion ?? path);
  return languages;
}

/** What every page of an edition inherits: the title template and the application name. */
export function editionMetadata(locale: Locale) {
  return {
    metadataBase: new URL(siteUrl),
    title: { default: siteName[locale], template: `%s | ${siteName[locale]}` },
    applicationName: siteName[locale],
  } satisfies Metadata;
}

/**
 * Head metadata shared by every localised page: absolute canonical URL, `hreflang`
 * alternates only to versions that exist (plus `x-default`), the language's feeds, Open
 * Graph and Twitter tags with a 1200x630 card.
 */
export function pageMetadata(input: {
  locale: Locale;
  title: Metadata['title'];
  description: string;
  path: string;
  alternates: Alternate[];
  article?: ArticleFacts;
  image?: CardImage;
  /** Pages that exist for navigation but have nothing to index (an empty section). */
  noindex?: boolean;
}): Metadata {
  const { locale, title, description, path, alternates, article, noindex = false } = input;
  const sameContent = alternates.filter((alternate) => alternate.sameStory);
  const languages = hreflangUrls(locale, path, alternates);

  const messages = loadMessages(locale).Feeds;
  const image = input.image ?? { path: paths.siteCard(locale), alt: siteName[locale] };
  const ogImage = { url: absoluteUrl(image.path), width: CARD_WIDTH, height: CARD_HEIGHT, alt: image.alt, type: 'image/png' };

  const ogTitle = typeof title === 'string' ? title : title && 'absolute' in title ? title.absolute : siteName[locale];
  return {
    metadataBase: new URL(siteUrl),
    title,
    description,
    ...(noindex ? { robots: { index: false, follow: true } } : {}),
    alternates: {
      canonical: absoluteUrl(path),
      languages,
      types: {
        'application/rss+xml': [{ url: absoluteUrl(paths.rss(locale)), title: messages.rssTitle }],
        'application/atom+xml': [{ url: absoluteUrl(paths.atom(locale)), title: messages.atomTitle }],
      },
    },
    openGraph: {
      siteName: siteName[locale],
      title: ogTitle,
      description,
      url: absoluteUrl(path),
      locale: getLocaleFacts(locale).ogLocale,
      alternateLocale: sameContent.map((alternate) => getLocaleFacts(alternate.locale).ogLocale),
      images: [ogImage],
      ...(article
        ? {
            type: 'article' as const,
            publishedTime: isoDateTime(article.publishedDate),
            modifiedTime: isoDateTime(article.modifiedDate ?? article.publishedDate),
            section: article.section,
            tags: article.tags,
            authors: article.authors,
          }
        : { type: 'website' as const }),
    },
    twitter: {
      card: 'summary_large_image',
      title: ogTitle,
      description,
      images: [{ url: ogImage.url, alt: image.alt, width: CARD_WIDTH, height: CARD_HEIGHT }],
    },
  };
}
