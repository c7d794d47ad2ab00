import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CARD_COLORS,
  CARD_HEIGHT,
  CARD_WIDTH,
  FONT_FAMILIES,
  escapeMarkup,
  fitText,
  paintLayers,
  canvasOffset,
  CARD_PALETTE,
  encodeIndexedPng,
  fullInk,
  prepareSocialCardFonts,
  renderSocialCard,
  renderTextLayer,
  type PreparedFonts,
  type SocialCardInput,
  type TextLayer,
} from '@/lib/social/card';

// Font preparation and Pango layout are slow on a busy two-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const AR_CARD: SocialCardInput = {
  title: 'منظمات: خطوة غير مسبوقة من قطر لمكافحة الاتجار بالبشر',
  siteName: 'صدى',
  sectionLabel: 'حقوق الإنسان',
  locale: 'ar',
  dir: 'rtl',
};

const EN_CARD: SocialCardInput = {
  title: 'Rights groups: an unprecedented step by Qatar against human trafficking',
  siteName: 'Sada',
  sectionLabel: 'Human rights',
  locale: 'en',
  dir: 'ltr',
};

/** The rules' rows (lib/social/card.ts: HEADER_RULE_Y, FOOTER_RULE_Y). */
const HEADER_RULE = 112;
const FOOTER_RULE = 574;

interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

