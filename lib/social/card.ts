/**
 * Build-time social card renderer (1200x630 PNG).
 *
 * Text is laid out by libvips + Pango (through sharp's `text` input), which shapes Arabic
 * with HarfBuzz and applies the Unicode bidi algorithm (Satori, the usual choice, cannot
 * shape Arabic). Fonts come from the same @fontsource packages as the site: their WOFF/WOFF2
 * files are converted to TrueType with subset-font (hb-subset), because libvips loads
 * `fontfile` reliably only as TTF/OTF. Every piece of text is a separate Pango layer, painted
 * onto the card's paper, bar and rules in a palette of the site's two inks, and the card is
 * written as a palette PNG by encodeIndexedPng. No network access is needed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { constants as zlibConstants, deflateSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import subsetFont from 'subset-font';
import { directionOf, locales, type Direction, type Locale } from '@/i18n/locales';

export type CardLocale = Locale;
export type CardDirection = Direction;

export interface SocialCardInput {
  title: string;
  siteName: string;
  sectionLabel?: string;
  locale: CardLocale;
  dir: CardDirection;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The site's paper, ink and accent colours (app/globals.css). */
export const CARD_COLORS = {
  background: '#fbfaf7',
  ink: '#1a1a1a',
  accent: '#9b1c1c',
} as const;

/** The card cache (outside the source tree): rendered cards by content hash (lib/social/cards.ts). */
export const CARD_CACHE_DIR = resolve(process.env.CARD_CACHE_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'sada-cards'));

/**
 * Where converted fonts are kept between builds: inside the card cache, so that emptying it
 * (a fresh clone has none, the benchmark's cold build empties it) converts them again too.
 */
export const FONT_CACHE_DIR = join(CARD_CACHE_DIR, 'fonts');

/** Family names as stored in the fonts' `name` table (nameID 1). */
export const FONT_FAMILIES = {
  ar: 'Noto Naskh Arabic',
  en: 'Source Serif 4',
} as const satisfies Record<CardLocale, string>;

interface FontFaceSource {
  family: string;
  /** Module specifiers of the @fontsource files; the first is the primary one. */
  files: readonly string[];
}

/**
 * Each locale registers two files of the same family: fontconfig merges their
 * coverage, so an Arabic headline gets Naskh's own digits and punctuation
 * (":", "2025"), and an English one gets Latin Extended letters.
 */
const FONT_SOURCES: Record<CardLocale, FontFaceSource> = {
  ar: {
    family: FONT_FAMILIES.ar,
    files: [
      '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff',
      '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-latin-700-normal.woff',
    ],
  },
  en: {
    family: FONT_FAMILIES.en,
    files: [
      '@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2',
      '@fontsource-variable/source-serif-4/files/source-serif-4-latin-ext-wght-normal.woff2',
    ],
  },
};

/** Pango family list per locale: own face first, the other face as fallback. */
const FAMILY_LISTS: Record<CardLocale, string> = {
  ar: `${FONT_FAMILIES.ar},${FONT_FAMILIES.en}`,
  en: `${FONT_FAMILIES.en},${FONT_FAMILIES.ar}`,
};

export interface PreparedFonts {
  /** Absolute paths of the generated TrueType files, primary file first. */
  files: Record<CardLocale, string[]>;
}

const requireFromHere = createRequire(import.meta.url);

/** Every BMP code point from U+0020 (no surrogates): a "full alphabet" subset. */
function fullAlphabet(): string {
  const chars: string[] = [];
  for (let cp = 0x20; cp <= 0xffff; cp += 1) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    chars.push(String.fromCodePoint(cp));
  }
  return chars.join('');
}

async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The subsetter's version: the same source font and version always give the same TrueType bytes. */
const SUBSETTER = `subset-font@${requireFromHere('subset-font/package.json').version}`;

