import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Locale } from '@/i18n/locales';

/** What scripts/build-fonts.ts recorded about the fonts it generated (.generated/fonts.json). */
const manifestSchema = z.object({
  preload: z.object({ ar: z.array(z.string()), en: z.array(z.string()) }),
  files: z.array(z.object({ name: z.string(), href: z.string(), family: z.string(), bytes: z.number() })),
});

export const FONT_MANIFEST = path.join(process.cwd(), '.generated', 'fonts.json');

let cached: z.infer<typeof manifestSchema> | null = null;

function manifest() {
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(FONT_MANIFEST, 'utf8');
  } catch {
    throw new Error(`${path.relative(process.cwd(), FONT_MANIFEST)} is missing: run \`npx tsx scripts/build-fonts.ts\` (npm run build and npm run dev run it first)`);
  }
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${FONT_MANIFEST}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  cached = parsed.data;
  return cached;
}

/**
 * The font files a page in `locale` needs for its first screen, to preload. In `npm run build`
 * the manifest is written once the faces are cut, before the content gate opens
 * (lib/build/publish.ts): Next renders no page before its page-data step has read the content,
 * which waits on that gate.
 */
export function fontPreloads(locale: Locale): string[] {
  return manifest().preload[locale];
}
