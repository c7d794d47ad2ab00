import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent } from '@/lib/content/load';
import { formatProblem, sortProblems } from '@/lib/content/problems';

const root = process.cwd();
const brokenTree = path.join(root, 'tests/fixtures/content/broken');

/**
 * The broken fixture tree holds one story per case the checker rejects. Each line below is
 * what an editor reads: the file, line and column to change, the problem, and a hint.
 */
const expected = [
    "articles/Bad_Slug:1:1  the folder name \"Bad_Slug\" is not a valid story address: use lowercase ASCII words joined by hyphens (for example \"bad-slug\")",
    "articles/bidi-control/ar.mdx:13:17  invisible bidirectional control character U+202E RIGHT-TO-LEFT OVERRIDE between \"لغ المحوَّل \" and \"٠٠١ دولار فق\": it can make text display in a different order from the one written (delete it; to mark words in the other language use <Lang code=\"en\">…</Lang> or <Lang code=\"ar\">…</Lang>)",
    "articles/bidi-control/ar.mdx:13:21  invisible bidirectional control character U+202C POP DIRECTIONAL FORMATTING between \"المحوَّل ٠٠١\" and \" دولار فقط.\": it can make text display in a different order from the one written (delete it; to mark words in the other language use <Lang code=\"en\">…</Lang> or <Lang code=\"ar\">…</Lang>)",
    "articles/broken-story-link/ar.mdx:13:6  the link \"/ar/news/missing-feld/\" points to a story \"missing-feld\" that does not exist (did you mean \"missing-field\"?)",
    "articles/broken-story-link/ar.mdx:13:47  the link \"/en/news/kit-misuse/\" points to the en version of \"kit-misuse\", which does not exist (it exists in: ar)",
    "articles/broken-story-link/ar.mdx:13:90  the link \"/fr/news/missing-field/\" names the language \"fr\", which the site does not publish (use /ar/ or /en/)",
    "articles/code-expression/ar.mdx:13:7  code is not allowed between { and } (found a function call) (to write a brace as text, write \\{)",
    "articles/code-expression/ar.mdx:13:40  \"process\" is not something the story imported (only values imported from the story folder can be shown)",
    "articles/correction-before-date/ar.mdx:12:11  corrections.0.date must not be before the publication date 2026-11-20, found 2026-11-19",
    "articles/duplicate-story:1:1  two stories claim the address \"duplicate-story\": this folder and articles/2025/duplicate-story (every story needs its own folder name; rename one of them)",
    "articles/embedded-frames/ar.mdx:13:1  <iframe> is not allowed: embedded frames are not allowed in a story (components that exist: Figure, PullQuote, FactBox, EditorNote, Correction, Lang)",
    "articles/embedded-frames/ar.mdx:15:1  <object> is not allowed: embedded objects are not allowed in a story (components that exist: Figure, PullQuote, FactBox, EditorNote, Correction, Lang)",
    "articles/embedded-frames/ar.mdx:17:1  <embed> is not allowed: embedded content is not allowed in a story (components that exist: Figure, PullQuote, FactBox, EditorNote, Correction, Lang)",
    "articles/empty-field/ar.mdx:2:8  title must not be empty",
    "articles/event-handler/ar.mdx:13:10  the event handler onClick= on <span> is not allowed: stories cannot run scripts (remove it)",
    "articles/event-handler/ar.mdx:15:17  the event handler onMouseOver= on <Lang> is not allowed: stories cannot run scripts (remove it)",
    "articles/image-without-alt/ar.mdx:13:1  the image has no alt text: describe what it shows for readers who cannot see it (write it between the brackets: ![what the photo shows](./photo.jpg))",
    "articles/image-without-alt/ar.mdx:15:1  <Figure> needs alt=\"…\" (for example <Figure src=\"./photo.jpg\" alt=\"What the photo shows\" credit=\"Agency\">Caption</Figure>)",
    "articles/image-without-alt/ar.mdx:17:27  alt on <Figure> is empty (describe what the image shows for readers who cannot see it)",
    "articles/import-outside/ar.mdx:13:18  import of \"../missing-field/data.json\" reaches outside the story folder (copy the file into the story folder and write \"./name\")",
    "articles/import-outside/ar.mdx:14:24  export of \"@site/shared\": a story may only export files from its own folder (copy the file into the story folder and write \"./name\")",
    "articles/impossible-date/ar.mdx:4:7  date must be a real date written YYYY-MM-DD, found \"2026-02-30\"",
    "articles/inner-html/ar.mdx:13:7  dangerouslySetInnerHTML on <span> is not allowed: it inserts unchecked HTML (write the content as text between the tags)",
    "articles/invisible-character/ar.mdx:13:5  invisible character U+200B ZERO WIDTH SPACE between \"كلمة\" and \"مخفية، أما ا\" (delete it; it often comes from copying text out of a web page or a word processor)",
    "articles/kit-misuse/ar.mdx:13:4  <Figure> must stand on its own line, not inside a sentence (leave an empty line before and after it)",
    "articles/kit-misuse/ar.mdx:15:13  date on <Correction> must be a real date written YYYY-MM-DD, found \"2026-13-01\" (for example 2026-11-29)",
    "articles/kit-misuse/ar.mdx:17:7  <Lang code=\"ar\"> marks text in the story\'s own language (use it only for a passage in the other language)",
    "articles/kit-misuse/ar.mdx:19:10  <FactBox> has no prop \"titel\" (did you mean \"title\"?)",
    "articles/kit-misuse/ar.mdx:25:1  <PullQuote> has no content (for example <PullQuote by=\"Name\">The quoted words</PullQuote>)",
    "articles/loose-story.mdx:1:1  a story file must be inside its own folder, or it is never published (move it to articles/loose-story/ar.mdx)",
    "articles/malformed-tag/ar.mdx:6:15  tags.1 tag \"Human Rights\" must be lowercase ASCII words joined by hyphens, for example \"human-rights\"",
    "articles/missing-field/ar.mdx:2:1  summary is required",
    "articles/missing-image/ar.mdx:13:9  the image file \"./missing.jpg\" does not exist (this story folder has no images yet)",
    "articles/missing-image/ar.mdx:15:1  the image \"https://example.org/photo.jpg\" is not a file in the story folder (save the image in the story folder and write its name, for example ./photo.jpg)",
    "articles/placeholder-left/ar.mdx:7:12  placeholder text [[المدينة]] is still in a story that is not a draft (replace it with the real text, or put draft: true back until the story is ready)",
    "articles/placeholder-left/ar.mdx:13:1  placeholder text [[اكتب نص القصة هنا]] is still in a story that is not a draft (replace it with the real text, or put draft: true back until the story is ready)",
    "articles/script-element/ar.mdx:15:1  <script> is not allowed: scripts cannot run inside a story (components that exist: Figure, PullQuote, FactBox, EditorNote, Correction, Lang)",
    "articles/stale-translation/en.mdx:11:15  warning: stale translation: articles/stale-translation/ar.mdx has changed since this translation was last reviewed (bring the translation up to date, then run: npm run check -- --fix-translation-hash stale-translation)",
    "articles/syntax-error/ar.mdx:15:1  <EditorNote> is opened here but never closed (add </EditorNote> after its content, or end the tag with /> when it has none)",
    "articles/unknown-component/ar.mdx:15:1  <Chart> is not a component of the kit (components that exist: Figure, PullQuote, FactBox, EditorNote, Correction, Lang)",
    "articles/unknown-component/ar.mdx:17:1  <Figur> is not a component of the kit (did you mean <Figure>? components that exist: Figure, PullQuote, FactBox, EditorNote, Correction, Lang)",
    "articles/unknown-locale-file/fr.mdx:1:1  \"fr.mdx\" is not a language version: a story folder holds ar.mdx and en.mdx (rename it to ar.mdx)",
    "articles/unknown-section/ar.mdx:5:10  section \"politcs\" is not a section (did you mean \"politics\"? Sections: politics, economy, human-rights, society, world, culture, technology, environment)",
    "articles/unsafe-links/ar.mdx:13:1  the link \"javascript:alert(1)\" would run a script (link to a web address starting with https://)",
    "articles/unsafe-links/ar.mdx:13:30  the link \"data:text/html;base64,PHNjcmlwdD4=\" carries a data: address, which can hide a page or a script (link to a web address starting with https://)",
    "articles/unsafe-links/ar.mdx:13:76  the link \"JaVaScRiPt:alert(1)\" would run a script (link to a web address starting with https://)",
    "articles/updated-before-date/ar.mdx:11:10  updated must not be before the publication date 2026-11-20, found 2026-11-19",
    "articles/wrong-type/ar.mdx:11:8  draft must be true or false",
];