async function toTrueTypeFile(specifier: string, outDir: string, alphabet: string): Promise<string> {
  const source = await readFile(requireFromHere.resolve(specifier));
  // Named after everything that determines the bytes (source font, subsetter, alphabet), so
  // a later build reuses the converted file without subsetting again, and a path is never
  // reused for different bytes (libvips registers each fontfile path once per process).
  const hash = createHash('sha256').update(SUBSETTER).update('\0').update(alphabet).update('\0').update(source).digest('hex').slice(0, 16);
  const base = specifier.split('/').pop()?.replace(/\.woff2?$/, '') ?? 'font';
  const target = join(outDir, `${base}-${hash}.ttf`);
  if (!(await fileExists(target))) {
    const ttf = await subsetFont(source, alphabet, { targetFormat: 'truetype' });
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, ttf);
    await rename(temp, target);
  }
  return target;
}

/** Make libvips/fontconfig load a font file (libvips keeps it for the process). */
async function registerFontFile(fontfile: string, family: string): Promise<void> {
  await sharp({ text: { text: 'x', font: `${family} 8`, fontfile } }).raw().toBuffer();
}

let fontsPromise: Promise<PreparedFonts> | undefined;

/**
 * Convert the @fontsource faces to TTF (once per process, cached in memory and
 * in a content-addressed folder of the card cache, FONT_CACHE_DIR) and register them with
 * libvips. Safe to call many times; renderSocialCard calls it itself.
 */
export function prepareSocialCardFonts(): Promise<PreparedFonts> {
  fontsPromise ??= (async () => {
    const outDir = FONT_CACHE_DIR;
    await mkdir(outDir, { recursive: true });
    const alphabet = fullAlphabet();
    const files = Object.fromEntries(locales.map((locale) => [locale, [] as string[]])) as Record<CardLocale, string[]>;
    for (const locale of locales) {
      const source = FONT_SOURCES[locale];
      for (const specifier of source.files) {
        const path = await toTrueTypeFile(specifier, outDir, alphabet);
        await registerFontFile(path, source.family);
        files[locale].push(path);
      }
    }
    return { files };
  })();
  fontsPromise.catch(() => {
    fontsPromise = undefined;
  });
  return fontsPromise;
}

/** Escape the characters that Pango markup treats specially. */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Collapse whitespace (one paragraph) and drop control characters. */
function normalizeText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const LRM = '\u200e';
const RLM = '\u200f';

export interface TextLayerOptions {
  text: string;
  locale: CardLocale;
  dir: CardDirection;
  /** Font size in pixels (rendered at 72 dpi, so points equal pixels). */
  size: number;
  /** Wrap width in pixels. */
  width: number;
  color?: string;
  weight?: 'Regular' | 'Semi-Bold' | 'Bold';
  /** Extra letter spacing in pixels (do not use on Arabic: it breaks joining). */
  letterSpacing?: number;
  /** Line pitch as a factor of the font's own line height (Pango `line_height`). */
  lineHeight?: number;
  /** Override the Pango family list (tests use this to force a fallback font). */
  family?: string;
  /**
   * Only the coverage (one byte per pixel, the alpha an RGBA layer would have): what a card
   * paints with, in its ink. About half the time of RGBA, which libvips converts from Cairo's
   * premultiplied pixels.
   */
  coverage?: boolean;
}

export interface TextLayer {
  /** Raw pixels, row by row: RGBA, or the coverage alone (composited as they are: no PNG round trip per layer). */
  pixels: Buffer;
  channels: 1 | 4;
  width: number;
  height: number;
}

/**
 * Render one block of text as a transparent PNG whose lines are aligned to
 * the start side of `dir`.
 *
 * Pango decides a paragraph's base direction from its first strong character
 * and mirrors the alignment for RTL paragraphs. A leading RLM/LRM pins the
 * base direction (an Arabic title starting with a Latin word stays RTL), and
 * `align: 'left'` then means "start": right for RTL, left for LTR.
 */
