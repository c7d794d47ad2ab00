import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cardJobs, writeCards, type CardJob } from '@/lib/social/cards';

vi.setConfig({ testTimeout: 120_000 });

const work = mkdtempSync(path.join(tmpdir(), 'cards-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const story = (title: string): CardJob => ({
  kind: 'card',
  sitePath: '/en/news/a-story/card.png',
  input: { title, siteName: 'Sada', sectionLabel: 'World', locale: 'en', dir: 'ltr' },
});

describe('social cards of an export', () => {
  it('plans a card per story version, a card per language and the logo', () => {
    const paths = cardJobs().map((job) => job.sitePath);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/ar/news/qatar-anti-trafficking-centre/card.png',
        '/en/news/qatar-anti-trafficking-centre/card.png',
        '/ar/card.png',
        '/en/card.png',
        '/logo.png',
      ]),
    );
    const arabic = cardJobs().find((job) => job.sitePath === '/ar/news/qatar-anti-trafficking-centre/card.png');
    expect(arabic?.input).toMatchObject({ title: 'منظمات: خطوة غير مسبوقة من قطر لمكافحة الاتجار بالبشر', locale: 'ar', dir: 'rtl', sectionLabel: 'حقوق الإنسان' });
  });

  it('renders each card once and rebuilds only the cards whose text changed', async () => {
    const outDir = path.join(work, 'out');
    const cacheDir = path.join(work, 'cache');
    const logo: CardJob = { kind: 'logo', sitePath: '/logo.png', input: [{ text: 'صدى', locale: 'ar' }, { text: 'Sada', locale: 'en' }] };

    expect(await writeCards(outDir, [story('First headline'), logo], { cacheDir })).toEqual({ rendered: 2, cached: 0 });
    const first = readFileSync(path.join(outDir, 'en/news/a-story/card.png'));
    expect(await sharp(first).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    expect(await sharp(path.join(outDir, 'logo.png')).metadata()).toMatchObject({ width: 512, height: 512 });

    expect(await writeCards(outDir, [story('First headline'), logo], { cacheDir })).toEqual({ rendered: 0, cached: 2 });
    expect(await writeCards(outDir, [story('A corrected headline'), logo], { cacheDir })).toEqual({ rendered: 1, cached: 1 });
    expect(readFileSync(path.join(outDir, 'en/news/a-story/card.png')).equals(first)).toBe(false);
  });
});
