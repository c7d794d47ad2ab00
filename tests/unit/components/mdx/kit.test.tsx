import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { MdxContent } from '@/components/mdx/MdxContent';
import { compileMdx } from '@/lib/content/compile';
import { readContent, type ArticleVersion } from '@/lib/content/load';

const root = process.cwd();
const siteTree = path.join(root, 'tests/fixtures/content/site');
const cacheDir = mkdtempSync(path.join(tmpdir(), 'kit-cache-'));

async function render(version: ArticleVersion): Promise<string> {
  const { code } = await compileMdx(version, { cacheDir });
  return renderToStaticMarkup(<MdxContent code={code} story={{ locale: version.locale, slug: version.slug, dir: version.dir }} />);
}

describe('the component kit, rendered on the server', () => {
  let arabic: string;
  let english: string;
  beforeAll(async () => {
    const story = readContent(siteTree, root).stories.find((candidate) => candidate.slug === 'kit-showcase')!;
    arabic = await render(story.versions.ar!);
    english = await render(story.versions.en!);
  }, 60_000);

  it('gives Arabic headings stable Arabic anchor ids, distinct when a heading repeats', () => {
    expect(arabic).toContain('<h2 id="خلفية-المعرض">خلفية المعرض</h2>');
    expect(arabic).toContain('<h2 id="خلفية-المعرض-1">خلفية المعرض</h2>');
    expect(english).toContain('<h2 id="background">Background</h2>');
  });

  it('renders Figure with the image file’s intrinsic size, its caption and a translated credit', () => {
    expect(arabic).toMatch(/<figure class="mdx-figure"><img src="\/media\/kit-showcase\/harbour.png" width="640" height="360" alt="مربعات حمراء وبيضاء تمثل صورة تجريبية"/);
    expect(arabic).toContain('<span class="mdx-figure-caption">واجهة المعرض عند الافتتاح</span> <span class="mdx-figure-credit">تصوير: صدى</span>');
    expect(english).toContain('<span class="mdx-figure-credit">Photo: Sada</span>');
  });

  it('gives Markdown images their size too', () => {
    expect(english).toMatch(/<img src="\/media\/kit-showcase\/harbour.png" width="640" height="360" alt="A second view of the fair, in red and white squares"/);
  });

  it('marks other-language passages with lang and dir, inline and as a block', () => {
    expect(arabic).toContain('<span lang="en" dir="ltr" class="mdx-lang">UNESCO</span>');
    expect(arabic).toContain('<div lang="en" dir="ltr" class="mdx-lang"><p>The fair is organised with the support of the Ministry of Culture.</p></div>');
    expect(english).toContain('<span lang="ar" dir="rtl" class="mdx-lang">الدوحة</span>');
  });

  it('labels pull quotes, fact boxes, editor’s notes and corrections in the story’s language', () => {
    expect(arabic).toContain('<aside class="mdx-pull-quote" aria-label="اقتباس"><blockquote><p>القراءة جسر بين الثقافات</p></blockquote><p class="mdx-pull-quote-by">— مديرة المعرض</p></aside>');
    expect(arabic).toContain('<aside class="mdx-fact-box" aria-label="المعرض في أرقام"><p class="mdx-kit-title">المعرض في أرقام</p><ul>');
    expect(english).toContain('<aside class="mdx-fact-box" aria-label="Key facts"><p class="mdx-kit-title">Key facts</p>');
    expect(arabic).toContain('<aside class="mdx-editor-note" aria-label="ملاحظة المحرر"><p class="mdx-kit-title">ملاحظة المحرر</p><p>كُتبت هذه القصة لاختبار مكونات الموقع.</p></aside>');
    expect(arabic).toMatch(/<aside class="mdx-correction" aria-label="تصويب"><p class="mdx-kit-title"><strong>تصويب<\/strong> <time dateTime="2026-11-22">٢٢ نوفمبر ٢٠٢٦<\/time>/);
    expect(english).toMatch(/Thirty countries take part <span class="mdx-correction-inline"><span class="mdx-correction-label"><strong>Correction<\/strong> <time dateTime="2026-11-22">November 22, 2026<\/time>:<\/span> an earlier version said twenty-five<\/span>/);
  });

  it('labels footnotes in the story’s language and digits', () => {
    expect(arabic).toContain('<h2 class="sr-only" id="footnote-label">الحواشي</h2>');
    expect(arabic).toContain('aria-label="العودة إلى موضع الإشارة ١ في النص"');
    expect(english).toContain('aria-label="Back to reference 1 in the text"');
  });

  it('renders no script and no event handler', () => {
    for (const html of [arabic, english]) {
      expect(html).not.toMatch(/<script|\son[a-z]+=/i);
    }
  });
});