export async function renderTextLayer(options: TextLayerOptions): Promise<TextLayer> {
  const fonts = await prepareSocialCardFonts();
  const {
    locale,
    dir,
    size,
    width,
    color = CARD_COLORS.ink,
    weight = 'Bold',
    letterSpacing,
    lineHeight,
    family = FAMILY_LISTS[locale],
  } = options;
  const attributes = [`foreground="${color}"`];
  if (letterSpacing !== undefined) attributes.push(`letter_spacing="${Math.round(letterSpacing * 1024)}"`);
  if (lineHeight !== undefined) attributes.push(`line_height="${lineHeight}"`);
  // Paragraphs are kept (only runs of spaces/tabs collapse) so that callers
  // can measure line pitch with a two-line sample.
  const paragraphs = options.text.split('\n').map(normalizeText).map(escapeMarkup).join('\n');
  const mark = dir === 'rtl' ? RLM : LRM;
  const markup = `${mark}<span ${attributes.join(' ')}>${paragraphs}</span>`;
  const text = sharp({
    text: {
      text: markup,
      font: `${family}, ${weight} ${size}`, // trailing comma ends the family list
      fontfile: fonts.files[locale][0],
      width: Math.floor(width),
      dpi: 72,
      rgba: !options.coverage,
      align: 'left',
      wrap: 'word-char',
    },
  });
  // Without `rgba`, libvips renders the coverage as one band (sharp would widen it to sRGB).
  const { data, info } = await (options.coverage ? text.toColourspace('b-w') : text).raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== (options.coverage ? 1 : 4)) throw new Error(`renderTextLayer: libvips gave ${info.channels} channels`);
  return { pixels: data, channels: options.coverage ? 1 : 4, width: info.width, height: info.height };
}

/** A text layer as a sharp composite input. */
export function layerInput(layer: TextLayer): Pick<OverlayOptions, 'input' | 'raw'> {
  return { input: layer.pixels, raw: { width: layer.width, height: layer.height, channels: layer.channels } };
}

interface LineMetrics {
  /** Ink height of a one-line sample with tall ascenders and deep descenders. */
  single: number;
  /** Distance between two consecutive lines. */
  pitch: number;
}

const lineMetricsCache = new Map<string, Promise<LineMetrics>>();

/**
 * libvips crops a text image to its ink box, so the number of lines is not
 * height / line height. Measure a one-line and a two-line sample instead
 * (once per locale/size/weight/line height).
 */
function lineMetrics(
  locale: CardLocale,
  size: number,
  weight: TextLayerOptions['weight'],
  lineHeight: number | undefined,
): Promise<LineMetrics> {
  const key = `${locale}:${size}:${weight ?? 'Bold'}:${lineHeight ?? ''}`;
  let cached = lineMetricsCache.get(key);
  if (!cached) {
    const sample = LOCALE_STYLES[locale].metricsSample;
    const dir = directionOf(locale);
    const measure = (text: string) => renderTextLayer({ text, locale, dir, size, width: 4000, weight, lineHeight });
    cached = Promise.all([measure(sample), measure(`${sample}\n${sample}`)]).then(([one, two]) => ({
      single: one.height,
      pitch: two.height - one.height,
    }));
    lineMetricsCache.set(key, cached);
  }
  return cached;
}

export interface FitOptions {
  /** Candidate sizes, largest first. */
  sizes: readonly number[];
  maxLines: number;
  maxHeight: number;
  width: number;
  color?: string;
  weight?: TextLayerOptions['weight'];
  letterSpacing?: number;
  lineHeight?: number;
  /** Render the coverage alone (TextLayerOptions.coverage). */
  coverage?: boolean;
}

export interface FittedText extends TextLayer {
  size: number;
  lines: number;
  truncated: boolean;
}

const ELLIPSIS = '\u2026';

/** Cut points for truncation: word ends, or grapheme ends for a single word. */
function truncationPoints(text: string): number[] {
  const points: number[] = [];
  if (text.includes(' ')) {
    for (let i = 1; i < text.length; i += 1) if (text[i] === ' ') points.push(i);
  } else {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const { index } of segmenter.segment(text)) if (index > 0) points.push(index);
  }
  return points;
}

