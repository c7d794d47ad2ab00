import { HASH_FIELD, originalHash } from '@/lib/content/translation';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadMessages } from '@/i18n/messages';
import { sections } from '@/lib/content/sections';

/**
 * Synthetic bilingual stories for the build benchmark: invented news prose of realistic length
 * (an Arabic original of about 450-750 words and an English translation of about 550-900),
 * with subheadings, a quotation, a list, an external link, tags and sections, in the same
 * shape as a real story. Deterministic: the same count always gives the same files.
 */

const AR_SENTENCES = [
  'أعلنت الحكومة اليوم عن خطة جديدة لتحسين الخدمات العامة في المدن الكبرى خلال العامين المقبلين.',
  'وقال المتحدث باسم الوزارة إن المشروع يهدف إلى تقليص فترات الانتظار وتسهيل الإجراءات على المواطنين.',
  'وأشار التقرير إلى أن معدلات البطالة بين الشباب ما زالت مرتفعة رغم التحسن النسبي في الأشهر الأخيرة.',
  'وطالبت منظمات المجتمع المدني بمزيد من الشفافية في إدارة الموارد العامة ونشر البيانات المالية بانتظام.',
  'وأكد خبراء اقتصاديون أن ارتفاع أسعار الطاقة سيؤثر على تكاليف النقل والغذاء في المنطقة.',
  'وشارك في الاجتماع ممثلون عن عدة دول عربية ومنظمات دولية معنية بالتنمية وحقوق الإنسان.',
  'وتوقعت الدراسة أن يرتفع الطلب على المياه بنسبة كبيرة بحلول نهاية العقد الحالي.',
  'وأوضح الباحث أن البيانات المتاحة لا تكفي لتقديم صورة كاملة عن أوضاع العمال المهاجرين.',
  'ودعا المشاركون إلى تعزيز التعاون الإقليمي في مجالات التعليم والصحة والبحث العلمي.',
  'وقالت مصادر مطلعة إن المفاوضات ستستأنف الأسبوع المقبل بعد توقف دام عدة أشهر.',
  'ويأتي هذا القرار في ظل ضغوط متزايدة على الميزانية العامة وتراجع الإيرادات من الصادرات.',
  'ورحب عدد من الناشطين بالخطوة لكنهم اعتبروها غير كافية لمعالجة جذور المشكلة.',
  'وأظهرت الأرقام الرسمية أن عدد الزوار ارتفع خلال الموسم الماضي مقارنة بالعام السابق.',
  'وأضاف أن الحكومة ستعمل مع القطاع الخاص على توفير فرص عمل جديدة للخريجين.',
  'وشهدت العاصمة احتجاجات سلمية للمطالبة بتحسين الأجور وظروف العمل في المصانع.',
  'وتعد هذه المبادرة الأولى من نوعها في المنطقة من حيث حجم التمويل وعدد المستفيدين.',
  'ولفت المسؤول إلى أن تنفيذ المرحلة الأولى من المشروع سيبدأ مطلع العام المقبل.',
  'وحذرت المنظمة من أن التغير المناخي يهدد الأمن الغذائي لملايين الأشخاص في المنطقة.',
  'وبحسب الإحصاءات، فإن نسبة النساء في سوق العمل ارتفعت بشكل ملحوظ خلال السنوات الخمس الماضية.',
  'وذكرت الصحيفة أن اللجنة المختصة ستقدم تقريرها النهائي إلى البرلمان قبل نهاية الدورة الحالية.',
  'وأكدت الوزيرة أن حماية الصحفيين وضمان حرية التعبير من أولويات المرحلة المقبلة.',
  'وشدد البيان على ضرورة احترام القانون الدولي وحماية المدنيين في مناطق النزاع.',
  'وتضمنت الاتفاقية بنودا تتعلق بتبادل الخبرات وتدريب الكوادر الوطنية في مجال التقنية.',
  'وكشف المسح أن غالبية الأسر تنفق الجزء الأكبر من دخلها على السكن والغذاء.',
];