describe('the content checker', () => {
  it('reports every problem of the broken tree, each at its exact file:line:column', () => {
    const { problems } = readContent(brokenTree, brokenTree, { today: '2026-11-25' });
    expect(sortProblems(problems).map(formatProblem)).toEqual(expected);
  });

  it('treats a stale translation as a warning and everything else as an error', () => {
    const { problems } = readContent(brokenTree, brokenTree, { today: '2026-11-25' });
    const warnings = problems.filter((problem) => problem.severity === 'warning').map((problem) => problem.file);
    expect(warnings).toEqual(['articles/stale-translation/en.mdx']);
  });

  it('passes the real content with no problem at all', () => {
    const { stories, problems } = readContent(path.join(root, 'content'), root);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(stories.length).toBeGreaterThan(0);
  });

  it('accepts the fixture site, including its draft, scheduled and archived stories', () => {
    const { stories, problems } = readContent(path.join(root, 'tests/fixtures/content/site'), root, { today: '2026-11-25' });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(stories.map((story) => story.slug).sort()).toEqual(['archived-story', 'draft-story', 'kit-showcase', 'plain-story', 'scheduled-story']);
  });

  it('lists a <Correction> in the text in the corrections log, with the front-matter ones, oldest first', () => {
    const { stories } = readContent(path.join(root, 'tests/fixtures/content/site'), root);
    const version = stories.find((story) => story.slug === 'kit-showcase')!.versions.en!;
    expect(version.corrections).toEqual([
      { date: '2026-11-21', text: 'An earlier version said the fair runs for a week; it runs for ten days.' },
      { date: '2026-11-22', text: 'an earlier version said twenty-five' },
    ]);
  });

  it('does not warn about ZWJ and ZWNJ, which Arabic script needs', () => {
    const text = readFileSync(path.join(brokenTree, 'articles/invisible-character/ar.mdx'), 'utf8');
    expect(text).toContain('\u200c');
    expect(text).toContain('\u200d');
    const { problems } = readContent(brokenTree, brokenTree);
    expect(problems.filter((problem) => problem.file === 'articles/invisible-character/ar.mdx')).toHaveLength(1);
  });

  it('marks a translation as stale when the words of its original change, not when its tags do', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stale-'));
    cpSync(path.join(root, 'tests/fixtures/content/valid'), dir, { recursive: true });
    const stale = () =>
      readContent(dir, dir).problems.filter((problem) => problem.severity === 'warning').map((problem) => problem.message);
    expect(stale()).toEqual([]);
    const original = path.join(dir, 'articles/bilingual-story/ar.mdx');
    const source = readFileSync(original, 'utf8');
    writeFileSync(original, source.replace('tags: [qatar]', 'tags: [qatar, united-nations]'));
    expect(stale()).toEqual([]);
    writeFileSync(original, source.replace('فقرة أولى من القصة.', 'فقرة أولى من القصة بعد تعديلها.'));
    expect(stale()).toEqual(['stale translation: articles/bilingual-story/ar.mdx has changed since this translation was last reviewed']);
  });
});

