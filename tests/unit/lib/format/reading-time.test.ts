import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/i18n/messages';
import type { Locale } from '@/i18n/locales';
import { readingTime } from '@/lib/format/reading-time';

/** The reading-time line exactly as the story page renders it. */
function line(locale: Locale, minutes: number): string {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: 'StoryPage' });
  const time = readingTime(minutes * (locale === 'ar' ? 180 : 230), locale);
  return t('readingTime', { count: time.count, n: time.n });
}

describe('reading time', () => {
  it('never says zero minutes', () => {
    expect(readingTime(10, 'en')).toEqual({ count: 1, n: '1' });
  });

  it('uses the locale reading speed and numbering system', () => {
    expect(readingTime(180 * 3, 'ar')).toEqual({ count: 3, n: '٣' });
    expect(readingTime(230 * 3, 'en')).toEqual({ count: 3, n: '3' });
  });
});

describe('reading time in words', () => {
  it.each([
    [1, 'دقيقة واحدة للقراءة'],
    [2, 'دقيقتان للقراءة'],
    [3, '٣ دقائق للقراءة'],
    [10, '١٠ دقائق للقراءة'],
    [11, '١١ دقيقة للقراءة'],
    [99, '٩٩ دقيقة للقراءة'],
    [100, '١٠٠ دقيقة للقراءة'],
    [102, '١٠٢ دقيقتان للقراءة'.replace('دقيقتان', 'دقيقة')],
  ])('uses the Arabic plural form for %i minutes', (minutes, expected) => {
    expect(line('ar', minutes)).toBe(expected);
  });

  it('distinguishes one minute from several in English', () => {
    expect(line('en', 1)).toBe('1 minute read');
    expect(line('en', 4)).toBe('4 minutes read');
  });
});