const EN_SENTENCES = [
  'The government announced a new plan today to improve public services in the largest cities over the next two years.',
  'A ministry spokesperson said the project aims to shorten waiting times and simplify procedures for citizens.',
  'The report noted that youth unemployment remains high despite a relative improvement in recent months.',
  'Civil society organisations called for more transparency in the management of public resources and regular publication of financial data.',
  'Economists said that rising energy prices would push up the cost of transport and food across the region.',
  'Representatives of several Arab states and international development and human rights organisations attended the meeting.',
  'The study expects demand for water to rise sharply by the end of the decade.',
  'The researcher explained that the available data are not enough to give a full picture of the conditions of migrant workers.',
  'Participants called for closer regional cooperation in education, health and scientific research.',
  'Informed sources said negotiations would resume next week after a pause of several months.',
  'The decision comes amid growing pressure on the public budget and falling export revenues.',
  'Several activists welcomed the step but said it was not enough to address the roots of the problem.',
  'Official figures showed that the number of visitors rose last season compared with the previous year.',
  'He added that the government would work with the private sector to create new jobs for graduates.',
  'The capital saw peaceful protests calling for better wages and working conditions in factories.',
  'The initiative is the first of its kind in the region in the size of its funding and the number of people it reaches.',
  'The official pointed out that work on the first phase of the project would begin early next year.',
  'The organisation warned that climate change threatens the food security of millions of people in the region.',
  'According to the statistics, the share of women in the labour market has risen markedly over the past five years.',
  'The newspaper reported that the committee would present its final report to parliament before the end of the session.',
  'The minister said that protecting journalists and guaranteeing freedom of expression were priorities for the coming period.',
  'The statement stressed the need to respect international law and protect civilians in conflict zones.',
  'The agreement includes provisions on the exchange of expertise and the training of national staff in technology.',
  'The survey found that most households spend the largest part of their income on housing and food.',
];

const AR_HEADINGS = ['خلفية القرار', 'ردود الفعل', 'أرقام وحقائق', 'الخطوات المقبلة', 'مواقف المنظمات'];
const EN_HEADINGS = ['Background', 'Reactions', 'Facts and figures', 'Next steps', 'What organisations say'];
const AR_PLACES = ['الدوحة', 'القاهرة', 'بيروت', 'عمّان', 'تونس', 'الرباط', 'جنيف', 'بغداد'];
const EN_PLACES = ['Doha', 'Cairo', 'Beirut', 'Amman', 'Tunis', 'Rabat', 'Geneva', 'Baghdad'];
const AR_TOPICS = ['الخدمات العامة', 'سوق العمل', 'المياه', 'التعليم', 'حرية الصحافة', 'الطاقة', 'الصحة', 'المناخ'];
const EN_TOPICS = ['public services', 'the labour market', 'water', 'education', 'press freedom', 'energy', 'health', 'the climate'];

