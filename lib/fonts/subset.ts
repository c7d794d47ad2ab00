import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import fontverter from 'fontverter';
import * as hb from 'harfbuzzjs';
import subsetFont from 'subset-font';
import fallbackMetrics from './fallback-metrics.json';

/**
 * Build-time font subsetting. The site's two faces (Noto Naskh Arabic for Arabic, Source
 * Serif 4 for English and for the Latin punctuation and figures inside Arabic text) are cut
 * down to the characters the site uses, plus a safety set, and written as woff2 files (named by
 * a hash of what they are cut from) with @font-face rules (`font-display: swap`, a tight
 * `unicode-range`) and metric-tuned local fallback faces, so text painted before the web font
 * arrives takes the same space. Deterministic: the same texts give byte-identical files and CSS.
 *
 * Variable files: one file serves weights 400-700, so an Arabic page needs two files (Naskh
 * and Source Serif) and an English page one. See docs/performance.md for the measurements.
 */

const require = createRequire(import.meta.url);

export type Script = 'ar' | 'en';
const SCRIPTS: Script[] = ['ar', 'en'];

type Source = { package: string; axes?: Record<string, { min: number; max: number }> };

/** Fontsource ships Google's per-script slices; each subset starts from the slice that holds its script. */
export const SOURCES: Record<Script, Source> = {
  ar: { package: '@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2' },
  // The source axis is 200-900; the site uses 400-700, and cutting the range shrinks the
  // variation deltas (about 27 KB to 19 KB for the same glyphs).
  en: {
    package: '@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2',
    axes: { wght: { min: 400, max: 700 } },
  },
};

export const FAMILIES: Record<Script, string> = { ar: 'Naskh', en: 'SourceSerif' };
const FILE_PREFIX: Record<Script, string> = { ar: 'naskh', en: 'sourceserif' };
const WEIGHTS = [400, 700] as const;

/**
 * Layout features kept: those a browser applies by default (common, horizontal and the
 * Arabic shaper's: joining forms, lam-alef, mark positioning). Features CSS must switch on
 * (onum, smcp, tnum...) are dropped: keeping all of them pulls every alternate glyph in.
 */
export const LAYOUT_FEATURES = [
  'rvrn', 'ccmp', 'locl', 'mark', 'mkmk', 'curs', 'kern', 'dist', 'abvm', 'blwm',
  'liga', 'clig', 'calt', 'rlig', 'rclt', 'ltra', 'ltrm', 'rtla', 'rtlm',
  'isol', 'init', 'medi', 'med2', 'fina', 'fin2', 'fin3', 'mset', 'stch',
];

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, index) => first + index);

/**
 * Always in the subset, whatever the texts hold: every basic letter, the marks, digits and
 * punctuation, so the file name (and readers' caches) changes only when a rare character
 * appears, and strings that never pass through the texts still shape.
 */
export const SAFETY: Record<Script, number[]> = {
  ar: [
    0x20, 0xa0, // spaces: Arabic word spacing comes from Naskh
    ...range(0x0621, 0x063a), // hamza ... ghain
    ...range(0x0640, 0x064a), // tatweel, feh ... yeh
    ...range(0x064b, 0x0655), // tashkeel
    0x0670, 0x0671, // superscript alef, alef wasla
    ...range(0x0660, 0x066d), // Arabic-Indic digits and ٪ ٫ ٬ ٭
    0x060c, 0x061b, 0x061f, // ، ؛ ؟
    0x067e, 0x0686, 0x0698, 0x06a9, 0x06af, 0x06cc, // پ چ ژ ک گ ی (names, quoted text)
    0x200c, 0x200d, // ZWNJ, ZWJ
  ],
  en: [...range(0x20, 0x7e), 0xa0, 0xab, 0xbb, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026],
};

type Fallback = { family: string; metrics: keyof typeof fallbackMetrics.fonts | null; local: Record<(typeof WEIGHTS)[number], string[]> };

/**
 * Local faces standing in until the web font arrives, tuned to its widths and vertical
 * metrics (measured from real font files into fallback-metrics.json by
 * scripts/measure-fallback-fonts.ts). A face whose local() fonts are all missing is skipped.
 */
