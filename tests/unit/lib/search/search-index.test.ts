import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arabicQuery } from '@/lib/search/arabic';
import { buildSearchIndex, htmlForIndex, inspectPage, mergeIndexes, startSearchIndex, urlFor } from '@/lib/search/search-index';
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

/** Every file of a folder and its bytes, by relative path. */
function tree(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [path.relative(dir, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name)).toString('base64')])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describe('languages indexed apart and merged', () => {
  it('gives the same bundle when each language is indexed in a process of its own', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'search-index-processes-'));
    try {
      cpSync(work, copy, { recursive: true });
      const inProcesses = await buildSearchIndex(copy, { processes: true });
      expect(inProcesses).toEqual(report);
      expect(tree(path.join(copy, 'pagefind'))).toEqual(tree(path.join(work, 'pagefind')));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);

  it('gives the same bundle when a language is started as soon as its pages are written, before the others exist', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'search-index-early-'));
    try {
      cpSync(path.join(work, 'ar'), path.join(copy, 'ar'), { recursive: true });
      const search = startSearchIndex(copy, { processes: true });
      search.ready('ar');
      search.ready('ar'); // a second announcement of the same language starts nothing more
      search.ready('en'); // no English pages yet: started by finish instead
      // The English pages are written while the Arabic ones are being indexed.
      cpSync(path.join(work, 'en'), path.join(copy, 'en'), { recursive: true });
      expect(await search.finish()).toEqual(report);
      expect(tree(path.join(copy, 'pagefind'))).toEqual(tree(path.join(work, 'pagefind')));
      expect(readdirSync(copy)).not.toContain('.pagefind-parts');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);

  it('stops the languages started and leaves nothing behind when the pages fail', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'search-index-cancel-'));
    try {
      cpSync(work, copy, { recursive: true });
      rmSync(path.join(copy, 'pagefind'), { recursive: true, force: true });
      const search = startSearchIndex(copy, { processes: true });
      search.ready('ar');
      await search.cancel();
      expect(readdirSync(copy).sort()).toEqual(['ar', 'en']);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a story page outside the folder of a published language', async () => {
    const stray = mkdtempSync(path.join(tmpdir(), 'search-index-stray-'));
    try {
      cpSync(path.join(work, 'ar'), path.join(stray, 'ar'), { recursive: true });
      mkdirSync(path.join(stray, 'archive'));
      writeFileSync(path.join(stray, 'archive', 'old.html'), storyPage('ar', 'قديم', ['نص']));
      await expect(buildSearchIndex(stray)).rejects.toThrow('archive/old.html: a story page outside the folder of a published language');
    } finally {
      rmSync(stray, { recursive: true, force: true });
    }
  });

  it.each([false, true])('stops with the page at fault when a story page is in the wrong language’s folder (processes: %s)', async (processes) => {
    const wrong = mkdtempSync(path.join(tmpdir(), 'search-index-wrong-'));
    try {
      cpSync(work, wrong, { recursive: true });
      rmSync(path.join(wrong, 'pagefind'), { recursive: true, force: true });
      writeFileSync(path.join(wrong, 'en', 'news', 'market', 'index.html'), storyPage('ar', 'التجار في سوق الخضار', DECOY_AR));
      await expect(buildSearchIndex(wrong, { processes })).rejects.toThrow('en/news/market/index.html: a story page in /en/ whose <html lang> is "ar"');
      expect(readdirSync(wrong)).not.toContain('.pagefind-parts');
    } finally {
      rmSync(wrong, { recursive: true, force: true });
    }
  }, 120_000);

  it('merges bundles that agree, and refuses those that disagree on a shared file or hold the same language twice', () => {
    const parts = mkdtempSync(path.join(tmpdir(), 'search-index-parts-'));
    try {
      const part = (name: string, runtime: string, languages: Record<string, unknown>) => {
        mkdirSync(path.join(parts, name));
        writeFileSync(path.join(parts, name, 'pagefind.js'), runtime);
        writeFileSync(path.join(parts, name, 'pagefind-entry.json'), JSON.stringify({ version: '1', languages }));
        return path.join(parts, name);
      };
      // Merging moves the parts' files, so each merge gets parts of its own.
      const arabic = (name: string) => part(name, 'runtime', { ar: { hash: 'ar_1', wasm: 'ar', page_count: 1 } });
      const other = part('other', 'another runtime', { en: { hash: 'en_1', wasm: 'en', page_count: 1 } });
      const twice = part('twice', 'runtime', { ar: { hash: 'ar_2', wasm: 'ar', page_count: 2 } });
      expect(() => mergeIndexes([arabic('ar-a'), other], path.join(parts, 'a'))).toThrow('the language bundles disagree on pagefind.js');
      expect(() => mergeIndexes([arabic('ar-b'), twice], path.join(parts, 'b'))).toThrow('two bundles hold the language "ar"');
      // Bundles that agree: the shared file moved once, with its bytes, and one entry for both languages.
      const english = part('en', 'runtime', { en: { hash: 'en_1', wasm: 'en', page_count: 3 } });
      mergeIndexes([arabic('ar-c'), english], path.join(parts, 'c'));
      expect(readFileSync(path.join(parts, 'c', 'pagefind.js'), 'utf8')).toBe('runtime');
      expect(JSON.parse(readFileSync(path.join(parts, 'c', 'pagefind-entry.json'), 'utf8')).languages).toEqual({
        ar: { hash: 'ar_1', wasm: 'ar', page_count: 1 },
        en: { hash: 'en_1', wasm: 'en', page_count: 3 },
      });
    } finally {
      rmSync(parts, { recursive: true, force: true });
    }
  });
});

