import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arabicQuery } from '@/lib/search/arabic';
import { buildSearchIndex, htmlForIndex, inspectPage, urlFor } from '@/lib/search/search-index';
import { loadPagefind, searchUrls, type PagefindApi } from '../../../support/pagefind-node';

/** A page shaped like the exported story template: navigation and footer around the story. */
function storyPage(lang: 'ar' | 'en', title: string, paragraphs: string[], story = true): string {
  const nav = lang === 'ar' ? 'الرئيسية الاتجار بالبشر trafficking' : 'Front page trafficking الاتجار';
  return `<!DOCTYPE html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><title>${title}</title></head><body>
<header><nav><a href="/">${nav}</a></nav></header><main><article>
<p class="kicker">${lang === 'ar' ? 'محفوظة' : 'Reserved'}</p>
<h1 class="story-title" ${story ? 'data-pagefind-meta="title"' : ''}>${title}</h1>
<p class="story-dek">${lang === 'ar' ? 'ملخص عن الخضروات' : 'A summary about vegetables'}</p>
<div class="story-body" ${story ? 'data-pagefind-body=""' : ''}>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div>
<footer>${lang === 'ar' ? 'جميع الحقوق محفوظة' : 'All rights reserved'}</footer></article></main></body></html>`;
}

const QATAR_AR = [
  'أعلن وزير العمل في قطر عن إنشاء مركز دولي للتدريب والبحوث لمكافحة الاتجار بالبشر في الدوحة.',
  'فيما رحبت المدير التنفيذي لمكتب الأمم المتحدة للمخدرات والجريمة بجهود قطر بمكافحة الاتجار بالبشر وتأمين الحماية والدعم لضحايا الاتجار بالبشر.',
];
const DECOY_AR = ['قال التجار إن الحركة التجارية في سوق الخضار تراجعت، وإن الأسعار ارتفعت إلى الخليج كله.'];

let work: string;
let ar: PagefindApi;
let en: PagefindApi;
let report: Awaited<ReturnType<typeof buildSearchIndex>>;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'search-index-'));
  const write = (relative: string, html: string) => {
    mkdirSync(path.dirname(path.join(work, relative)), { recursive: true });
    writeFileSync(path.join(work, relative), html);
  };
  write('ar/news/qatar/index.html', storyPage('ar', 'منظمات: خطوة غير مسبوقة من قطر لمكافحة الاتجار بالبشر', QATAR_AR));
  write('ar/news/market/index.html', storyPage('ar', 'التجار في سوق الخضار', DECOY_AR));
  write('en/news/qatar/index.html', storyPage('en', 'An unprecedented step by Qatar', ['Qatar will fight human trafficking with a new centre.']));
  write('en/news/market/index.html', storyPage('en', 'Traders at the market', ['Traders said prices rose.']));
  write('ar/index.html', storyPage('ar', 'الرئيسية', ['الاتجار بالبشر في عنوان قائمة'], false));
  report = await buildSearchIndex(work);
  ar = await loadPagefind(path.join(work, 'pagefind'), 'ar');
  en = await loadPagefind(path.join(work, 'pagefind'), 'en');
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const find = (api: PagefindApi, query: string) => searchUrls(api, arabicQuery(query));

describe('the search index', () => {
  it('indexes only story pages, one index per language, without Pagefind’s unused UIs', () => {
    expect(report.languages).toEqual({ ar: 2, en: 2 });
    const files = readdirSync(path.join(work, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files.filter((name) => name.includes('-ui'))).toEqual([]);
  });

  it.each(['الاتجار بالبشر', 'الإتجار', 'اتجار', 'مكافحه الاتجار', 'الاتِّجَار', 'الاتجـــار', 'ضحايا', 'البحوث', 'المدير التنفيذى'])(
    'finds the Qatar story for «%s» and nothing else',
    async (query) => {
      expect(await find(ar, query)).toEqual(['/ar/news/qatar/']);
    },
  );

  it('tells merchants (التجار) from trafficking (الاتجار)', async () => {
    expect(await find(ar, 'التجار')).toEqual(['/ar/news/market/']);
    expect(await find(ar, 'الاتجار التجار')).toEqual([]);
  });

  it('finds a story by its headline', async () => {
    expect(await find(ar, 'منظمات')).toEqual(['/ar/news/qatar/']);
    expect(await find(en, 'unprecedented')).toEqual(['/en/news/qatar/']);
  });

  it('searches English stories in English only', async () => {
    expect(await find(en, 'trafficking')).toEqual(['/en/news/qatar/']);
    expect(await find(en, 'الاتجار')).toEqual([]);
  });

  it('leaves out navigation, summaries, footers and pages that are not stories', async () => {
    expect(await find(ar, 'محفوظة')).toEqual([]);
    expect(await find(ar, 'الخضروات')).toEqual([]);
    expect(await find(en, 'reserved')).toEqual([]);
    expect(await find(en, 'Front')).toEqual([]);
  });

  it('does not change the exported files', () => {
    expect(readFileSync(path.join(work, 'ar/news/qatar/index.html'), 'utf8')).not.toContain('data-pagefind-meta="norm"');
  });
});

describe('page inspection', () => {
  it('reads the language, the headline and only the body text', () => {
    const facts = inspectPage(storyPage('ar', 'عنوان', ['فقرة أولى.', 'فقرة <b>ثانية</b>.']));
    expect(facts).toEqual({ lang: 'ar', hasBody: true, title: 'عنوان', bodyText: 'فقرة أولى. فقرة ثانية.' });
  });

  it('adds normalised Arabic as a hidden field, and nothing to English pages', () => {
    const html = storyPage('ar', 'الإتجار', ['لضحايا الاتجار']);
    expect(htmlForIndex(html, inspectPage(html))).toContain('<div hidden data-pagefind-meta="norm">اتجار لضحايا ضحايا اتجار</div></body>');
    const english = storyPage('en', 'Title', ['Body']);
    expect(htmlForIndex(english, inspectPage(english))).toBe(english);
  });

  it('turns file paths into the URLs Pagefind stores', () => {
    expect(urlFor(path.join('ar', 'news', 'x', 'index.html'))).toBe('/ar/news/x/');
  });
});
