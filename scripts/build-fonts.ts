/**
 * Pre-build step (`npm run build` and `npm run dev` run it first): subsets the site's fonts
 * to the characters of content/ and messages/ and writes
 *   public/fonts/<face>-<hash>.woff2   the subset faces (generated, not committed)
 *   .generated/fonts.css               @font-face rules and fallbacks, imported by app/layout.tsx
 *   .generated/fonts.json              which files each language preloads
 * Skips the work when nothing that affects the output has changed: the characters the texts
 * use (not the texts themselves), the base path, the subsetting code and the font packages.
 * The stylesheet is written before the faces are cut (their names come from what they are cut
 * from: lib/fonts/subset.ts, planFonts), and the step says so on its own line,
 * FONT_STYLESHEET_LINE, so that `npm run build` can start Next's compile meanwhile; the manifest
 * is written last, once every face is in place.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { basePath } from '@/lib/config';
import { siteText } from '@/lib/fonts/site-text';
import { FONT_STYLESHEET_LINE } from '@/lib/build/publish';
import { planFonts, subsetFingerprint, textCharacters, writePlannedFonts } from '@/lib/fonts/subset';
import { writeFileAtomic } from '@/lib/write-atomic';

const root = process.cwd();
const fontsDir = path.join(root, 'public', 'fonts');
const generatedDir = path.join(root, '.generated');
const cssFile = path.join(generatedDir, 'fonts.css');
const manifestFile = path.join(generatedDir, 'fonts.json');

async function main() {
  const started = performance.now();
  const texts = siteText();
  const publicPath = `${basePath}/fonts/`;
  const fingerprint = subsetFingerprint(root);
  const fontkitVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'fontkit', 'package.json'), 'utf8')).version as string;
  const inputs = createHash('sha256')
    .update(textCharacters(texts))
    .update(publicPath)
    .update(fingerprint)
    .update(readFileSync(path.join(root, 'lib/fonts/fallback-metrics.json')))
    .update(`fontkit@${fontkitVersion}`)
    .digest('hex');

  if (existsSync(manifestFile) && existsSync(cssFile)) {
    const previous = JSON.parse(readFileSync(manifestFile, 'utf8')) as { inputs: string; files: { name: string }[]; missing?: number[] };
    if (previous.inputs === inputs && previous.files.every((file) => existsSync(path.join(fontsDir, file.name)))) {
      console.log('build-fonts: fonts are up to date');
      // Still true of the texts, and worth repeating on every build until it is fixed.
      warnMissing(previous.missing ?? []);
      return;
    }
  }

  // Until every face is cut, no manifest claims the fonts are up to date.
  rmSync(manifestFile, { force: true });
  // Names change with the characters: remove the previous build's files so none goes stale.
  if (existsSync(fontsDir)) for (const name of readdirSync(fontsDir)) if (name.endsWith('.woff2')) rmSync(path.join(fontsDir, name));
  const plan = await planFonts({ texts, publicPath, fingerprint });
  mkdirSync(generatedDir, { recursive: true });
  writeFileAtomic(cssFile, plan.css);
  console.log(FONT_STYLESHEET_LINE);
  const written = await writePlannedFonts(plan, fontsDir);

  const files = written.map((file) => ({ name: path.basename(file.path), href: file.href, family: file.family, bytes: file.bytes, codePoints: file.codePoints }));
  writeFileAtomic(manifestFile, `${JSON.stringify({ inputs, preload: plan.preload, files, missing: plan.missing }, null, 2)}\n`);

  for (const file of files) console.log(`build-fonts: ${file.name}  ${(file.bytes / 1024).toFixed(1)} KB, ${file.codePoints} characters`);
  warnMissing(plan.missing);
  console.log(`build-fonts: done in ${Math.round(performance.now() - started)} ms`);
}

/** Characters of the texts that no web font draws. */
function warnMissing(missing: number[]) {
  if (missing.length === 0) return;
  const list = missing.map((codePoint) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCodePoint(codePoint)}`);
  console.warn(`build-fonts: no web font draws ${list.join(', ')}; readers see a system font for these characters`);
}

main().catch((error: unknown) => {
  console.error(`build-fonts: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
