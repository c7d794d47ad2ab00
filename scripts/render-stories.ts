/**
 * One share of the post-export story-page step (lib/export/render-stories.tsx), run by
 * scripts/postexport.ts in one process per core:
 *   tsx scripts/render-stories.ts <export folder> <index>/<count>
 * Prints a line (languageDoneLine) as it finishes its part of each language's pages, then its
 * report as one JSON line; a problem ends it with status 1 and the message.
 */
import path from 'node:path';
import { languageDoneLine, renderStoryPages } from '@/lib/export/render-stories';

const [folder, shard = '0/1'] = process.argv.slice(2);
const [index, count] = shard.split('/').map(Number);
if (!folder || !Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 0 || index >= count) {
  console.error('usage: tsx scripts/render-stories.ts <export folder> <index>/<count>');
  process.exit(2);
}

renderStoryPages(path.resolve(folder), { shard: { index, count }, onLanguageDone: (locale) => console.log(languageDoneLine(locale)) })
  .then((report) => console.log(JSON.stringify(report)))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