/**
 * Render `text` at the largest candidate size that fits within `maxLines`
 * lines and `maxHeight` pixels; if even the smallest size does not fit, cut
 * the text (word by word) and end it with an ellipsis.
 */
export async function fitText(
  rawText: string,
  locale: CardLocale,
  dir: CardDirection,
  options: FitOptions,
): Promise<FittedText> {
  const text = normalizeText(rawText);
  const { sizes, maxLines, maxHeight, width, color, weight, letterSpacing, lineHeight, coverage } = options;
  if (sizes.length === 0) throw new Error('fitText: no candidate sizes');

  const attempt = async (candidate: string, size: number): Promise<FittedText | undefined> => {
    const layer = await renderTextLayer({
      text: candidate,
      locale,
      dir,
      size,
      width,
      color,
      weight,
      letterSpacing,
      lineHeight,
      coverage,
    });
    const metrics = await lineMetrics(locale, size, weight, lineHeight);
    const lines = 1 + Math.max(0, Math.round((layer.height - metrics.single) / metrics.pitch));
    if (lines > maxLines || layer.height > maxHeight || layer.width > width) return undefined;
    return { ...layer, size, lines, truncated: candidate !== text };
  };

  for (const size of sizes) {
    const fitted = await attempt(text, size);
    if (fitted) return fitted;
  }

  const smallest = sizes[sizes.length - 1] as number;
  const points = truncationPoints(text);
  let best: FittedText | undefined;
  let low = 0;
  let high = points.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const fitted = await attempt(text.slice(0, points[mid]).trimEnd() + ELLIPSIS, smallest);
    if (fitted) {
      best = fitted;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (best) return best;
  // Nothing fits (absurdly narrow box): return the ellipsis alone.
  const layer = await renderTextLayer({ text: ELLIPSIS, locale, dir, size: smallest, width, color, weight, coverage });
  return { ...layer, size: smallest, lines: 1, truncated: true };
}

/* ------------------------------------------------------------------ layout */

const ACCENT_BAR_WIDTH = 16;
const MARGIN_START = 88; // from the start edge, includes the accent bar
const MARGIN_END = 80;
const CONTENT_WIDTH = CARD_WIDTH - MARGIN_START - MARGIN_END;
const HEADER_RULE_Y = 112;
const FOOTER_RULE_Y = 574;
/** Body band (between the rules) that holds the section label and headline. */
const BODY_TOP = HEADER_RULE_Y + 2 + 28;
const BODY_BOTTOM = FOOTER_RULE_Y - 28;
const LABEL_GAP = 26;

interface LocaleStyle {
  /** Letters with the tallest ascenders and deepest descenders of the script, to measure lines. */
  metricsSample: string;
  siteNameSizes: readonly number[];
  labelSizes: readonly number[];
  headlineSizes: readonly number[];
  /** Factor of the font's natural line height used for the headline. */
  headlineLineHeight: number;
  /** Letter spacing in px for site name / label (Latin only: it breaks Arabic joining). */
  siteNameTracking?: number;
  labelTracking?: number;
  uppercaseLabel: boolean;
}

// Naskh looks smaller than Source Serif at the same pixel size and has a very
// tall natural line height (about 1.7 em), hence the per-locale numbers.
const LOCALE_STYLES: Record<CardLocale, LocaleStyle> = {
  ar: {
    metricsSample: 'لجأ',
    siteNameSizes: [46, 42, 38, 34],
    labelSizes: [32, 30, 28, 26],
    headlineSizes: [80, 76, 72, 68, 64, 60, 56, 52, 48, 44, 40],
    headlineLineHeight: 0.8,
    uppercaseLabel: false,
  },
  en: {
    metricsSample: 'Hgl',
    siteNameSizes: [40, 36, 32, 28],
    labelSizes: [24, 22, 20],
    headlineSizes: [72, 68, 64, 60, 56, 52, 48, 44, 40, 36],
    headlineLineHeight: 0.86,
    siteNameTracking: 1,
    labelTracking: 2.5,
    uppercaseLabel: true,
  },
};

const HEADLINE_MAX_LINES = 4;

/** Left x of the content column. */
function contentLeft(dir: CardDirection): number {
  return dir === 'rtl' ? MARGIN_END : MARGIN_START;
}

/** Left x that puts a layer of `width` against the start side of the column. */
function startAlignedLeft(dir: CardDirection, width: number): number {
  const left = dir === 'rtl' ? contentLeft(dir) + CONTENT_WIDTH - width : contentLeft(dir);
  return Math.max(0, Math.min(left, CARD_WIDTH - width));
}

/**
 * Render a 1200x630 PNG social card for one story.
 *
 * Text layers are cropped by libvips to their ink box, so every gap below is
 * measured ink to ink.
 */
export async function renderSocialCard(input: SocialCardInput): Promise<Buffer> {
  const { locale, dir } = input;
  const style = LOCALE_STYLES[locale];

  // The site name and the section labels repeat on every card: each is laid out once.
  const siteName = await fitOnce(input.siteName, locale, dir, {
    sizes: style.siteNameSizes,
    maxLines: 1,
    maxHeight: HEADER_RULE_Y - 24,
    width: CONTENT_WIDTH,
    letterSpacing: style.siteNameTracking,
    coverage: true,
  });

  const labelText = input.sectionLabel?.trim();
  const label = labelText
    ? await fitOnce(style.uppercaseLabel ? labelText.toLocaleUpperCase(locale) : labelText, locale, dir, {
        sizes: style.labelSizes,
        maxLines: 1,
        maxHeight: 64,
        width: CONTENT_WIDTH,
        letterSpacing: style.labelTracking,
        // Coverage only: the accent is the ink it is painted in (`placed` below).
        coverage: true,
      })
    : undefined;

  const labelBlock = label ? label.height + LABEL_GAP : 0;
  const headline = await fitText(input.title, locale, dir, {
    sizes: style.headlineSizes,
    maxLines: HEADLINE_MAX_LINES,
    maxHeight: BODY_BOTTOM - BODY_TOP - labelBlock,
    width: CONTENT_WIDTH,
    lineHeight: style.headlineLineHeight,
    coverage: true,
  });

  // Centre the label + headline block in the body band.
  const blockHeight = labelBlock + headline.height;
  const blockTop = BODY_TOP + Math.max(0, Math.floor((BODY_BOTTOM - BODY_TOP - blockHeight) / 2));

  const placed: PlacedLayer[] = [
    { layer: siteName, ink: 'ink', left: startAlignedLeft(dir, siteName.width), top: Math.max(0, Math.round((HEADER_RULE_Y - siteName.height) / 2)) },
    { layer: headline, ink: 'ink', left: startAlignedLeft(dir, headline.width), top: blockTop + labelBlock },
  ];
  if (label) placed.push({ layer: label, ink: 'accent', left: startAlignedLeft(dir, label.width), top: blockTop });

  const background = cardBackground(dir);
  const canvas = canvases.pop() ?? Buffer.allocUnsafeSlow(background.length);
  try {
    background.copy(canvas);
    paintLayers(canvas, CARD_WIDTH, CARD_HEIGHT, placed);
    return encodeIndexedPng(CARD_WIDTH, CARD_HEIGHT, CARD_PALETTE, canvas);
  } finally {
    canvases.push(canvas);
  }
}

/**
 * Canvases of finished cards, reused: a fresh buffer costs more to fault in page by page than
 * the card takes to paint.
 */
const canvases: Buffer[] = [];

/* ----------------------------------------------------------- palette and PNG */

/**
 * A card holds two inks on paper: the text and rules in ink, the bar and section label in the
 * accent, each anti-aliased into the paper. So it is drawn in a palette: index 0-127 are 128
 * steps from paper to ink, 128-255 the same from paper to accent (0 and 128 are both the paper).
 * The steps are finer than the eye separates on a 630-pixel card, and a palette card is a
 * third of the pixels to compress: written by encodeIndexedPng in about 1 ms and 12-31 KB, where
 * libvips took 4-5 ms for a 44 KB RGB PNG at its fastest useful setting.
 */
export type CardInk = 'ink' | 'accent';
const RAMP_STEPS = 127;
const RAMP_BASE: Record<CardInk, number> = { ink: 0, accent: 128 };

function hexRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** The 256 colours (RGB triplets) of every card. */
export const CARD_PALETTE: Buffer = (() => {
  const palette = Buffer.alloc(256 * 3);
  const paper = hexRgb(CARD_COLORS.background);
  for (const ink of ['ink', 'accent'] as const) {
    const colour = hexRgb(CARD_COLORS[ink]);
    for (let step = 0; step <= RAMP_STEPS; step += 1) {
      for (let channel = 0; channel < 3; channel += 1) {
        palette[(RAMP_BASE[ink] + step) * 3 + channel] = Math.round((colour[channel]! * step + paper[channel]! * (RAMP_STEPS - step)) / RAMP_STEPS);
      }
    }
  }
  return palette;
})();

/** The palette index of `ink` at full strength. */
export function fullInk(ink: CardInk): number {
  return RAMP_BASE[ink] + RAMP_STEPS;
}

/**
 * A canvas is the PNG's image data before compression: one row after another, each a filter
 * byte (0: none, the right filter for a palette image) and then one palette index per pixel.
 */
export function canvasOffset(width: number, x: number, y: number): number {
  return y * (width + 1) + 1 + x;
}

export type PlacedLayer = { layer: TextLayer; ink: CardInk; left: number; top: number };

/**
 * Paints text layers (their coverage, or the alpha of RGBA ones; the colour is the layer's ink)
 * onto a canvas: each pixel takes the ramp step nearest its coverage. Where
 * two inks meet, the stronger coverage wins. Parts of a layer outside the canvas are left out.
 */
export function paintLayers(canvas: Buffer, width: number, height: number, layers: readonly PlacedLayer[]): void {
  if (canvas.length !== (width + 1) * height) throw new Error(`paintLayers: the canvas is not ${width}x${height}`);
  for (const { layer, ink, left, top } of layers) {
    const { pixels } = layer;
    const base = RAMP_BASE[ink];
    const stride = layer.channels;
    const x0 = Math.max(0, -left);
    const x1 = Math.min(layer.width, width - left);
    const y0 = Math.max(0, -top);
    const y1 = Math.min(layer.height, height - top);
    for (let y = y0; y < y1; y += 1) {
      let source = (y * layer.width + x0) * stride + stride - 1;
      let target = canvasOffset(width, left + x0, top + y);
      for (let x = x0; x < x1; x += 1, source += stride, target += 1) {
        const alpha = pixels[source]!;
        if (alpha === 0) continue;
        // alpha × 127 / 255, rounded: the nearest of the ramp's steps.
        const step = ((alpha * RAMP_STEPS + 127) / 255) | 0;
        if (step > (canvas[target]! & RAMP_STEPS)) canvas[target] = base + step;
      }
    }
  }
}

let crcTable: Int32Array | undefined;

/** CRC-32 of a PNG chunk's type and data (ISO 3309, as PNG specifies). */
function crc32(data: Buffer): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i += 1) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * An 8-bit palette PNG (colour type 3) of a canvas, deflated with zlib's run-length strategy
 * (see below: faster and smaller than level 3 on real cards). Deflated on this thread: handing
 * each card to the thread pool cost more than the compression (600 cards: 4.9 ms of CPU a
 * card with it done here, 5.3 ms in the pool), and the cards process renders two at a time.
 */