describe('page inspection', () => {
  it('reads the language, the headline and only the body text', () => {
    const facts = inspectPage(storyPage('ar', 'عنوان', ['فقرة أولى.', 'فقرة <b>ثانية</b>.']));
    expect(facts).toEqual({
      lang: 'ar',
      hasBody: true,
      title: 'عنوان',
      bodyText: 'فقرة أولى. فقرة ثانية.',
      indexedHtml: '<h1 class="story-title" data-pagefind-meta="title">عنوان</h1><div class="story-body" data-pagefind-body=""><p>فقرة أولى.</p><p>فقرة <b>ثانية</b>.</p></div>',
      outside: [],
    });
  });

  it('names Pagefind attributes outside the indexed body, which the index would lose', async () => {
    const html = storyPage('en', 'Title', ['Body']).replace('<main>', '<main data-pagefind-filter="section:politics">');
    expect(inspectPage(html).outside).toEqual(['data-pagefind-filter="section:politics"']);
    // On the body or the title element itself, an attribute is handed over with it.
    const onBody = storyPage('en', 'Title', ['Body']).replace('data-pagefind-body=""', 'data-pagefind-body="" data-pagefind-filter="section:politics"');
    expect(inspectPage(onBody).outside).toEqual([]);
    expect(htmlForIndex(inspectPage(onBody))).toContain('data-pagefind-filter="section:politics"');
    const folder = mkdtempSync(path.join(tmpdir(), 'search-index-outside-'));
    try {
      mkdirSync(path.join(folder, 'en', 'news', 'x'), { recursive: true });
      writeFileSync(path.join(folder, 'en', 'news', 'x', 'index.html'), html);
      await expect(buildSearchIndex(folder)).rejects.toThrow('en/news/x/index.html: data-pagefind-filter="section:politics" outside the indexed body');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it('hands Pagefind only what it indexes, in the page’s language, with normalised Arabic as a hidden field', () => {
    const html = storyPage('ar', 'الإتجار', ['لضحايا الاتجار']);
    const forIndex = htmlForIndex(inspectPage(html));
    expect(forIndex).toMatch(/^<!DOCTYPE html><html lang="ar">/);
    expect(forIndex).toContain('<div hidden data-pagefind-meta="norm">اتجار لضحايا ضحايا اتجار</div></body>');
    expect(forIndex).not.toContain('محفوظة');
    const english = storyPage('en', 'Title', ['Body']);
    expect(htmlForIndex(inspectPage(english))).toBe(
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><h1 class="story-title" data-pagefind-meta="title">Title</h1><div class="story-body" data-pagefind-body=""><p>Body</p></div></body></html>',
    );
  });

  it('gives Pagefind the same index as the whole pages would', async () => {
    const pagefind = await import('pagefind');
    // Richer bodies too: a subheading with an anchor, a figure, a list, a link and an ignored aside.
    const rich = (lang: 'ar' | 'en', words: string[]) =>
      storyPage(lang, words[0]!, [
        `${words[1]}</p><h2 id="part-two">${words[2]}</h2><figure><img src="/media/x.jpg" alt="${words[3]}"><figcaption>${words[3]}</figcaption></figure><ul><li>${words[4]}</li></ul><p><a href="https://example.org/">${words[5]}</a>`,
        `</p><aside data-pagefind-ignore="">${words[6]}</aside><p>`,
      ]);
    const pages: [string, string][] = [
      ...['ar', 'en'].flatMap((lang) => ['qatar', 'market'].map((slug): [string, string] => [`/${lang}/news/${slug}/`, readFileSync(path.join(work, lang, 'news', slug, 'index.html'), 'utf8')])),
      ['/ar/news/rich/', rich('ar', ['تقرير مفصل', 'مقدمة التقرير', 'الجزء الثاني', 'صورة الميناء', 'بند أول', 'المصدر', 'ملاحظة مخفية'])],
      ['/en/news/rich/', rich('en', ['A detailed report', 'The introduction', 'Part two', 'The harbour', 'First item', 'The source', 'A hidden note'])],
    ];
    const bundle = async (content: (html: string) => string) => {
      const output = mkdtempSync(path.join(tmpdir(), 'search-index-whole-'));
      const { index } = await pagefind.createIndex({ keepIndexUrl: false, writePlayground: false });
      for (const [url, html] of pages) expect((await index!.addHTMLFile({ url, content: content(html) })).errors).toEqual([]);
      await index!.writeFiles({ outputPath: output });
      await index!.deleteIndex();
      return output;
    };
    const folders: string[] = [];
    try {
      // The whole page with the normalised field added before </body>, as pages were once indexed.
      const norm = (html: string) => /<div hidden data-pagefind-meta="norm">.*?<\/div>/.exec(htmlForIndex(inspectPage(html)))?.[0] ?? '';
      folders.push(await bundle((html) => html.replace('</body>', `${norm(html)}</body>`)));
      folders.push(await bundle((html) => htmlForIndex(inspectPage(html))));
      expect(tree(folders[1]!)).toEqual(tree(folders[0]!));
    } finally {
      await pagefind.close();
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('turns file paths into the URLs Pagefind stores', () => {
    expect(urlFor(path.join('ar', 'news', 'x', 'index.html'))).toBe('/ar/news/x/');
  });
});
