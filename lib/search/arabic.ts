/**
 * Arabic spelling normalisation for search, shared by the index build (Node) and the search
 * page (bundled into its browser script), so a reader's query and the indexed text meet in
 * the same form whatever spelling either used.
 *
 * Three layers:
 *  - normaliseArabic(text): spelling only (letters, marks, digits); Latin text is untouched.
 *  - stripArabicArticle(word): the article ال with the clitics glued before it (و ف ب ك ل).
 *  - arabicQuery(query) / arabicIndexText(text): what the browser sends to Pagefind, and the
 *    extra searchable text given to Pagefind for each Arabic story at build time.
 *
 * Pagefind's own Arabic handling (Snowball stemmer, diacritic folding) stays in force on
 * both sides; this adds what it lacks: ة/ه, ى/ي, tatweel, Persian letters, presentation
 * forms and words written with a bare clitic (لضحايا, والبحوث).
 */

// Harakat, tanween, shadda, sukun, superscript alef, hamza/madda marks, Quranic signs.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const TATWEEL = /\u0640/g;
// Soft hyphen, Arabic letter mark, zero-width characters, bidi controls, BOM.
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// Alef with hamza above/below, madda, wasla and wavy hamza.
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g;

const LETTER_MAP: Record<string, string> = {
  '\u0649': '\u064A', // ى alef maqsura → ي
  '\u06CC': '\u064A', // ی Persian yeh → ي
  '\u06A9': '\u0643', // ک keheh → ك
  '\u0629': '\u0647', // ة taa marbuta → ه
};
const LETTERS = /[\u0649\u06CC\u06A9\u0629]/g;
// Arabic-Indic and Eastern Arabic-Indic digits.
const DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * Spelling normalisation for matching, never for display: removes tashkeel, tatweel and
 * invisible marks; unifies أ إ آ ٱ → ا, ى → ي, ة → ه; maps presentation forms and ligatures
 * (NFKC) and Arabic-Indic digits to plain ones. ؤ, ئ, ء and Latin letters are left alone.
 */
export function normaliseArabic(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(MARKS, '')
    .replace(TATWEEL, '')
    .replace(ALEF_FORMS, '\u0627')
    .replace(LETTERS, (letter) => LETTER_MAP[letter])
    .replace(DIGITS, (digit) => String(digit.charCodeAt(0) & 0xf));
}

/** One Arabic word after normaliseArabic (letters only). */
const ARABIC_WORD = /[\u0621-\u063F\u0641-\u064A\u066E-\u066F\u0671-\u06D3\u06D5\u06EE-\u06EF\u06FA-\u06FF]+/g;

// The article with what may be glued before it, longest first: (و|ف)?(ب|ك)?ال and (و|ف)?لل.
const ARTICLES = ['وبال', 'وكال', 'فبال', 'فكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
// Clitics without the article: the conjunctions و ف and the prepositions ب ك ل.
const CLITICS = ['وب', 'وك', 'ول', 'فب', 'فك', 'فل', 'و', 'ف', 'ب', 'ك', 'ل'];

/** Shortest stem left after removing the article: 3 keeps الله, الان, الذي whole. */
export const MIN_STEM_AFTER_ARTICLE = 3;
/** Shortest stem left after removing a bare clitic at index time: 4 keeps لجنة from giving جنة. */
export const MIN_STEM_AFTER_CLITIC = 4;

/**
 * Removes the definite article and the clitics before it from one normalised word:
 * الاتجار → اتجار, بالبشر → بشر, والبحوث → بحوث, للتدريب → تدريب.
 */
export function stripArabicArticle(word: string): string {
  for (const article of ARTICLES) {
    if (word.startsWith(article) && word.length - article.length >= MIN_STEM_AFTER_ARTICLE) return word.slice(article.length);
  }
  return word;
}

/**
 * The index terms of one normalised word: the word without its article and, when it had
 * none, also the word without a leading clitic (لضحايا → ضحايا), so a reader typing the bare
 * word finds it. Queries are never expanded that way: «بشر» must not become «شر».
 */
export function arabicIndexTerms(word: string): string[] {
  const stripped = stripArabicArticle(word);
  if (stripped !== word) return [stripped];
  const terms = [word];
  for (const clitic of CLITICS) {
    if (word.startsWith(clitic) && word.length - clitic.length >= MIN_STEM_AFTER_CLITIC) terms.push(word.slice(clitic.length));
  }
  return terms;
}

/** What a reader typed, prepared for Pagefind: normalised, each Arabic word without its article. */
export function arabicQuery(query: string): string {
  return normaliseArabic(query).replace(ARABIC_WORD, stripArabicArticle).replace(/\s+/g, ' ').trim();
}

/**
 * The extra searchable text of an Arabic story: every Arabic word normalised, without its
 * article, plus clitic-free variants, in reading order (so quoted phrases still match).
 * Other words are left out: Pagefind indexes them from the page itself.
 */
export function arabicIndexText(text: string): string {
  const words = normaliseArabic(text).match(ARABIC_WORD) ?? [];
  return words.flatMap(arabicIndexTerms).join(' ');
}
