import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticStory, writeSyntheticStories } from '@/lib/bench/synthetic-stories';
import { readContent } from '@/lib/content/load';

describe('synthetic benchmark stories', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'bench-content-'));
  writeSyntheticStories(root, 40);
  const { stories, problems } = readContent(root);

  it('quote the translation hash, which is sometimes all digits', () => {
    // bench-story-000111 (index 110) has the hash 549574965045: unquoted, YAML would read a number.
    const { en } = syntheticStory(110);
    expect(en).toMatch(/^originalHash: "549574965045"$/m);
  });

  it('are valid content: every file passes the same validation as a real story', () => {
    expect(problems).toEqual([]);
    expect(stories).toHaveLength(40);
    expect(stories.every((story) => story.versions.ar && story.versions.en)).toBe(true);
  });

  it('are of news length in both languages', () => {
    const arabic = stories.map((story) => story.versions.ar?.wordCount ?? 0);
    const english = stories.map((story) => story.versions.en?.wordCount ?? 0);
    expect(Math.min(...arabic)).toBeGreaterThanOrEqual(250);
    expect(Math.max(...english)).toBeLessThanOrEqual(1500);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(arabic)).toBeGreaterThan(400);
    expect(mean(english)).toBeGreaterThan(500);
  });

  it('spread over every section and carry tags, subheadings, a quotation, a list and an external link', () => {
    expect(new Set(stories.map((story) => story.versions.ar?.frontmatter.section)).size).toBe(8);
    const { ar, en } = syntheticStory(7);
    for (const text of [ar, en]) {
      expect(text).toMatch(/^## /m);
      expect(text).toMatch(/^> /m);
      expect(text).toMatch(/^- /m);
      expect(text).toMatch(/\]\(https:\/\/example\.org\/reports\//);
    }
    expect(ar).toMatch(/[\u0600-\u06FF]{3,}/);
  });

  it('are the same on every run', () => {
    expect(syntheticStory(123)).toEqual(syntheticStory(123));
    expect(syntheticStory(1).ar).not.toBe(syntheticStory(2).ar);
  });
});
