import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fontverter from 'fontverter';
import * as hb from 'harfbuzzjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteText } from '@/lib/fonts/site-text';
import { buildFonts, codePoints, FALLBACKS, fontCodePoints, planFonts, readSource, SAFETY, textCharacters, toUnicodeRange, verticalMetrics, writePlannedFonts, type FontBuild } from '@/lib/fonts/subset';

const texts = siteText();
const publicPath = '/repo/fonts/';
const temporary = () => mkdtempSync(path.join(tmpdir(), 'fonts-'));
const isArabic = (codePoint: number) => (codePoint >= 0x600 && codePoint <= 0x6ff) || (codePoint >= 0xfb50 && codePoint <= 0xfeff);

let build: FontBuild;
let again: FontBuild;
let dir: string;

beforeAll(async () => {
  dir = temporary();
  build = await buildFonts({ texts, outDir: dir, publicPath });
  again = await buildFonts({ texts, outDir: temporary(), publicPath });
}, 60_000);

const file = (result: FontBuild, family: string) => {
  const found = result.files.find((candidate) => candidate.family === family);
  if (!found) throw new Error(`no ${family} file`);
  return found;
};
const bytes = (result: FontBuild, family: string) => readFileSync(file(result, family).path);

/** Shapes with HarfBuzz; glyphs compared by outline, since ids change in a subset. */
async function shape(font: Buffer, text: string, wght: number) {
  const shaper = new hb.Font(new hb.Face(new hb.Blob(await fontverter.convert(font, 'truetype'))));
  shaper.setVariations([new hb.Variation('wght', wght)]);
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(shaper, buffer);
  const positions = buffer.getGlyphPositions();
  return buffer.getGlyphInfos().map((glyph, index) => ({
    outline: shaper.glyphToPath(glyph.codepoint),
    cluster: glyph.cluster,
    advance: positions[index].xAdvance,
    offset: [positions[index].xOffset, positions[index].yOffset],
  }));
}

function faces(css: string): Record<string, string>[] {
  return [...css.matchAll(/@font-face \{([^}]*)\}/g)].map(([, body]) =>
    Object.fromEntries([...body.matchAll(/^\s*([a-z-]+):\s*(.*);$/gm)].map(([, key, value]) => [key, value])),
  );
}

describe('font subsets', () => {
  it('have their stylesheet and names before they are cut, and a face that breaks the plan stops the build', async () => {
    const plan = await planFonts({ texts, publicPath });
    expect(plan.css).toBe(build.css);
    expect(plan.files.map((planned) => planned.href)).toEqual(build.files.map((built) => built.href));
    const naskh = plan.files.find((planned) => planned.family === 'Naskh')!;
    // A character the source face does not have: the cut face cannot map it.
    const broken = { ...plan, files: [{ ...naskh, characters: [...naskh.characters, 0xe000] }] };
    await expect(writePlannedFonts(broken, temporary())).rejects.toThrow(/the Naskh subset maps \d+ characters where \d+ were planned/);
  });

  it('are byte-identical for the same texts, named after what they are cut from, with nothing else written', () => {
    expect(again.css).toBe(build.css);
    for (const family of ['Naskh', 'SourceSerif']) expect(bytes(again, family).equals(bytes(build, family))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(build.files.map((candidate) => path.basename(candidate.path)).sort());
    for (const candidate of build.files) expect(candidate.href).toMatch(/^\/repo\/fonts\/(naskh|sourceserif)-[0-9a-f]{10}\.woff2$/);
  });

  it('draw every character of the site with the face the browser will use', () => {
    const naskh = new Set(fontCodePoints(bytes(build, 'Naskh')));
    const serif = new Set(fontCodePoints(bytes(build, 'SourceSerif')));
    expect(build.missing).toEqual([]);
    for (const codePoint of codePoints(texts.ar)) {
      expect(naskh.has(codePoint) || serif.has(codePoint), `U+${codePoint.toString(16)}`).toBe(true);
      if (isArabic(codePoint)) expect(naskh.has(codePoint), `U+${codePoint.toString(16)} in Naskh`).toBe(true);
    }
    for (const codePoint of codePoints(texts.en)) expect(serif.has(codePoint) || naskh.has(codePoint), `U+${codePoint.toString(16)}`).toBe(true);
    for (const codePoint of SAFETY.ar) expect(naskh.has(codePoint), `safety U+${codePoint.toString(16)}`).toBe(true);
    for (const codePoint of SAFETY.en) expect(serif.has(codePoint), `safety U+${codePoint.toString(16)}`).toBe(true);
  });

  it('are a fraction of the full files', () => {
    expect(file(build, 'Naskh').bytes).toBeLessThan(readSource('ar').length / 3);
    expect(file(build, 'SourceSerif').bytes).toBeLessThan(readSource('en').length / 2);
  });

  it('shape Arabic exactly as the full font does: joining, lam-alef and marks, at 400 and 700', async () => {
    const lines = [
      ...texts.ar.split('\n').filter((line) => /[\u0600-\u06ff]/.test(line)).slice(0, 40),
      'لَا إِلَٰهَ إِلَّا ٱللَّٰهُ — الْعَرَبِيَّةُ، ٣٤٥٬٦٧ ٪؟',
      'لا الاتجار اللازم لأن الآن',
    ].map((line) => line.replace(/[^\u0600-\u06ff\s]/g, ' '));
    const subset = bytes(build, 'Naskh');
    const full = readSource('ar');
    for (const wght of [400, 700]) {
      for (const line of lines) expect(await shape(subset, line, wght), line).toEqual(await shape(full, line, wght));
    }
  }, 60_000);

  it('report characters no face can draw', async () => {
    const result = await buildFonts({ texts: { ar: 'مرحبا', en: 'Ωmega 😀' }, outDir: temporary(), publicPath });
    expect(result.missing).toEqual([0x3a9, 0x1f600]);
  }, 30_000);
});

describe('what the fonts depend on', () => {
  it('is the characters the texts use, not their words: an edit with no new character leaves the fonts as they are', async () => {
    // A story edited with words the site already uses, as most corrections are.
    const edited = { ar: `${texts.ar}\n${texts.ar.split(' ').reverse().slice(0, 80).join(' ')}`, en: `${texts.en}\nThe correction was added.` };
    expect(textCharacters(edited)).toBe(textCharacters(texts));
    const rebuilt = await buildFonts({ texts: edited, outDir: temporary(), publicPath });
    expect(rebuilt.css).toBe(build.css);
    for (const family of ['Naskh', 'SourceSerif']) expect(bytes(rebuilt, family).equals(bytes(build, family))).toBe(true);
    // A character the site has not used before is a different input.
    expect(textCharacters({ ...texts, en: `${texts.en} naïve ∑` })).not.toBe(textCharacters(texts));
    expect(textCharacters({ ar: texts.en, en: texts.ar })).not.toBe(textCharacters(texts));
  }, 60_000);
});

describe('codePoints', () => {
  it('lists each character once, in order, astral ones whole, without control characters', () => {
    const text = '\udc00بَيتٌ b\u0000a\n\u009f 😀 \ud800 ب 𝐀😀\ud83d';
    // What a plain walk over the text's characters gives.
    const expected = [...new Set([...text].map((character) => character.codePointAt(0)!))]
      .filter((codePoint) => !(codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)))
      .sort((a, b) => a - b);
    expect(codePoints(text)).toEqual(expected);
    expect(codePoints(text)).toEqual([0x20, 0x61, 0x62, 0x628, 0x62a, 0x64c, 0x64e, 0x64a, 0xd800, 0xd83d, 0xdc00, 0x1d400, 0x1f600].sort((a, b) => a - b));
  });
});

