import { describe, expect, it } from 'vitest';
import { arabicIndexTerms, arabicIndexText, arabicQuery, normaliseArabic, stripArabicArticle } from '@/lib/search/arabic';

describe('normaliseArabic', () => {
  it('unifies the hamza forms of alef (أ إ آ ٱ) to ا', () => {
    expect(normaliseArabic('أإآٱا')).toBe('ااااا');
    expect(normaliseArabic('الإتجار')).toBe('الاتجار');
    expect(normaliseArabic('أمم')).toBe('امم');
    expect(normaliseArabic('آلاتجار')).toBe('الاتجار');
  });

  it('leaves hamza on waw and yaa, and the lone hamza, alone', () => {
    expect(normaliseArabic('مسؤول رئيس ماء')).toBe('مسؤول رئيس ماء');
  });

  it('maps taa marbuta to haa', () => {
    expect(normaliseArabic('مكافحة')).toBe('مكافحه');
    expect(normaliseArabic('مكافحه')).toBe('مكافحه');
  });

  it('maps alef maqsura (and Persian yeh) to yaa, keheh to kaf', () => {
    expect(normaliseArabic('مستشفى')).toBe('مستشفي');
    expect(normaliseArabic('على')).toBe(normaliseArabic('علي'));
    expect(normaliseArabic('التنفیذی')).toBe('التنفيذي');
    expect(normaliseArabic('کتاب')).toBe('كتاب');
  });

  it('removes tashkeel, shadda, sukun, tanween, superscript alef and Quranic marks', () => {
    expect(normaliseArabic('الاتِّجَارُ بِالْبَشَرِ')).toBe('الاتجار بالبشر');
    expect(normaliseArabic('كِتَابًا')).toBe('كتابا');
    expect(normaliseArabic('هٰذا')).toBe('هذا');
    expect(normaliseArabic('الرَّحِيمِ ۝')).toBe('الرحيم ۝');
    expect(normaliseArabic('قُلْۖ')).toBe('قل');
  });

  it('removes tatweel', () => {
    expect(normaliseArabic('الاتجـــار')).toBe('الاتجار');
    expect(normaliseArabic('مكـافحـة')).toBe('مكافحه');
  });

  it('composes decomposed hamza/madda before unifying them', () => {
    // alef + combining hamza above / below / madda (as some keyboards and OCR emit)
    expect(normaliseArabic('\u0627\u0654\u0645\u0645')).toBe('امم');
    expect(normaliseArabic('\u0627\u0655\u062A\u062C\u0627\u0631')).toBe('اتجار');
    expect(normaliseArabic('\u0627\u0653\u0644\u0627\u062A')).toBe('الات');
  });

  it('maps presentation forms and the lam-alef ligatures to plain letters', () => {
    expect(normaliseArabic('ﻗﻄﺮ')).toBe('قطر');
    expect(normaliseArabic('ﻻ ﻷ ﻵ ﻹ')).toBe('لا لا لا لا');
  });

  it('maps Arabic-Indic and Eastern Arabic-Indic digits to ASCII', () => {
    expect(normaliseArabic('٢٠٢٤ ۱۹۹۰ 42')).toBe('2024 1990 42');
  });

  it('drops invisible marks (bidi, zero-width, soft hyphen, BOM)', () => {
    expect(normaliseArabic('\u200Fالات\u200Cجار\u200E\u061C\uFEFF\u00AD')).toBe('الاتجار');
  });

  it('does not change Latin text, punctuation or spacing', () => {
    expect(normaliseArabic('Human Trafficking, "Doha" – 2024!')).toBe('Human Trafficking, "Doha" – 2024!');
    expect(normaliseArabic('  a  b ')).toBe('  a  b ');
    expect(normaliseArabic('')).toBe('');
  });

  it('is idempotent', () => {
    const samples = ['الإتِّجار بالبشـــر', 'مُكافَحَة', 'ﻗﻄﺮ ٢٠٢٤', 'المدير التنفيذى', 'Qatar'];
    for (const s of samples) expect(normaliseArabic(normaliseArabic(s))).toBe(normaliseArabic(s));
  });

  it('brings every spelling a reader may type of the story’s key words to one form', () => {
    const forms = ['الاتجار', 'الإتجار', 'الاتِّجار', 'الاتجـــار', 'آلاتجار', 'الأتجار'];
    expect(new Set(forms.map(normaliseArabic))).toEqual(new Set(['الاتجار']));
    expect(normaliseArabic('مكافحه')).toBe(normaliseArabic('مكافحة'));
  });
});

