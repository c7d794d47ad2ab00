import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { href } from './urls';

const PUBLIC_DIR = path.resolve(process.cwd(), 'public');

/**
 * The address of a file in public/ with a content hash in its query (`/scripts/site.js?v=1a2b3c4d`),
 * so a static host may cache it for long and a changed file is fetched again at once.
 * Fails the build when the file is missing.
 */
export function versionedAsset(sitePath: string): string {
  const file = path.join(PUBLIC_DIR, sitePath);
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 10);
  return `${href(sitePath)}?v=${hash}`;
}
