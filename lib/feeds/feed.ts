import { getLocaleFacts, otherLocales, type Locale } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import { feedSize, siteName } from '../config';
import { localeIndex } from '../content/indexes';
import type { ArticleVersion } from '../content/load';
import { latestDate } from '../format/timestamps';
import { sectionName, tagName } from '../taxonomy';
import { absoluteUrl, paths } from '../urls';
import { feedHtml } from './feed-html';

/** Everything a feed says, independent of its format (RSS 2.0 or Atom). */
export type Feed = {
  locale: Locale;
  language: string;
  title: string;
  description: string;
  /** The language's front page. */
  homeUrl: string;
  rssUrl: string;
  atomUrl: string;
  iconUrl: string;
  publisher: string;
  /** `YYYY-MM-DD` of the newest change to any entry, or undefined for an empty feed. */
  updated: string | undefined;
  entries: FeedEntry[];
};

export type FeedEntry = {
  /** The story's absolute URL: also its stable GUID / Atom id. */
  url: string;
  title: string;
  summary: string;
  /** The full story as HTML, with absolute URLs. */
  html: string;
  published: string;
  updated: string;
  author: string;
  category: { term: string; label: string; scheme: string };
  tags: { term: string; label: string; scheme: string }[];
  /** The same story in the other languages. */
  translations: { language: string; url: string }[];
};

/** Renders one story to HTML (the route handler supplies the MDX renderer). */
export type RenderStory = (version: ArticleVersion) => Promise<string>;

/**
 * The newest stories of a language with their full text. Dates come from the front matter,
 * so building twice from the same content gives byte-identical feeds.
 */
export async function buildFeed(locale: Locale, renderStory: RenderStory): Promise<Feed> {
  const messages = loadMessages(locale).Feeds;
  const index = localeIndex(locale);
  const latest = index.stories.slice(0, feedSize);
  const entries = await Promise.all(
    latest.map(async (version): Promise<FeedEntry> => {
      const url = absoluteUrl(paths.story(locale, version.slug));
      const { html, unsupportedElements } = feedHtml(await renderStory(version), url);
      if (unsupportedElements.length > 0) {
        throw new Error(
          `${version.relativePath}: the feed cannot carry <${unsupportedElements.join('>, <')}>; feed readers drop or flag it`,
        );
      }
      const { frontmatter } = version;
      return {
        url,
        title: frontmatter.title,
        summary: frontmatter.summary,
        html,
        published: frontmatter.date,
        updated: frontmatter.updated ?? frontmatter.date,
        author: frontmatter.author,
        category: {
          term: frontmatter.section,
          label: sectionName(locale, frontmatter.section),
          scheme: absoluteUrl(paths.sections(locale)),
        },
        tags: frontmatter.tags.map((tag) => ({ term: tag, label: tagName(locale, tag), scheme: absoluteUrl(paths.tags(locale)) })),
        translations: otherLocales(locale).flatMap((other) =>
          localeIndex(other).bySlug.has(version.slug)
            ? [{ language: getLocaleFacts(other).code, url: absoluteUrl(paths.story(other, version.slug)) }]
            : [],
        ),
      };
    }),
  );
  return {
    locale,
    language: getLocaleFacts(locale).code,
    title: messages.title,
    description: messages.description,
    homeUrl: absoluteUrl(paths.home(locale)),
    rssUrl: absoluteUrl(paths.rss(locale)),
    atomUrl: absoluteUrl(paths.atom(locale)),
    iconUrl: absoluteUrl(paths.logo()),
    publisher: siteName[locale],
    updated: latestDate(entries.map((entry) => entry.updated)),
    entries,
  };
}