export const FALLBACKS: Record<Script, Fallback[]> = {
  ar: [
    {
      family: 'Naskh Fallback Noto', // Android, ChromeOS, Linux with Noto
      metrics: 'noto-naskh-arabic',
      local: {
        400: ['Noto Naskh Arabic Regular', 'NotoNaskhArabic-Regular', 'Noto Naskh Arabic', 'Noto Naskh Arabic UI Regular', 'NotoNaskhArabicUI-Regular'],
        700: ['Noto Naskh Arabic Bold', 'NotoNaskhArabic-Bold', 'Noto Naskh Arabic UI Bold', 'NotoNaskhArabicUI-Bold'],
      },
    },
    {
      family: 'Naskh Fallback DejaVu', // other Linux desktops
      metrics: 'dejavu-sans',
      local: { 400: ['DejaVu Sans', 'DejaVuSans'], 700: ['DejaVu Sans Bold', 'DejaVuSans-Bold'] },
    },
    {
      family: 'Naskh Fallback TNR', // Windows, where Times New Roman has Arabic: vertical metrics only
      metrics: null,
      local: { 400: ['Times New Roman', 'TimesNewRomanPSMT'], 700: ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT'] },
    },
  ],
  en: [
    {
      family: 'SourceSerif Fallback TNR', // Liberation Serif has Times New Roman's metrics
      metrics: 'liberation-serif',
      local: {
        400: ['Times New Roman', 'TimesNewRomanPSMT', 'Liberation Serif', 'LiberationSerif'],
        700: ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT', 'Liberation Serif Bold', 'LiberationSerif-Bold'],
      },
    },
    {
      family: 'SourceSerif Fallback DejaVu',
      metrics: 'dejavu-serif',
      local: { 400: ['DejaVu Serif', 'DejaVuSerif'], 700: ['DejaVu Serif Bold', 'DejaVuSerif-Bold'] },
    },
  ],
};

// ---------------------------------------------------------------- helpers

const isControl = (codePoint: number) => codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0);

/**
 * Sorted unique code points of a text, without control characters. The texts are every story
 * of the site (10 MB at 1,000 stories), so this marks code points in a table instead of adding
 * every character to a Set (0.27 s to a few ms).
 */
export function codePoints(text: string): number[] {
  const seen = new Uint8Array(0x110000);
  for (let index = 0; index < text.length; index += 1) {
    const codePoint = text.codePointAt(index) as number;
    if (codePoint > 0xffff) index += 1;
    seen[codePoint] = 1;
  }
  const sorted: number[] = [];
  for (let codePoint = 0; codePoint < seen.length; codePoint += 1) if (seen[codePoint] && !isControl(codePoint)) sorted.push(codePoint);
  return sorted;
}

/**
 * What the font step's output depends on, of the site's texts: the characters each language
 * uses, not the words. A story edited or added without a character the site has not used
 * before leaves the fonts as they are, and the step skips its work (about 2 s at 1,000 stories,
 * before Next can compile).
 */
export function textCharacters(texts: Record<Script, string>): string {
  return SCRIPTS.map((script) => `${script}\0${codePoints(texts[script]).join(',')}`).join('\0');
}

/** `U+20, U+A0, U+621-63A` from sorted code points. */
export function toUnicodeRange(sorted: number[]): string {
  const parts: string[] = [];
  const hex = (value: number) => value.toString(16).toUpperCase();
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end += 1;
    parts.push(start === end ? `U+${hex(sorted[start])}` : `U+${hex(sorted[start])}-${hex(sorted[end])}`);
    start = end + 1;
  }
  return parts.join(', ');
}

/** Code points a font's cmap maps to a real glyph (the format-4 terminator maps to .notdef). */
export function fontCodePoints(font: Buffer): number[] {
  const parsed = fontkit.create(font);
  return parsed.characterSet.filter((codePoint) => parsed.glyphForCodePoint(codePoint).id !== 0).sort((a, b) => a - b);
}

