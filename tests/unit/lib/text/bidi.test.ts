import { describe, expect, it } from 'vitest';
import { hasLtrRun, ltrRuns } from '@/lib/text/bidi';

const runs = (text: string) => ltrRuns(text).filter((segment) => segment.ltr).map((segment) => segment.text);

describe('ltrRuns', () => {
  it('finds Latin names inside Arabic text, without the neutral punctuation around them', () => {
    expect(runs('قال مدير (UNODC)، في فيينا.')).toEqual(['UNODC']);
    expect(runs('التقى “Ali bin Samikh Al-Marri” أمس')).toEqual(['Ali bin Samikh Al-Marri']);
  });

  it('keeps figures with their signs and inner punctuation in one run', () => {
    expect(runs('اتصل على +974 4444 0000، أو راسلنا.')).toEqual(['+974 4444 0000']);
    expect(runs('ارتفع بنسبة 2.5% في 2026.')).toEqual(['2.5%', '2026']);
    expect(runs('بين 10-15 عاملا')).toEqual(['10-15']);
  });

  it('leaves Arabic-Indic digits and purely Arabic text alone', () => {
    expect(runs('في ٢٨ نوفمبر ٢٠٢٦')).toEqual([]);
    expect(hasLtrRun('منظمات: خطوة غير مسبوقة')).toBe(false);
  });

  it('returns segments that rebuild the original text exactly', () => {
    const text = 'أعلن (UNODC) عن 3 مراكز، في www.unodc.org اليوم.';
    expect(ltrRuns(text).map((segment) => segment.text).join('')).toBe(text);
    expect(runs(text)).toEqual(['UNODC', '3', 'www.unodc.org']);
  });

  it('treats accented Latin letters as Latin', () => {
    expect(runs('صرّح José Müller للصحفيين')).toEqual(['José Müller']);
  });
});