async function raw(png: Buffer | TextLayer): Promise<RawImage> {
  if (!Buffer.isBuffer(png)) return { data: png.pixels, width: png.width, height: png.height, channels: png.channels };
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** Fraction of pixels whose alpha differs by more than 64 (1 when sizes differ). */
async function alphaDifference(a: TextLayer, b: TextLayer): Promise<number> {
  const [ra, rb] = await Promise.all([raw(a), raw(b)]);
  if (ra.width !== rb.width || ra.height !== rb.height) return 1;
  let differing = 0;
  for (let i = 3; i < ra.data.length; i += 4) {
    if (Math.abs((ra.data[i] ?? 0) - (rb.data[i] ?? 0)) > 64) differing += 1;
  }
  return differing / (ra.width * ra.height);
}

/** Bounding box of dark ("ink") pixels inside a region of an opaque card. */
function inkBox(
  img: RawImage,
  region: { left: number; top: number; right: number; bottom: number },
): { minX: number; maxX: number; count: number } {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let count = 0;
  for (let y = region.top; y < region.bottom; y += 1) {
    for (let x = region.left; x < region.right; x += 1) {
      const i = (y * img.width + x) * img.channels;
      const luminance = 0.2126 * (img.data[i] ?? 0) + 0.7152 * (img.data[i + 1] ?? 0) + 0.0722 * (img.data[i + 2] ?? 0);
      if (luminance < 100) {
        count += 1;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
      }
    }
  }
  return { minX, maxX, count };
}

function pixelHex(img: RawImage, x: number, y: number): string {
  const i = (y * img.width + x) * img.channels;
  return `#${[0, 1, 2].map((c) => (img.data[i + c] ?? 0).toString(16).padStart(2, '0')).join('')}`;
}

/** Family name (nameID 1, Windows/Unicode record) read from a TTF's name table. */
function familyNameOf(ttf: Buffer): string | undefined {
  const numTables = ttf.readUInt16BE(4);
  for (let t = 0; t < numTables; t += 1) {
    const record = 12 + t * 16;
    if (ttf.toString('latin1', record, record + 4) !== 'name') continue;
    const table = ttf.readUInt32BE(record + 8);
    const count = ttf.readUInt16BE(table + 2);
    const strings = table + ttf.readUInt16BE(table + 4);
    for (let n = 0; n < count; n += 1) {
      const entry = table + 6 + n * 12;
      const platform = ttf.readUInt16BE(entry);
      const nameId = ttf.readUInt16BE(entry + 6);
      if (platform !== 3 || nameId !== 1) continue;
      const length = ttf.readUInt16BE(entry + 8);
      const offset = strings + ttf.readUInt16BE(entry + 10);
      return ttf.subarray(offset, offset + length).swap16().toString('utf16le');
    }
  }
  return undefined;
}

let fonts: PreparedFonts;

beforeAll(async () => {
  fonts = await prepareSocialCardFonts();
});

describe('fonts', () => {
  it('produces real TrueType files whose family names match the Pango font names', async () => {
    for (const locale of ['ar', 'en'] as const) {
      expect(fonts.files[locale].length).toBeGreaterThan(0);
      for (const file of fonts.files[locale]) {
        expect(file.endsWith('.ttf')).toBe(true);
        const ttf = await readFile(file);
        expect(ttf.readUInt32BE(0)).toBe(0x00010000); // sfnt TrueType, not wOFF/wOF2
        expect(familyNameOf(Buffer.from(ttf))).toBe(FONT_FAMILIES[locale]);
      }
    }
  });
});

describe('renderSocialCard', () => {
  it('returns 1200x630 PNGs for both locales', async () => {
    for (const input of [AR_CARD, EN_CARD]) {
      const png = await renderSocialCard(input);
      const meta = await sharp(png).metadata();
      expect(meta.format).toBe('png');
      expect(meta.width).toBe(CARD_WIDTH);
      expect(meta.height).toBe(CARD_HEIGHT);
    }
  });

  it('puts the accent bar on the start side: right for Arabic, left for English', async () => {
    const ar = await raw(await renderSocialCard(AR_CARD));
    const en = await raw(await renderSocialCard(EN_CARD));
    const mid = Math.floor(CARD_HEIGHT / 2);
    expect(pixelHex(ar, CARD_WIDTH - 4, mid)).toBe(CARD_COLORS.accent);
    expect(pixelHex(ar, 4, mid)).toBe(CARD_COLORS.background);
    expect(pixelHex(en, 4, mid)).toBe(CARD_COLORS.accent);
    expect(pixelHex(en, CARD_WIDTH - 4, mid)).toBe(CARD_COLORS.background);
  });

  it('aligns a short Arabic headline to the right half and an English one to the left half', async () => {
    // Body band only (below the header rule, above the footer rule), away from the accent bar.
    const region = { left: 40, right: CARD_WIDTH - 40, top: 130, bottom: 560 };
    const ar = await raw(await renderSocialCard({ ...AR_CARD, title: 'خطوة جديدة', sectionLabel: undefined }));
    const en = await raw(await renderSocialCard({ ...EN_CARD, title: 'A new step', sectionLabel: undefined }));
    const arInk = inkBox(ar, region);
    const enInk = inkBox(en, region);
    expect(arInk.count).toBeGreaterThan(500);
    expect(enInk.count).toBeGreaterThan(500);
    expect(arInk.minX).toBeGreaterThan(CARD_WIDTH / 2);
    expect(arInk.maxX).toBeGreaterThan(CARD_WIDTH - 140);
    expect(enInk.maxX).toBeLessThan(CARD_WIDTH / 2);
    expect(enInk.minX).toBeLessThan(140);
  });

  it('keeps very long titles inside the card (shrinks, then truncates)', async () => {
    const long = `${AR_CARD.title} `.repeat(12);
    const png = await renderSocialCard({ ...AR_CARD, title: long });
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);

    const fitted = await fitText(long, 'ar', 'rtl', {
      sizes: [72, 48, 36],
      maxLines: 4,
      maxHeight: 380,
      width: 1000,
      lineHeight: 0.8,
    });
    expect(fitted.size).toBe(36);
    expect(fitted.truncated).toBe(true);
    expect(fitted.lines).toBeLessThanOrEqual(4);
    expect(fitted.height).toBeLessThanOrEqual(380);
    expect(fitted.width).toBeLessThanOrEqual(1000);
  });

  it('shrinks a medium title before truncating it', async () => {
    const fitted = await fitText(EN_CARD.title.repeat(2), 'en', 'ltr', {
      sizes: [72, 64, 56, 48, 40],
      maxLines: 4,
      maxHeight: 380,
      width: 1032,
    });
    expect(fitted.size).toBeLessThan(72);
    expect(fitted.truncated).toBe(false);
    expect(fitted.lines).toBeGreaterThan(1);
    expect(fitted.lines).toBeLessThanOrEqual(4);
  });

  it('escapes Pango markup characters in user text', async () => {
    expect(escapeMarkup('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    const png = await renderSocialCard({ ...EN_CARD, title: '<b>Tom & Jerry</b> say 5 > 3', siteName: 'A&B' });
    expect((await sharp(png).metadata()).width).toBe(CARD_WIDTH);
  });
});

describe('Arabic text rendering', () => {
  const layer = (text: string, family?: string) =>
    renderTextLayer({ text, locale: 'ar', dir: 'rtl', size: 64, width: 1000, family });

  it('uses the Noto Naskh Arabic TTF, not a fallback font', async () => {
    const real = await layer(AR_CARD.title);
    const naskhOnly = await layer(AR_CARD.title, FONT_FAMILIES.ar);
    const fallback = await layer(AR_CARD.title, 'Bogus Family That Does Not Exist');
    // The locale's family list draws Arabic with Naskh itself ...
    expect(await alphaDifference(real, naskhOnly)).toBe(0);
    // ... and that differs clearly from whatever fontconfig falls back to.
    expect(await alphaDifference(real, fallback)).toBeGreaterThan(0.05);
  });

  it('shapes Arabic: joined letters differ from forced isolated forms', async () => {
    const joined = await layer('بببب');
    const isolated = await layer('ب\u200cب\u200cب\u200cب'); // ZWNJ blocks joining
    expect(joined.width).not.toBe(isolated.width);
    expect(await alphaDifference(joined, isolated)).toBeGreaterThan(0.05);
  });

  it('forms the lam-alef ligature', async () => {
    const ligature = await layer('لا');
    const separate = await layer('ل\u200cا');
    expect(await alphaDifference(ligature, separate)).toBeGreaterThan(0.05);
  });

  it('aligns wrapped lines to the start side: right for Arabic, left for English', async () => {
    /** Horizontal ink extent of the bottom quarter (the last, shorter line). */
    const lastLineInk = async (png: TextLayer) => {
      const img = await raw(png);
      let minX = Number.POSITIVE_INFINITY;
      let maxX = Number.NEGATIVE_INFINITY;
      for (let y = Math.floor(img.height * 0.75); y < img.height; y += 1) {
        for (let x = 0; x < img.width; x += 1) {
          if ((img.data[(y * img.width + x) * img.channels + 3] ?? 0) > 128) {
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
          }
        }
      }
      return { minX, maxX, width: img.width };
    };
    const ar = await renderTextLayer({ text: AR_CARD.title, locale: 'ar', dir: 'rtl', size: 64, width: 800 });
    const en = await renderTextLayer({ text: EN_CARD.title, locale: 'en', dir: 'ltr', size: 64, width: 800 });
    const arLast = await lastLineInk(ar);
    const enLast = await lastLineInk(en);
    expect(arLast.maxX).toBeGreaterThanOrEqual(arLast.width - 4);
    expect(arLast.minX).toBeGreaterThanOrEqual(50);
    expect(enLast.minX).toBeLessThanOrEqual(4);
    expect(enLast.maxX).toBeLessThanOrEqual(enLast.width - 50);
  });

  it('keeps an Arabic paragraph right-to-left even when it starts with a Latin word', async () => {
    const text = 'FIFA تعلن خطوة';
    const rtl = await renderTextLayer({ text, locale: 'ar', dir: 'rtl', size: 48, width: 1000 });
    const ltr = await renderTextLayer({ text, locale: 'ar', dir: 'ltr', size: 48, width: 1000 });
    expect(await alphaDifference(rtl, ltr)).toBeGreaterThan(0.05);
  });
});

describe('paintLayers', () => {
  const width = 4;
  const canvasOf = (w: number, h: number) => Buffer.alloc((w + 1) * h, 0);
  const layerOf = (w: number, h: number, alpha: number): TextLayer => ({
    pixels: Buffer.from(Array.from({ length: w * h }, () => [26, 26, 26, alpha]).flat()),
    channels: 4,
    width: w,
    height: h,
  });
  const at = (canvas: Buffer, w: number, x: number, y: number) => canvas[canvasOffset(w, x, y)];

  it('leaves the paper where the ink is transparent, and takes the full ink where it is opaque', () => {
    const canvas = canvasOf(width, 4);
    paintLayers(canvas, width, 4, [
      { layer: layerOf(1, 1, 0), ink: 'ink', left: 0, top: 0 },
      { layer: layerOf(1, 1, 255), ink: 'ink', left: 1, top: 0 },
      { layer: layerOf(1, 1, 255), ink: 'accent', left: 2, top: 0 },
    ]);
    expect(at(canvas, width, 0, 0)).toBe(0);
    expect(at(canvas, width, 1, 0)).toBe(fullInk('ink'));
    expect(at(canvas, width, 2, 0)).toBe(fullInk('accent'));
    // Every row still starts with its filter byte.
    for (let y = 0; y < 4; y += 1) expect(canvas[y * (width + 1)]).toBe(0);
  });

  it('gives a partly covered pixel the nearest step between paper and ink', () => {
    const canvas = canvasOf(2, 1);
    paintLayers(canvas, 2, 1, [{ layer: layerOf(1, 1, 128), ink: 'accent', left: 0, top: 0 }]);
    const index = at(canvas, 2, 0, 0)!;
    const colour = [...CARD_PALETTE.subarray(index * 3, index * 3 + 3)];
    const exact = [155, 28, 28].map((accent, channel) => (accent * 128 + [251, 250, 247][channel]! * 127) / 255);
    colour.forEach((value, channel) => expect(Math.abs(value - exact[channel]!)).toBeLessThanOrEqual(1.5));
    expect(at(canvas, 2, 1, 0)).toBe(0);
  });

  it('paints a coverage layer as it paints the alpha of an RGBA one', async () => {
    const text = { text: AR_CARD.title, locale: 'ar' as const, dir: 'rtl' as const, size: 64, width: 1000 };
    const [rgba, coverage] = await Promise.all([renderTextLayer(text), renderTextLayer({ ...text, coverage: true })]);
    expect([coverage.channels, coverage.width, coverage.height]).toEqual([1, rgba.width, rgba.height]);
    expect(coverage.pixels.equals(Buffer.from(rgba.pixels.filter((_, index) => index % 4 === 3)))).toBe(true);
    const paint = (layer: TextLayer) => {
      const canvas = canvasOf(1000, layer.height);
      paintLayers(canvas, 1000, layer.height, [{ layer, ink: 'ink', left: 0, top: 0 }]);
      return canvas;
    };
    expect(paint(coverage).equals(paint(rgba))).toBe(true);
  });

  it('keeps the stronger coverage where two layers meet', () => {
    const canvas = canvasOf(1, 1);
    paintLayers(canvas, 1, 1, [
      { layer: layerOf(1, 1, 200), ink: 'ink', left: 0, top: 0 },
      { layer: layerOf(1, 1, 60), ink: 'accent', left: 0, top: 0 },
    ]);
    expect(at(canvas, 1, 0, 0)).toBe(Math.round((200 * 127) / 255));
  });

  it('paints only the part of a layer that lies on the canvas', () => {
    const canvas = canvasOf(3, 3);
    paintLayers(canvas, 3, 3, [{ layer: layerOf(2, 2, 255), ink: 'ink', left: 2, top: -1 }]);
    expect(at(canvas, 3, 2, 0)).toBe(fullInk('ink'));
    expect(at(canvas, 3, 1, 0)).toBe(0);
    expect(at(canvas, 3, 2, 1)).toBe(0);
    for (let y = 0; y < 3; y += 1) expect(canvas[y * 4]).toBe(0);
  });

  it('refuses a canvas of the wrong size', () => {
    expect(() => paintLayers(Buffer.alloc(10), 4, 4, [])).toThrow(/not 4x4/);
  });
});

describe('encodeIndexedPng', () => {
  it('writes a palette PNG that decodes to the palette colours of each index', async () => {
    const palette = Buffer.from([255, 0, 0, 0, 255, 0, 0, 0, 255]);
    const canvas = Buffer.from([0, 0, 1, 2, 0, 2, 1, 0]); // 3x2: filter byte, then indices
    const png = encodeIndexedPng(3, 2, palette, canvas);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height, meta.isPalette]).toEqual(['png', 3, 2, true]);
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(3);
    expect([...data]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 255, 0, 255, 0, 0]);
  });

  it('refuses a canvas of the wrong size and a palette of more than 256 colours', async () => {
    expect(() => encodeIndexedPng(3, 2, Buffer.alloc(3), Buffer.alloc(6))).toThrow(/not 3x2/);
    expect(() => encodeIndexedPng(1, 1, Buffer.alloc(771), Buffer.alloc(2))).toThrow(/1 to 256/);
  });

  it('draws the headline in full ink with anti-aliased edges, the label in the accent, and the rules where they belong', async () => {
    for (const input of [AR_CARD, EN_CARD]) {
      const img = await raw(await renderSocialCard(input));
      const body = { top: HEADER_RULE + 4, bottom: FOOTER_RULE - 4 };
      const colours = new Map<string, number>();
      for (let y = body.top; y < body.bottom; y += 1) {
        for (let x = 100; x < CARD_WIDTH - 100; x += 1) {
          const hex = pixelHex(img, x, y);
          colours.set(hex, (colours.get(hex) ?? 0) + 1);
        }
      }
      // Solid strokes in the ink and the accent, and many steps between them and the paper.
      expect(colours.get(CARD_COLORS.ink) ?? 0, input.locale).toBeGreaterThan(2_000);
      expect(colours.get(CARD_COLORS.accent) ?? 0, input.locale).toBeGreaterThan(50);
      expect(colours.size, input.locale).toBeGreaterThan(60);
      // The header rule is two rows of ink, with paper above it; the footer has its double rule.
      expect([pixelHex(img, 600, HEADER_RULE), pixelHex(img, 600, HEADER_RULE + 1), pixelHex(img, 600, HEADER_RULE - 1)]).toEqual([CARD_COLORS.ink, CARD_COLORS.ink, CARD_COLORS.background]);
      expect([pixelHex(img, 600, FOOTER_RULE), pixelHex(img, 600, FOOTER_RULE + 8), pixelHex(img, 600, FOOTER_RULE + 6)]).toEqual([CARD_COLORS.ink, CARD_COLORS.ink, CARD_COLORS.background]);
    }
  });
});