export function encodeIndexedPng(width: number, height: number, palette: Buffer, canvas: Buffer): Buffer {
  if (canvas.length !== (width + 1) * height) throw new Error(`encodeIndexedPng: the canvas is not ${width}x${height}`);
  if (palette.length === 0 || palette.length > 768 || palette.length % 3 !== 0) throw new Error('encodeIndexedPng: a palette holds 1 to 256 RGB colours');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per index
  header[9] = 3; // palette colour
  // Run-length matching only: a card is long runs of one index (paper, rules) broken by
  // anti-aliased glyph edges, which it compresses smaller than level 3's searching (20 KB
  // against 22 KB for the first 200 benchmark cards) in two thirds of the time (0.6 ms against 1.0 ms).
  const data = deflateSync(canvas, { strategy: zlibConstants.Z_RLE });
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('PLTE', palette), pngChunk('IDAT', data), pngChunk('IEND', Buffer.alloc(0))]);
}

const fitted = new Map<string, Promise<FittedText>>();

/** fitText for text that recurs across cards (site name, section label), laid out once per process. */
function fitOnce(text: string, locale: CardLocale, dir: CardDirection, options: FitOptions): Promise<FittedText> {
  const key = JSON.stringify([text, locale, dir, options]);
  let result = fitted.get(key);
  if (!result) {
    result = fitText(text, locale, dir, options);
    result.catch(() => fitted.delete(key));
    fitted.set(key, result);
  }
  return result;
}

