/**
 * Part of `npm run build`, after the checks: copies the images that published stories show
 * from their story folders into public/media/<slug>/ (git-ignored), so the export serves
 * them. Drafts and scheduled stories contribute nothing.
 */
import { readFileSync } from 'node:fs';
import { splitFrontmatter } from '@/lib/content/frontmatter';
import { loadStories } from '@/lib/content/load';
import { publishMedia } from '@/lib/content/media';
import { analyseMdx } from '@/lib/content/mdx-analyse';

const started = performance.now();
const versions = loadStories().flatMap((story) =>
  Object.values(story.versions).map((version) => {
    const split = splitFrontmatter(readFileSync(version.file, 'utf8'));
    return { slug: story.slug, dir: version.dir, facts: analyseMdx(split.body, split.bodyStartLine) };
  }),
);
const { files, bytes } = publishMedia(versions);
const ms = Math.round(performance.now() - started);
console.log(`media: ${files} ${files === 1 ? 'image' : 'images'} (${Math.round(bytes / 1024)} KB) copied to public/media/ in ${ms} ms`);
