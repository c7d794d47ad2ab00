/**
 * One language's part of the search index (lib/search/search-index.ts starts one per language
 * on a large site):   tsx scripts/search-index.ts <out folder> <locale> <bundle folder>
 */
import { isLocale } from '@/i18n/locales';
import { indexLanguage } from '@/lib/search/search-index';

const [outDir, lang, outputPath] = process.argv.slice(2);
if (!outDir || !lang || !outputPath || !isLocale(lang)) {
  console.error('search-index: usage: tsx scripts/search-index.ts <out folder> <locale> <bundle folder>');
  process.exit(2);
}
indexLanguage(outDir, lang, outputPath).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