/** Total advance of `text` in em, shaped by HarfBuzz (the shaper Chromium uses). */
export async function shapedWidthEm(font: Buffer, text: string, wght?: number): Promise<number> {
  const face = new hb.Face(new hb.Blob(await fontverter.convert(font, 'truetype')));
  const shaper = new hb.Font(face);
  if (wght !== undefined && fontkit.create(font).variationAxes.wght) shaper.setVariations([new hb.Variation('wght', wght)]);
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(shaper, buffer);
  return buffer.getGlyphPositions().reduce((total, position) => total + position.xAdvance, 0) / face.upem;
}

/** The vertical metrics a browser uses (typo metrics when USE_TYPO_METRICS is set, else hhea). */
export function verticalMetrics(font: Buffer) {
  const parsed = fontkit.create(font);
  const os2 = parsed['OS/2'];
  const metrics = os2?.fsSelection?.useTypoMetrics
    ? { ascent: os2.typoAscender, descent: os2.typoDescender, lineGap: os2.typoLineGap }
    : { ascent: parsed.hhea.ascent, descent: parsed.hhea.descent, lineGap: parsed.hhea.lineGap };
  return { unitsPerEm: parsed.unitsPerEm, ...metrics };
}

export function readSource(script: Script): Buffer {
  return readFileSync(require.resolve(SOURCES[script].package));
}

async function truetype(font: Buffer): Promise<Buffer> {
  return Buffer.from(await fontverter.convert(font, 'truetype'));
}

const percent = (value: number) => `${(value * 100).toFixed(2)}%`;

// ---------------------------------------------------------------- build

export type FontFile = {
  path: string;
  href: string;
  family: string;
  script: Script;
  bytes: number;
  unicodeRange: string;
  codePoints: number;
};

export type FontBuild = {
  /** @font-face rules and the `--font-arabic` / `--font-latin` stacks. */
  css: string;
  files: FontFile[];
  fontFamily: Record<Script, string>;
  /** Files each language's pages should preload (the Arabic pages' text always has Latin punctuation). */
  preload: Record<Script, string[]>;
  /** Characters of the texts that neither face can draw (they fall back to a system font). */
  missing: number[];
};

export type FontBuildOptions = {
  /** Every string the site shows, per language. */
  texts: Record<Script, string>;
  /** Where the woff2 files are written. */
  outDir: string;
  /** URL prefix of outDir, with the site's base path: `/fonts/` or `/repo/fonts/`. */
  publicPath: string;
  /** Add the SAFETY sets (default true). */
  safety?: boolean;
};

/** A subset face before it is cut: its name, its characters, and how to cut it. */
export type PlannedFile = Omit<FontFile, 'path' | 'bytes'> & { name: string; characters: number[] };

/**
 * Everything but the woff2 files: the stylesheet and the preloads are known once the characters
 * are, because each file is named after what it is cut from (its characters, the source faces,
 * the subsetting code and tools), not after its bytes. So the stylesheet can be written, and the
 * compile that imports it started, while the faces are being cut (writePlannedFonts).
 */
export type FontPlan = Omit<FontBuild, 'files'> & { files: PlannedFile[]; sources: Record<Script, Buffer> };

/**
 * What a subset's bytes depend on besides its characters: this code (line endings aside) and the
 * packages that read, cut and compress the faces, each as subset-font and fontverter resolve them.
 */
export function subsetFingerprint(projectRoot: string = process.cwd()): string {
  const from = createRequire(path.join(projectRoot, 'package.json'));
  // The package's own manifest, found where Node would look for the package from the resolver
  // (some packages do not export their package.json).
  const version = (name: string, resolver = from) => {
    const manifest = (resolver.resolve.paths(name) ?? []).map((dir) => path.join(dir, name, 'package.json')).find((file) => existsSync(file));
    if (!manifest) throw new Error(`font subsetting: the package ${name} is not installed`);
    return `${name}@${(JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version}`;
  };
  const viaSubsetFont = createRequire(from.resolve('subset-font'));
  const viaFontverter = createRequire(from.resolve('fontverter'));
  return createHash('sha256')
    .update(readFileSync(path.join(projectRoot, 'lib', 'fonts', 'subset.ts'), 'utf8').replace(/\r\n/g, '\n'))
    .update(
      [
        version('subset-font'),
        version('harfbuzzjs', viaSubsetFont),
        version('fontverter'),
        version('wawoff2', viaFontverter),
        version('@fontsource-variable/noto-naskh-arabic'),
        version('@fontsource-variable/source-serif-4'),
      ].join(),
    )
    .digest('hex');
}

