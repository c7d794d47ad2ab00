/**
 * Validates every story without building the site (`npm run check`); `npm run build` runs it
 * beside the font subsetting and Next's compile, and Next reads no content until it has passed
 * (lib/build/publish.ts). Every story without JavaScript is also compiled, from the same parse,
 * into the MDX cache the page renderer reads. Prints one line per problem, `path:line:column  message (hint)`, and exits 1 when any
 * is an error. Warnings (a stale translation, a link to a draft) are printed but do not fail.
 *
 *   npm run check
 *   npm run check -- --fix-translation-hash <slug>   after reviewing a translation
 *
 * The build runs it with --stage-media: once the content is valid, the images that published
 * stories show are copied into public/media/ from the same reading of the files.
 *
 * CONTENT_DIR checks another content folder; PUBLISH_DATE judges scheduled stories against
 * another day.
 */
import { parseArgs } from 'node:util';
import { compilingParser } from '@/lib/content/compile';
import { contentDir, isPublic, readContent } from '@/lib/content/load';
import { publishMedia } from '@/lib/content/media';
import { formatProblem, sortProblems } from '@/lib/content/problems';
import { HASH_FIELD, writeOriginalHash } from '@/lib/content/translation';
import { MdxFactsCache } from '@/lib/content/mdx-analyse';
import { CONTENT_CACHE_DIR, VersionCache } from '@/lib/content/version-cache';

const { values } = parseArgs({
  options: {
    'fix-translation-hash': { type: 'string', multiple: true },
    quiet: { type: 'boolean', default: false },
    'stage-media': { type: 'boolean', default: false },
  },
});

const root = contentDir();
const started = performance.now();
// Every file is checked afresh; what passes is stored for the build's other processes
// (Next's page-data and rendering workers), which then read it instead of parsing it again.
// Story bodies whose text has not changed since the last check are not parsed again; those
// that are parsed are compiled from the same parse, for the pages rendered after the export.
const result = readContent(root, process.cwd(), {
  fillCache: new VersionCache(root),
  factsCache: new MdxFactsCache(CONTENT_CACHE_DIR, root),
  bodyParser: (version) => compilingParser(version),
});

const toFix = values['fix-translation-hash'] ?? [];
if (toFix.length > 0) {
  let failed = false;
  for (const slug of toFix) {
    const story = result.stories.find((candidate) => candidate.slug === slug);
    if (!story) {
      console.error(`check: there is no story "${slug}" (or its files have errors: run npm run check first)`);
      failed = true;
      continue;
    }
    const translations = Object.values(story.versions).filter((version) => version.frontmatter.translatedFrom);
    if (translations.length === 0) {
      console.error(`check: no version of "${slug}" is marked translatedFrom, so there is no translation to mark as reviewed`);
      failed = true;
    }
    for (const version of translations) {
      const original = story.versions[version.frontmatter.translatedFrom!];
      if (!original) continue;
      const { previous } = writeOriginalHash(version.file, original.contentHash);
      console.log(
        previous === original.contentHash
          ? `check: ${version.relativePath} was already marked as reviewed against ${original.relativePath}`
          : `check: ${version.relativePath} is now marked as reviewed against ${original.relativePath} (${HASH_FIELD}: ${original.contentHash})`,
      );
    }
  }
  process.exit(failed ? 1 : 0);
}

const problems = sortProblems(result.problems);
const errors = problems.filter((problem) => problem.severity === 'error');
const warnings = problems.length - errors.length;
for (const problem of problems) (problem.severity === 'error' ? console.error : console.warn)(formatProblem(problem));

const versions = result.stories.reduce((count, story) => count + Object.keys(story.versions).length, 0);
const ms = Math.round(performance.now() - started);
const summary = `${result.stories.length} ${result.stories.length === 1 ? 'story' : 'stories'} (${versions} language versions) checked in ${ms} ms`;
if (errors.length > 0) {
  console.error(`\ncheck: ${errors.length} ${errors.length === 1 ? 'error' : 'errors'}${warnings ? ` and ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''} in ${summary}; nothing can be published until the errors are fixed.`);
  process.exit(1);
}
if (values['stage-media']) {
  const published = result.stories.flatMap((story) =>
    Object.values(story.versions).filter((version) => isPublic(version, { preview: false })).map((version) => ({ slug: story.slug, dir: version.dir, images: version.images })),
  );
  const { files, bytes } = publishMedia(published);
  console.log(`media: ${files} ${files === 1 ? 'image' : 'images'} (${Math.round(bytes / 1024)} KB) copied to public/media/`);
}
if (!values.quiet || warnings > 0) {
  console.log(`check: ${warnings ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, no errors` : 'no problems'}; ${summary}.`);
}
