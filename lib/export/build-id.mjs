// Plain JavaScript (not TypeScript) because next.config.mjs imports it before anything is compiled.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Everything in the project that can change what the build writes to the export. */
export const BUILD_INPUTS = [
  'app',
  'components',
  'i18n',
  'lib',
  'messages',
  'public',
  'scripts',
  'next.config.mjs',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
];

/** Environment variables that change the output, with the effective publish date. */
export const BUILD_ENV = ['SITE_URL', 'BASE_PATH', 'PUBLISH_DATE'];

const SKIP = new Set(['node_modules', '.git', '.next', '.DS_Store']);

/**
 * Left out because they are written while `next build` starts (it runs beside the content
 * check and the cutting of the font faces, docs/decisions/014 and 016) and hold nothing the rest
 * does not: public/media/ is the check's copy of the stories' images, which are hashed with the
 * content; public/fonts/ holds the faces cut from the content's characters by the code in lib/
 * with the packages in package-lock.json; and a content folder's own hidden folders are caches
 * (a benchmark keeps its MDX, front-matter and card caches there).
 */
const SKIP_UNDER = { public: new Set(['media', 'fonts']) };

/** Files under `entry` (a file or folder), sorted by path so the order never depends on the disk. */
function filesUnder(entry, skip = (name) => SKIP.has(name)) {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .filter((name) => !skip(name))
    .sort()
    .flatMap((name) => filesUnder(path.join(entry, name)));
}

/** Which names to leave out at the top of one of the inputs. */
function skipAtTop(label) {
  if (label === 'public') return (name) => SKIP.has(name) || SKIP_UNDER.public.has(name);
  if (label === 'content') return (name) => SKIP.has(name) || name.startsWith('.');
  return (name) => SKIP.has(name);
}

/**
 * A build id derived from the code, the content and the settings the build reads, never from
 * time or chance: the same commit with the same content gets the same id on every machine.
 *
 * @param {{ projectDir: string, contentDir: string, env?: Record<string, string | undefined>, today?: string }} input
 * @returns {string} 20 URL-safe characters
 */
export function computeBuildId({ projectDir, contentDir, env = process.env, today = new Date().toISOString().slice(0, 10) }) {
  const hash = createHash('sha256');
  const add = (label, root) => {
    for (const file of filesUnder(root, skipAtTop(label))) {
      hash.update(`${label}/${path.relative(root, file).split(path.sep).join('/')}\0`);
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  };
  for (const input of BUILD_INPUTS) add(input, path.join(projectDir, input));
  add('content', contentDir);
  for (const name of BUILD_ENV) {
    const value = name === 'PUBLISH_DATE' ? (env.PUBLISH_DATE ?? today) : (env[name] ?? '');
    hash.update(`${name}=${value}\0`);
  }
  return hash.digest('base64url').slice(0, 20);
}