const backgrounds = new Map<CardDirection, Buffer>();

/** The card's paper, accent bar and rules, as a canvas (made once per direction). */
function cardBackground(dir: CardDirection): Buffer {
  let background = backgrounds.get(dir);
  if (!background) {
    background = Buffer.alloc((CARD_WIDTH + 1) * CARD_HEIGHT, 0); // paper, and filter 0 on every row
    const fill = (left: number, top: number, width: number, height: number, ink: CardInk) => {
      for (let y = top; y < top + height; y += 1) background!.fill(fullInk(ink), canvasOffset(CARD_WIDTH, left, y), canvasOffset(CARD_WIDTH, left + width, y));
    };
    const x = contentLeft(dir);
    fill(dir === 'rtl' ? CARD_WIDTH - ACCENT_BAR_WIDTH : 0, 0, ACCENT_BAR_WIDTH, CARD_HEIGHT, 'accent');
    fill(x, HEADER_RULE_Y, CONTENT_WIDTH, 2, 'ink');
    fill(x, FOOTER_RULE_Y, CONTENT_WIDTH, 4, 'ink');
    fill(x, FOOTER_RULE_Y + 8, CONTENT_WIDTH, 1, 'ink');
    backgrounds.set(dir, background);
  }
  return background;
}

export const LOGO_SIZE = 512;