/** A small deterministic generator (mulberry32), so every run writes the same stories. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SyntheticStory = { slug: string; ar: string; en: string };

function isoDate(base: string, daysBefore: number): string {
  const date = new Date(`${base}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - daysBefore);
  return date.toISOString().slice(0, 10);
}

const quote = (text: string) => JSON.stringify(text);

/** Story number `index` (0-based): the same index always gives the same story. */
export function syntheticStory(index: number, { today = '2026-11-28', tags = knownTags() } = {}): SyntheticStory {
  const next = random(index + 1);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const slug = `bench-story-${String(index + 1).padStart(6, '0')}`;
  const section = sections[index % sections.length];
  const storyTags = [...new Set([pick(tags), pick(tags), pick(tags)])].slice(0, 1 + Math.floor(next() * 3));
  const date = isoDate(today, Math.floor(index / 3) % 1500);
  const place = Math.floor(next() * AR_PLACES.length);
  const topic = Math.floor(next() * AR_TOPICS.length);
  const paragraphs = 9 + Math.floor(next() * 6);

  // Sentence choices are shared, so the English is a translation of the Arabic, paragraph by paragraph.
  const plan: number[][] = [];
  for (let paragraph = 0; paragraph < paragraphs; paragraph += 1) {
    const sentences = 2 + Math.floor(next() * 3);
    plan.push(Array.from({ length: sentences }, () => Math.floor(next() * AR_SENTENCES.length)));
  }
  const headingAt = 3 + Math.floor(next() * 3);
  const heading = Math.floor(next() * AR_HEADINGS.length);
  const quoteAt = 1 + Math.floor(next() * 2);
  const listAt = paragraphs - 2;

  const body = (sentences: string[], headings: string[], quoteLead: string, listItems: string[], link: string) =>
    plan
      .flatMap((choices, paragraph) => {
        const blocks: string[] = [];
        if (paragraph === headingAt) blocks.push(`## ${headings[heading]}`);
        blocks.push(choices.map((choice) => sentences[choice]).join(' '));
        if (paragraph === quoteAt) blocks.push(`> ${quoteLead} ${sentences[choices[0]]}`);
        if (paragraph === listAt) blocks.push(listItems.map((item) => `- ${item}`).join('\n'));
        if (paragraph === paragraphs - 1) blocks.push(link);
        return blocks;
      })
      .join('\n\n');

  const frontmatter = (fields: Record<string, string>) =>
    `---\n${Object.entries(fields)
      .map(([key, value]) => `${key}: ${value}`)
      .join('\n')}\n---\n\n`;
  const number = index + 1;
  const arTitle = `${AR_TOPICS[topic]}: تقرير جديد يرصد التحولات في ${AR_PLACES[place]} (${number})`;
  const arSummary = `${AR_SENTENCES[plan[0][0]]} ${AR_SENTENCES[plan[1][0]]}`;
  const ar =
    frontmatter({
      title: quote(arTitle),
      summary: quote(arSummary),
      date,
      section,
      tags: `[${storyTags.join(', ')}]`,
      location: AR_PLACES[place],
      author: 'قسم الأخبار في صدى',
      source: `\n  name: وكالة الأنباء\n  url: https://example.org/reports/${slug}`,
    }) +
    body(
      AR_SENTENCES,
      AR_HEADINGS,
      'وقال أحد المشاركين:',
      [`ارتفاع الطلب على ${AR_TOPICS[topic]}`, 'تراجع الإيرادات العامة', 'الحاجة إلى بيانات أدق'],
      `ويمكن الاطلاع على [التقرير الكامل](https://example.org/reports/${slug}) على موقع الجهة التي أصدرته.`,
    ) +
    '\n';
  const en =
    frontmatter({
      title: quote(`${EN_TOPICS[topic][0].toUpperCase()}${EN_TOPICS[topic].slice(1)}: a new report tracks change in ${EN_PLACES[place]} (${number})`),
      summary: quote(`${EN_SENTENCES[plan[0][0]]} ${EN_SENTENCES[plan[1][0]]}`),
      date,
      section,
      tags: `[${storyTags.join(', ')}]`,
      location: EN_PLACES[place],
      author: 'Sada news desk',
      translatedFrom: 'ar',
      // Marked as reviewed against the Arabic original, as an editor would after checking it.
      // Quoted, as `check --fix-translation-hash` writes it: an all-digit hash would read as a number.
      [HASH_FIELD]: quote(originalHash(ar, { title: arTitle, summary: arSummary })),
      source: `\n  name: The news agency\n  originalName: وكالة الأنباء\n  url: https://example.org/reports/${slug}`,
    }) +
    body(
      EN_SENTENCES,
      EN_HEADINGS,
      'One participant said:',
      [`Rising demand for ${EN_TOPICS[topic]}`, 'Falling public revenue', 'The need for better data'],
      `The [full report](https://example.org/reports/${slug}) is available from the organisation that published it.`,
    ) +
    '\n';
  return { slug, ar, en };
}

/** Tags named in both catalogues, as the content validator requires. */
export function knownTags(): string[] {
  const en = new Set(Object.keys(loadMessages('en').Tags));
  return Object.keys(loadMessages('ar').Tags).filter((tag) => en.has(tag));
}

/** Writes `count` stories under `<root>/articles/`. */
export function writeSyntheticStories(root: string, count: number, options: { today?: string } = {}): void {
  const tags = knownTags();
  for (let index = 0; index < count; index += 1) {
    const story = syntheticStory(index, { ...options, tags });
    const dir = path.join(root, 'articles', story.slug);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'ar.mdx'), story.ar);
    writeFileSync(path.join(dir, 'en.mdx'), story.en);
  }
}
