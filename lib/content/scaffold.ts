import type { Locale } from '@/i18n/locales';
import type { Problem } from './problems';
import { sections } from './sections';

/**
 * What `npm run new` writes: every required front-matter field, today's date, and
 * placeholder text in double square brackets that an editor recognises and the checker
 * refuses to publish. New stories start as drafts, so nothing goes out half-written.
 */

const PLACEHOLDER = /\[\[[^\]\n]*\]\]/g;

const placeholders: Record<Locale, Record<'title' | 'summary' | 'location' | 'author' | 'source' | 'body', string>> = {
  ar: {
    title: '[[العنوان]]',
    summary: '[[جملة أو جملتان تلخصان القصة]]',
    location: '[[المدينة]]',
    author: '[[اسم الكاتب أو القسم]]',
    source: '[[اسم المصدر]]',
    body: '[[اكتب نص القصة هنا، فقرة بعد فقرة، وبين كل فقرتين سطر فارغ.]]',
  },
  en: {
    title: '[[Headline]]',
    summary: '[[One or two sentences that sum up the story]]',
    location: '[[City]]',
    author: '[[Author or desk]]',
    source: '[[Name of the source]]',
    body: '[[Write the story here, one paragraph after another, with an empty line between paragraphs.]]',
  },
};

/** The text of a new story file. `translationOf` adds the fields of a translation. */
export function scaffoldStory(locale: Locale, date: string, translationOf?: Locale): string {
  const text = placeholders[locale];
  const lines = [
    '---',
    `title: "${text.title}"`,
    `summary: "${text.summary}"`,
    `date: ${date}`,
    `# One of: ${sections.join(', ')}`,
    'section: world',
    'tags: []',
    `location: "${text.location}"`,
    `author: "${text.author}"`,
    'source:',
    `  name: "${text.source}"`,
    ...(translationOf ? [`# This file is a translation of ${translationOf}.mdx:`, `translatedFrom: ${translationOf}`] : []),
    '# Remove the next line (or write false) when the story is ready to publish.',
    'draft: true',
    '---',
    '',
    text.body,
    '',
  ];
  return lines.join('\n');
}

/** Placeholder text left from `npm run new`, as problems (checked on stories that are not drafts). */
export function findPlaceholders(source: string, file: string): Problem[] {
  const problems: Problem[] = [];
  source.split(/\r?\n/).forEach((line, index) => {
    for (const match of line.matchAll(PLACEHOLDER)) {
      problems.push({
        file,
        line: index + 1,
        column: match.index + 1,
        severity: 'error',
        message: `placeholder text ${match[0]} is still in a story that is not a draft`,
        hint: 'replace it with the real text, or put draft: true back until the story is ready',
      });
    }
  });
  return problems;
}