/**
 * The publisher's square logo (structured data asks for one of at least 112x112): the
 * site's name in each language, stacked and centred on the paper colour, over an accent rule.
 */
export async function renderLogo(names: { text: string; locale: CardLocale }[]): Promise<Buffer> {
  const sizes = [150, 72];
  const layers = await Promise.all(
    names.map((name, index) =>
      fitText(name.text, name.locale, directionOf(name.locale), {
        sizes: [sizes[Math.min(index, sizes.length - 1)], 64, 48],
        maxLines: 1,
        maxHeight: LOGO_SIZE / 2,
        width: LOGO_SIZE - 64,
      }),
    ),
  );
  const gap = 36;
  const rule = 8;
  const total = layers.reduce((sum, layer) => sum + layer.height, 0) + gap * layers.length + rule;
  let top = Math.max(0, Math.floor((LOGO_SIZE - total) / 2));
  const overlays: OverlayOptions[] = [];
  for (const layer of layers) {
    overlays.push({ ...layerInput(layer), left: Math.floor((LOGO_SIZE - layer.width) / 2), top });
    top += layer.height + gap;
  }
  const background = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LOGO_SIZE}" height="${LOGO_SIZE}">` +
      `<rect width="${LOGO_SIZE}" height="${LOGO_SIZE}" fill="${CARD_COLORS.background}"/>` +
      `<rect x="${LOGO_SIZE / 2 - 80}" y="${top}" width="160" height="${rule}" fill="${CARD_COLORS.accent}"/></svg>`,
  );
  return sharp(background).composite(overlays).png().toBuffer();
}