export async function buildFonts(options: FontBuildOptions): Promise<FontBuild> {
  const plan = await planFonts(options);
  const files = await writePlannedFonts(plan, options.outDir);
  const { sources: _sources, ...rest } = plan;
  return { ...rest, files };
}

/** The subset faces' names, characters and stylesheet, from the texts alone (see FontPlan). */
export async function planFonts({ texts, publicPath, safety = true, fingerprint = subsetFingerprint() }: Omit<FontBuildOptions, 'outDir'> & { fingerprint?: string }): Promise<FontPlan> {
  const base = publicPath.endsWith('/') ? publicPath : `${publicPath}/`;
  // The sources are WOFF2, which fontkit reads through a brotli decoder written in JavaScript,
  // again at each of the dozen reads below (about 0.4 s a build): each is decompressed once, by
  // the WebAssembly decoder subset-font itself uses, so every step reads the same TrueType bytes.
  const source = { ar: await truetype(readSource('ar')), en: await truetype(readSource('en')) };
  const cmap = { ar: new Set(fontCodePoints(source.ar)), en: new Set(fontCodePoints(source.en)) };

  // Send every character to the face that will draw it: Arabic pages use Naskh, then Source
  // Serif (":", ".", quotation marks, Western digits, Latin names); English pages use Source
  // Serif, and Arabic quoted in English text goes to Naskh.
  const wanted = { ar: new Set<number>(), en: new Set<number>() };
  const missing = new Set<number>();
  const textCodePoints = { ar: codePoints(texts.ar), en: codePoints(texts.en) };
  for (const script of SCRIPTS) {
    const [first, second] = script === 'ar' ? (['ar', 'en'] as const) : (['en', 'ar'] as const);
    for (const codePoint of textCodePoints[script]) {
      if (cmap[first].has(codePoint)) wanted[first].add(codePoint);
      else if (cmap[second].has(codePoint)) wanted[second].add(codePoint);
      else missing.add(codePoint);
    }
  }
  if (safety) {
    for (const script of SCRIPTS) for (const codePoint of SAFETY[script]) if (cmap[script].has(codePoint)) wanted[script].add(codePoint);
  }

  // Keep every code point the source maps to the same glyph as a wanted one (’ U+2019 and
  // ʼ U+02BC): cmap entries only, but FreeType's auto-hinter (Chromium on Linux and Android)
  // picks a glyph's hinting from the code points mapped to it.
  for (const script of SCRIPTS) {
    const parsed = fontkit.create(source[script]);
    const byGlyph = new Map<number, number[]>();
    for (const codePoint of cmap[script]) {
      const glyph = parsed.glyphForCodePoint(codePoint).id;
      byGlyph.set(glyph, [...(byGlyph.get(glyph) ?? []), codePoint]);
    }
    for (const codePoint of [...wanted[script]]) {
      for (const sibling of byGlyph.get(parsed.glyphForCodePoint(codePoint).id) ?? []) if (!isControl(sibling)) wanted[script].add(sibling);
    }
  }

  const files: PlannedFile[] = [];
  for (const script of SCRIPTS) {
    const sorted = [...wanted[script]].sort((a, b) => a - b);
    if (sorted.length === 0) continue;
    const recipe = createHash('sha256').update(fingerprint).update(`\0${script}\0`).update(sorted.join(',')).digest('hex');
    const name = `${FILE_PREFIX[script]}-${recipe.slice(0, 10)}.woff2`;
    files.push({ name, href: base + name, family: FAMILIES[script], script, unicodeRange: toUnicodeRange(sorted), codePoints: sorted.length, characters: sorted });
  }

  const lines = ['/* Generated by scripts/build-fonts.ts from content/ and messages/: do not edit. */'];
  for (const file of files) {
    lines.push(
      '@font-face {',
      `  font-family: '${file.family}';`,
      '  font-style: normal;',
      '  font-weight: 400 700;',
      '  font-display: swap;',
      `  src: url('${file.href}') format('woff2');`,
      `  unicode-range: ${file.unicodeRange};`,
      '}',
    );
  }

  // Fallback faces share the unicode-range of the web face they stand in for, so every
  // character falls back to a face tuned for the font that will replace it.
  const fallbackFamilies: Record<Script, string[]> = { ar: [], en: [] };
  for (const file of files) {
    const metrics = verticalMetrics(source[file.script]);
    for (const fallback of FALLBACKS[file.script]) {
      fallbackFamilies[file.script].push(fallback.family);
      for (const weight of WEIGHTS) {
        const measured = fallback.metrics ? fallbackMetrics.fonts[fallback.metrics].weights[weight] : null;
        const fallbackWidth = measured ? (file.script === 'ar' ? measured.arWidth : measured.enWidth) : null;
        const sizeAdjust = fallbackWidth ? (await shapedWidthEm(source[file.script], fallbackMetrics.corpus[file.script], weight)) / fallbackWidth : 1;
        lines.push(
          '@font-face {',
          `  font-family: '${fallback.family}';`,
          '  font-style: normal;',
          `  font-weight: ${weight};`,
          `  src: ${fallback.local[weight].map((name) => `local('${name}')`).join(', ')};`,
          `  size-adjust: ${percent(sizeAdjust)};`,
          `  ascent-override: ${percent(metrics.ascent / metrics.unitsPerEm / sizeAdjust)};`,
          `  descent-override: ${percent(Math.abs(metrics.descent) / metrics.unitsPerEm / sizeAdjust)};`,
          `  line-gap-override: ${percent(metrics.lineGap / metrics.unitsPerEm / sizeAdjust)};`,
          `  unicode-range: ${file.unicodeRange};`,
          '}',
        );
      }
    }
  }

  const quote = (name: string) => (/^[A-Za-z-]+$/.test(name) ? name : `'${name}'`);
  const fontFamily = {
    ar: [FAMILIES.ar, FAMILIES.en, ...fallbackFamilies.ar, ...fallbackFamilies.en, 'serif'].map(quote).join(', '),
    en: [FAMILIES.en, ...fallbackFamilies.en, 'serif'].map(quote).join(', '),
  };
  lines.push(':root {', `  --font-arabic: ${fontFamily.ar};`, `  --font-latin: ${fontFamily.en};`, '}');

  const hrefs = (script: Script) => files.filter((file) => file.script === script).map((file) => file.href);
  const arabicUsesLatin = textCodePoints.ar.some((codePoint) => !cmap.ar.has(codePoint) && cmap.en.has(codePoint));
  return {
    css: `${lines.join('\n')}\n`,
    files,
    fontFamily,
    preload: { ar: [...hrefs('ar'), ...(arabicUsesLatin ? hrefs('en') : [])], en: hrefs('en') },
    missing: [...missing].sort((a, b) => a - b),
    sources: source,
  };
}

