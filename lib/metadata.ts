import type { Metadata } from 'next';
import { defaultLocale, getLocaleFacts, type Locale } from '@/i18n/locales';
import type { Alternate } from './alternates';
import { siteName, siteUrl } from './config';
import { absoluteUrl } from './urls';

type ArticleFacts = {
  publishedTime: string;
  modifiedTime?: string;
  section: string;
  tags: string[];
  authors: string[];
};

/**
 * Head metadata shared by every localised page: absolute canonical URL, `hreflang`
 * alternates only to versions that exist (plus `x-default`), Open Graph and Twitter tags.
 */
export function pageMetadata(input: {
  locale: Locale;
  title: Metadata['title'];
  description: string;
  path: string;
  alternates: Alternate[];
  article?: ArticleFacts;
}): Metadata {
  const { locale, title, description, path, alternates, article } = input;
  const sameContent = alternates.filter((alternate) => alternate.sameStory);
  const languages: Record<string, string> = { [getLocaleFacts(locale).code]: absoluteUrl(path) };
  for (const alternate of sameContent) languages[getLocaleFacts(alternate.locale).code] = absoluteUrl(alternate.path);
  const defaultVersion = locale === defaultLocale ? path : sameContent.find((a) => a.locale === defaultLocale)?.path;
  languages['x-default'] = absoluteUrl(defaultVersion ?? path);

  const ogTitle = typeof title === 'string' ? title : title && 'absolute' in title ? title.absolute : siteName[locale];
  return {
    metadataBase: new URL(siteUrl),
    title,
    description,
    alternates: { canonical: absoluteUrl(path), languages },
    openGraph: {
      siteName: siteName[locale],
      title: ogTitle,
      description,
      url: absoluteUrl(path),
      locale: getLocaleFacts(locale).ogLocale,
      alternateLocale: sameContent.map((alternate) => getLocaleFacts(alternate.locale).ogLocale),
      ...(article
        ? {
            type: 'article' as const,
            publishedTime: article.publishedTime,
            modifiedTime: article.modifiedTime,
            section: article.section,
            tags: article.tags,
            authors: article.authors,
          }
        : { type: 'website' as const }),
    },
    twitter: { card: 'summary_large_image', title: ogTitle, description },
  };
}
