/**
 * Pre-build step (`npm run build` and `npm run dev` run it first): subsets the site's fonts
 * to the characters of content/ and messages/ and writes
 *   public/fonts/<face>-<hash>.woff2   the subset faces (generated, not committed)
 *   .generated/fonts.css               @font-face rules and fallbacks, imported by app/layout.tsx
 *   .generated/fonts.json              which files each language preloads
 * Skips the work when nothing that affects the output has changed: the characters the texts
 * use (not the texts themselves), the base path, the subsetting code and the font packages.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { basePath } from '@/lib/config';
import { siteText } from '@/lib/fonts/site-text';
import { buildFonts, textCharacters } from '@/lib/fonts/subset';

const root = process.cwd();
const fontsDir = path.join(root, 'public', 'fonts');
const generatedDir = path.join(root, '.generated');
const cssFile = path.join(generatedDir, 'fonts.css');
const manifestFile = path.join(generatedDir, 'fonts.json');

function packageVersion(name: string): string {
  return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

async function main() {
  const started = performance.now();
  const texts = siteText();
  const publicPath = `${basePath}/fonts/`;
  const inputs = createHash('sha256')
    .update(textCharacters(texts))
    .update(publicPath)
    .update(readFileSync(path.join(root, 'lib/fonts/subset.ts')))
    .update(readFileSync(path.join(root, 'lib/fonts/fallback-metrics.json')))
    .update(['subset-font', 'harfbuzzjs', 'fontkit', 'fontverter', '@fontsource-variable/noto-naskh-arabic', '@fontsource-variable/source-serif-4'].map(packageVersion).join())
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

  // Content-hashed names: remove the previous build's files so none goes stale.
  if (existsSync(fontsDir)) for (const name of readdirSync(fontsDir)) if (name.endsWith('.woff2')) rmSync(path.join(fontsDir, name));
  const result = await buildFonts({ texts, outDir: fontsDir, publicPath });

  mkdirSync(generatedDir, { recursive: true });
  writeFileSync(cssFile, result.css);
  const files = result.files.map((file) => ({ name: path.basename(file.path), href: file.href, family: file.family, bytes: file.bytes, codePoints: file.codePoints }));
  writeFileSync(manifestFile, `${JSON.stringify({ inputs, preload: result.preload, files, missing: result.missing }, null, 2)}\n`);

  for (const file of files) console.log(`build-fonts: ${file.name}  ${(file.bytes / 1024).toFixed(1)} KB, ${file.codePoints} characters`);
  warnMissing(result.missing);
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
