/** The few entry points of the font tools used at build time (they ship no type declarations). */

declare module 'subset-font' {
  type Options = {
    targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt';
    keepFeatures?: string[];
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    preserveNameIds?: number[];
  };
  export default function subsetFont(font: Buffer, text: string, options?: Options): Promise<Buffer>;
}

declare module 'fontverter' {
  const fontverter: { convert(font: Buffer, format: 'truetype' | 'woff' | 'woff2' | 'sfnt'): Promise<Buffer> };
  export default fontverter;
}

declare module 'fontkit' {
  export type Glyph = { id: number };
  export type Font = {
    characterSet: number[];
    unitsPerEm: number;
    fullName: string;
    postscriptName: string;
    version: string;
    variationAxes: Record<string, { min: number; default: number; max: number }>;
    hhea: { ascent: number; descent: number; lineGap: number };
    'OS/2'?: { fsSelection?: { useTypoMetrics?: boolean }; typoAscender: number; typoDescender: number; typoLineGap: number };
    glyphForCodePoint(codePoint: number): Glyph;
    hasGlyphForCodePoint(codePoint: number): boolean;
  };
  export function create(buffer: Buffer): Font;
}
