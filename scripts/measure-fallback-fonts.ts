/**
 * Measures the system fonts that stand in for the web fonts until they arrive, and writes
 * lib/fonts/fallback-metrics.json, from which the font build tunes the fallback faces. Run it
 * again only when a fallback or the reference text changes, on a machine with the Debian
 * packages fonts-noto-core, fonts-dejavu-core and fonts-liberation:
 *   npx tsx scripts/measure-fallback-fonts.ts
 * The build itself never reads system fonts, so its output does not depend on the machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { fontCodePoints, readSource, shapedWidthEm } from '@/lib/fonts/subset';

const target = path.resolve('lib/fonts/fallback-metrics.json');
const current = JSON.parse(readFileSync(target, 'utf8')) as { corpus: { ar: string; en: string } };

// Reference text: the first story's opening. Arabic keeps only what Naskh draws: Latin
// punctuation on Arabic pages is drawn by Source Serif and its own fallbacks.
const naskh = new Set(fontCodePoints(readSource('ar')));
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const corpus = {
  ar: oneLine([...current.corpus.ar].map((character) => (naskh.has(character.codePointAt(0) as number) || /\s/.test(character) ? character : ' ')).join('')),
  en: oneLine(current.corpus.en),
};

const dir = '/usr/share/fonts/truetype/';
const FONTS: Record<string, { package: string; 400: string; 700: string; note?: string }> = {
  'noto-naskh-arabic': { package: 'fonts-noto-core', 400: 'noto/NotoNaskhArabic-Regular.ttf', 700: 'noto/NotoNaskhArabic-Bold.ttf' },
  'dejavu-sans': { package: 'fonts-dejavu-core', 400: 'dejavu/DejaVuSans.ttf', 700: 'dejavu/DejaVuSans-Bold.ttf' },
  'liberation-serif': {
    package: 'fonts-liberation',
    400: 'liberation/LiberationSerif-Regular.ttf',
    700: 'liberation/LiberationSerif-Bold.ttf',
    note: 'metric-compatible with Times New Roman (same advances and vertical metrics)',
  },
  'dejavu-serif': { package: 'fonts-dejavu-core', 400: 'dejavu/DejaVuSerif.ttf', 700: 'dejavu/DejaVuSerif-Bold.ttf' },
};

const packageVersion = (name: string) => {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' });
  } catch {
    return 'unknown';
  }
};
const round = (value: number) => Math.round(value * 1e4) / 1e4;

async function main() {
  const fonts: Record<string, unknown> = {};
  for (const [id, spec] of Object.entries(FONTS)) {
    const weights: Record<string, unknown> = {};
    for (const weight of [400, 700] as const) {
      const file = dir + spec[weight];
      if (!existsSync(file)) throw new Error(`${file} is missing: apt-get install ${spec.package}`);
      const buffer = readFileSync(file);
      const font = fontkit.create(buffer);
      const draws = (text: string) => [...text].every((character) => /\s/.test(character) || font.hasGlyphForCodePoint(character.codePointAt(0) as number));
      weights[weight] = {
        file: path.basename(file),
        fullName: font.fullName,
        postscriptName: font.postscriptName,
        version: font.version.split(';')[0],
        unitsPerEm: font.unitsPerEm,
        hhea: { ascent: font.hhea.ascent, descent: font.hhea.descent, lineGap: font.hhea.lineGap },
        arWidth: draws(corpus.ar) ? round(await shapedWidthEm(buffer, corpus.ar)) : null,
        enWidth: draws(corpus.en) ? round(await shapedWidthEm(buffer, corpus.en)) : null,
      };
    }
    fonts[id] = { measuredFrom: `Debian ${spec.package} ${packageVersion(spec.package)}`, ...(spec.note ? { note: spec.note } : {}), weights };
  }
  writeFileSync(target, `${JSON.stringify({ corpus, fonts }, null, 2)}\n`);
  console.log(`measure-fallback-fonts: wrote ${path.relative(process.cwd(), target)}`);
}

main().catch((error: unknown) => {
  console.error(`measure-fallback-fonts: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