/**
 * Cuts the planned faces into `outDir`. Each must map exactly the characters its @font-face
 * rule promises (its unicode-range was written from the plan): a face that kept fewer or more
 * stops the build.
 */
export async function writePlannedFonts(plan: FontPlan, outDir: string): Promise<FontFile[]> {
  mkdirSync(outDir, { recursive: true });
  const files: FontFile[] = [];
  for (const planned of plan.files) {
    const woff2 = await subsetFont(plan.sources[planned.script], String.fromCodePoint(...planned.characters), {
      targetFormat: 'woff2',
      keepFeatures: LAYOUT_FEATURES,
      variationAxes: SOURCES[planned.script].axes,
      // Names 0-6 are kept by default; keep the licence description and URL as well.
      preserveNameIds: [13, 14],
    });
    const kept = fontCodePoints(woff2);
    if (kept.join(',') !== planned.characters.join(',')) {
      throw new Error(`the ${planned.family} subset maps ${kept.length} characters where ${planned.characters.length} were planned (its unicode-range would be wrong)`);
    }
    const file = path.join(outDir, planned.name);
    writeFileSync(file, woff2);
    const { name: _name, characters: _characters, ...rest } = planned;
    files.push({ ...rest, path: file, bytes: woff2.length });
  }
  return files;
}
