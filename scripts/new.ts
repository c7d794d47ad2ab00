/**
 * Starts a new story: `npm run new -- <slug> [--lang ar|en|both]` (default both).
 * Creates content/articles/<slug>/ with ar.mdx and/or en.mdx holding every required field,
 * today's date and placeholder text, as a draft, then says what to do next.
 * CONTENT_DIR makes it write into another content folder.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLocale, locales, type Locale } from '@/i18n/locales';
import { contentDir, storyFolders } from '@/lib/content/load';
import { nearest } from '@/lib/content/problems';
import { scaffoldStory } from '@/lib/content/scaffold';
import { SLUG_PATTERN } from '@/lib/content/schema';

function fail(message: string, hint?: string): never {
  console.error(`new: ${message}`);
  if (hint) console.error(`     ${hint}`);
  process.exit(1);
}

/** Today in the editor's own time zone, written YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0')).join('-');
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lang: { type: 'string', default: 'both' } },
});

const usage = `usage: npm run new -- <slug> [--lang ${[...locales, 'both'].join('|')}]   for example: npm run new -- doha-book-fair`;
if (positionals.length !== 1) fail(positionals.length === 0 ? 'give the new story an address (its slug)' : 'give exactly one slug', usage);

const slug = positionals[0];
if (!SLUG_PATTERN.test(slug)) {
  const suggestion = slug
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  fail(
    `"${slug}" is not a valid story address: use lowercase ASCII letters and digits, words joined by single hyphens`,
    suggestion ? `for example: npm run new -- ${suggestion}` : 'write the address in English letters, for example: npm run new -- doha-book-fair',
  );
}

const choice = values.lang;
const wanted: Locale[] =
  choice === 'both'
    ? [...locales]
    : (locales as readonly string[]).includes(choice)
      ? [choice as Locale]
      : fail(`--lang must be one of ${[...locales, 'both'].join(', ')}, found "${choice}"`, nearest(choice, [...locales, 'both']) ? `did you mean --lang ${nearest(choice, [...locales, 'both'])}?` : usage);

const articles = path.join(contentDir(), 'articles');
const existing = existsSync(articles) ? storyFolders(articles).find((folder) => folder.slug === slug) : undefined;
if (existing) {
  fail(
    `a story with the address "${slug}" already exists in ${path.relative(process.cwd(), existing.dir)}`,
    'choose another slug, or edit the existing story',
  );
}

const dir = path.join(articles, slug);
mkdirSync(dir, { recursive: true });
const date = today();
// With both languages, the default language is the original and the other a translation of it.
const original = wanted.includes(defaultLocale) ? defaultLocale : undefined;
const created = wanted.map((locale) => {
  const file = path.join(dir, `${locale}.mdx`);
  writeFileSync(file, scaffoldStory(locale, date, locale !== original && original ? original : undefined), { flag: 'wx' });
  return path.relative(process.cwd(), file);
});

const first = wanted[0];
console.log(`new: created ${created.join(' and ')}, dated ${date}, as a draft.

Next:
  1. Replace every [[placeholder]] with the real text, and set section and tags.
  2. Preview while you write: npm run dev, then open http://localhost:3000/${first}/news/${slug}/
  3. Add photos to ${path.relative(process.cwd(), dir)}/ and show them with <Figure src="./photo.jpg" alt="…" />.
  4. Check everything: npm run check
  5. To publish, delete the line "draft: true" and commit. See docs/editing.md (Arabic: docs/editing.ar.md).`);