describe('font CSS', () => {
  const web = () => faces(build.css).filter((face) => /^'(Naskh|SourceSerif)'$/.test(face['font-family']));

  it('has one swapping face per file, whose unicode-range is exactly its cmap', () => {
    expect(web()).toHaveLength(2);
    for (const candidate of build.files) {
      const face = web().find((item) => item.src.includes(candidate.href));
      expect(face?.['font-display']).toBe('swap');
      expect(face?.src).toBe(`url('${candidate.href}') format('woff2')`);
      expect(face?.['font-weight']).toBe('400 700');
      expect(face?.['unicode-range']).toBe(toUnicodeRange(fontCodePoints(readFileSync(candidate.path))));
    }
    // Naskh never claims Latin letters or digits, or English pages would fetch it.
    expect(web().find((face) => face['font-family'] === "'Naskh'")?.['unicode-range']).not.toMatch(/U\+(30|41|61)\b/);
  });

  it('has metric-tuned local fallbacks for both weights', () => {
    const fallbacks = faces(build.css).filter((face) => / Fallback /.test(face['font-family']));
    expect(fallbacks).toHaveLength(2 * (FALLBACKS.ar.length + FALLBACKS.en.length));
    const naskh = verticalMetrics(readSource('ar'));
    for (const face of fallbacks) {
      expect(face.src).toMatch(/^local\('.+'\)(, local\('.+'\))*$/);
      for (const key of ['size-adjust', 'ascent-override', 'descent-override', 'line-gap-override']) expect(face[key]).toMatch(/^\d+\.\d{2}%$/);
      if (face['font-family'].startsWith("'Naskh")) {
        // ascent-override × size-adjust = the web font's ascent: the baseline does not jump.
        expect((parseFloat(face['ascent-override']) * parseFloat(face['size-adjust'])) / 1e4).toBeCloseTo(naskh.ascent / naskh.unitsPerEm, 2);
      }
    }
  });

  it('gives each language its stack and at most two files to preload', () => {
    expect(build.fontFamily.ar).toMatch(/^Naskh, SourceSerif, 'Naskh Fallback Noto'.*serif$/);
    expect(build.fontFamily.en).not.toMatch(/Naskh/);
    expect(build.preload.ar).toEqual([file(build, 'Naskh').href, file(build, 'SourceSerif').href]);
    expect(build.preload.en).toEqual([file(build, 'SourceSerif').href]);
    expect(build.css).toContain(`--font-arabic: ${build.fontFamily.ar};`);
    expect(build.css).toContain(`--font-latin: ${build.fontFamily.en};`);
  });
});

describe('siteText', () => {
  it('holds the stories, the catalogues and every month name, per language', () => {
    expect(texts.ar).toContain('منظمات: خطوة غير مسبوقة');
    expect(texts.ar).toContain('انتقل إلى المحتوى');
    expect(texts.ar).toContain('جمادى الآخرة');
    expect(texts.ar).toContain('ديسمبر');
    expect(texts.en).toContain('Ali bin Samikh Al Marri');
    expect(texts.en).toContain('Skip to content');
    expect(texts.en).toContain('September');
  });
});
