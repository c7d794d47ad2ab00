import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStories } from '@/lib/content/load';
import { breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd, websiteJsonLd } from '@/lib/seo/json-ld';

const hostile = `Quotes "double" and 'single' </script><script>alert(1)</script> <!-- & \u2028 end`;

describe('JSON-LD serialisation', () => {
  it('cannot be closed or commented out by text in a title', () => {
    const json = serializeJsonLd({ headline: hostile });
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain('<!--');
    expect(json).not.toContain('<');
    expect(json).not.toContain('>');
    expect(json).not.toContain('\u2028');
  });

  it('still parses back to exactly the original text', () => {
    const data = { headline: hostile, nested: [{ name: 'a & b <c>' }] };
    expect(JSON.parse(serializeJsonLd(data))).toEqual(data);
  });
});

describe('structured data of the first story', () => {
  const story = loadStories(path.join(process.cwd(), 'content')).find((candidate) => candidate.slug === 'qatar-anti-trafficking-centre')!;

  it('describes the Arabic original as a NewsArticle with every field search engines read', () => {
    const article = newsArticleJsonLd(story, story.versions.ar!);
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'منظمات: خطوة غير مسبوقة من قطر لمكافحة الاتجار بالبشر',
      datePublished: '2026-11-28T00:00:00Z',
      dateModified: '2026-11-28T00:00:00Z',
      inLanguage: 'ar',
      articleSection: 'حقوق الإنسان',
      keywords: ['الاتجار بالبشر', 'قطر', 'الأمم المتحدة', 'العمالة الوافدة'],
      mainEntityOfPage: { '@type': 'WebPage', '@id': expect.stringMatching(/^https?:\/\/.+\/ar\/news\/qatar-anti-trafficking-centre\/$/) },
      publisher: { '@type': 'NewsMediaOrganization', name: 'صدى', logo: { '@type': 'ImageObject', width: 512, height: 512 } },
      author: [{ '@type': 'Organization', name: 'قسم الأخبار في صدى' }],
      isBasedOn: { '@type': 'CreativeWork', name: 'الشبكة العربية لمعلومات وأحداث حقوق الإنسان' },
      image: [{ url: expect.stringMatching(/\/ar\/news\/qatar-anti-trafficking-centre\/card\.png$/), width: 1200, height: 630 }],
    });
    expect(article.description).toMatch(/^وزير العمل القطري/);
    expect(article.workTranslation).toEqual([expect.objectContaining({ '@id': expect.stringMatching(/\/en\/news\/qatar-anti-trafficking-centre\/$/), inLanguage: 'en' })]);
    expect(article.translationOfWork).toBeUndefined();
  });

  it('links the English translation to its original and credits the source in the original language', () => {
    const article = newsArticleJsonLd(story, story.versions.en!);
    expect(article.translationOfWork).toEqual(expect.objectContaining({ '@id': expect.stringMatching(/\/ar\/news\/qatar-anti-trafficking-centre\/$/), inLanguage: 'ar' }));
    expect(article.workTranslation).toBeUndefined();
    expect(article.isBasedOn).toEqual({ '@type': 'CreativeWork', name: 'الشبكة العربية لمعلومات وأحداث حقوق الإنسان' });
    expect(article.citation).toEqual(article.isBasedOn);
  });

  it('names a reporter as a person and the news desk as an organisation', () => {
    const person = newsArticleJsonLd(story, { ...story.versions.en!, frontmatter: { ...story.versions.en!.frontmatter, author: 'A staff reporter' } });
    expect(person.author).toEqual([{ '@type': 'Person', name: 'A staff reporter' }]);
  });
});

describe('breadcrumbs and the website', () => {
  it('numbers breadcrumb items from 1 with absolute URLs', () => {
    const list = breadcrumbJsonLd([
      { name: 'Home', path: '/en/' },
      { name: 'Human rights', path: '/en/sections/human-rights/' },
    ]);
    expect(list.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: expect.stringMatching(/^https?:\/\/[^/]+\/en\/$/) },
      { '@type': 'ListItem', position: 2, name: 'Human rights', item: expect.stringMatching(/\/en\/sections\/human-rights\/$/) },
    ]);
  });

  it('offers the search page as the site search', () => {
    const site = websiteJsonLd('ar', 'وصف');
    expect(site).toMatchObject({ '@type': 'WebSite', name: 'صدى', inLanguage: 'ar' });
    expect(JSON.stringify(site.potentialAction)).toContain('/ar/search/?q={search_term_string}');
  });
});
