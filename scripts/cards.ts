/**
 * Renders the social cards of the published stories into the card cache, without an export:
 *   tsx scripts/cards.ts --warm
 * `npm run build` runs it in the background, at the lowest CPU priority, from the start until
 * Next has exported the site (the content check and parts of Next's build leave a core idle),
 * and stops it with SIGTERM before the post-export steps, which copy the cached cards and
 * render any still missing.
 * On SIGTERM it finishes the cards in hand and exits; a card is only ever renamed into place
 * whole, so stopping it never leaves a broken card in the cache.
 */
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { ContentError } from '@/lib/content/problems';
import { cardJobs, fillCardCache } from '@/lib/social/cards';

const { values } = parseArgs({ options: { warm: { type: 'boolean', default: false } } });
if (!values.warm) {
  console.error('cards: run with --warm (the build copies cards into the export itself: npm run build)');
  process.exit(2);
}

// Each card is rendered once: libvips's operation cache would only hold memory.
sharp.cache(false);

let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
});

const started = performance.now();
try {
  const report = await fillCardCache(cardJobs(), { stop: () => stopping });
  console.log(
    `cards: ${report.rendered} social cards rendered in the background, ${report.cached} already cached` +
      `${stopping ? ' (stopped: the post-export step renders the rest)' : ''}, in ${Math.round(performance.now() - started)} ms`,
  );
} catch (error) {
  // Invalid content is the content check's to report, file by file; anything else is said here.
  // Either way the build goes on without the background cards, and renders them after the export.
  if (!(error instanceof ContentError)) console.error(`cards: the background cards stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