describe('stripArabicArticle', () => {
  it.each([
    ['الاتجار', 'اتجار'],
    ['بالبشر', 'بشر'],
    ['البشر', 'بشر'],
    ['والبحوث', 'بحوث'],
    ['وبالبشر', 'بشر'],
    ['فالامر', 'امر'],
    ['كالعاده', 'عاده'],
    ['وكالعاده', 'عاده'],
    ['للتدريب', 'تدريب'],
    ['وللتدريب', 'تدريب'],
    ['فللتدريب', 'تدريب'],
  ])('%s → %s', (word, stem) => {
    expect(stripArabicArticle(word)).toBe(stem);
  });

  it.each(['اتجار', 'بشر', 'والي', 'الله', 'الي', 'الذي', 'الان', 'قطر', 'لبنان'])(
    'keeps %s whole (no article, or fewer than 3 letters would remain)',
    (word) => {
      expect(stripArabicArticle(word)).toBe(word);
    },
  );
});

describe('arabicIndexTerms', () => {
  it('indexes words with an article only without it', () => {
    expect(arabicIndexTerms('الاتجار')).toEqual(['اتجار']);
    expect(arabicIndexTerms('بالبشر')).toEqual(['بشر']);
  });

  it('adds the word without a leading clitic when 4+ letters remain', () => {
    expect(arabicIndexTerms('لضحايا')).toEqual(['لضحايا', 'ضحايا']);
    expect(arabicIndexTerms('لبناء')).toEqual(['لبناء', 'بناء']);
    expect(arabicIndexTerms('وبجهود')).toEqual(['وبجهود', 'جهود', 'بجهود']);
  });

  it('does not split short words that merely start with a clitic letter', () => {
    expect(arabicIndexTerms('بشر')).toEqual(['بشر']);
    expect(arabicIndexTerms('لجنه')).toEqual(['لجنه']);
    expect(arabicIndexTerms('كبير')).toEqual(['كبير']);
    expect(arabicIndexTerms('والي')).toEqual(['والي']);
  });
});

describe('arabicQuery', () => {
  it.each([
    ['الاتجار بالبشر', 'اتجار بشر'],
    ['الإتجار', 'اتجار'],
    ['اتجار', 'اتجار'],
    ['مكافحه الاتجار', 'مكافحه اتجار'],
    ['الاتِّجار', 'اتجار'],
    ['الاتجـــار', 'اتجار'],
    ['مكافحة', 'مكافحه'],
    ['آلاتجار', 'اتجار'],
    ['بالبشر', 'بشر'],
    ['البشر', 'بشر'],
    ['بشر', 'بشر'],
    ['والاتجار', 'اتجار'],
  ])('%s → %s', (q, expected) => {
    expect(arabicQuery(q)).toBe(expected);
  });

  it('never removes a bare clitic letter from the query (بشر must not become شر)', () => {
    expect(arabicQuery('بشر لضحايا')).toBe('بشر لضحايا');
  });

  it('keeps Latin words, quotes and punctuation; collapses spaces', () => {
    expect(arabicQuery('  Human   trafficking ')).toBe('Human trafficking');
    expect(arabicQuery('"الاتجار بالبشر"')).toBe('"اتجار بشر"');
    expect(arabicQuery('«الإتجار» Qatar')).toBe('«اتجار» Qatar');
  });

  it('returns an empty string for blank or mark-only input', () => {
    expect(arabicQuery('')).toBe('');
    expect(arabicQuery('   ')).toBe('');
    expect(arabicQuery('\u064E\u0640\u200F')).toBe('');
  });

  it('gives the same query for every spelling variant a reader may type', () => {
    const variants = ['الاتجار', 'الإتجار', 'اتجار', 'إتجار', 'أتجار', 'الاتِّجار', 'الاتجـــار', 'آلاتجار', 'للاتجار', 'والاتجار'];
    expect(new Set(variants.map(arabicQuery))).toEqual(new Set(['اتجار']));
  });
});

describe('arabicIndexText', () => {
  const paragraph =
    'فيما رحبت المدير التنفيذي لمكتب الأمم المتحدة للمخدرات والجريمة غادة والي بجهود قطر بمكافحة الاتجار بالبشر وتأمين الحماية والدعم لضحايا الاتجار بالبشر.';

  it('contains the query form of every word of the text', () => {
    const terms = new Set(arabicIndexText(paragraph).split(' '));
    for (const word of paragraph.replace(/[.،]/g, '').split(' ')) {
      expect(terms.has(arabicQuery(word)), word).toBe(true);
    }
  });

  it('contains the bare forms a reader may type', () => {
    const terms = new Set(arabicIndexText(paragraph).split(' '));
    for (const q of ['ضحايا', 'الضحايا', 'جهود', 'الجريمة', 'دعم', 'مكافحة', 'المخدرات']) {
      expect(terms.has(arabicQuery(q)), q).toBe(true);
    }
  });

  it('keeps reading order so that phrases still match', () => {
    expect(arabicIndexText('مكافحة الاتجار بالبشر')).toBe('مكافحه اتجار بشر');
  });

  it('drops Latin words, digits and punctuation (Pagefind indexes them from the page)', () => {
    expect(arabicIndexText('UNODC – مكتب (الدوحة) 2024')).toBe('مكتب دوحه');
    expect(arabicIndexText('Only English here.')).toBe('');
  });
});
