import { describe, expect, it } from 'vitest';
import { addReports, type StoryPagesReport } from '@/lib/export/render-stories';

const share = (files: string[], scriptHashes: string[], problems: string[] = []): StoryPagesReport => ({
  rendered: files.length,
  compared: 0,
  fromNext: 1,
  ms: { load: 100, compile: 10, render: 20, finalize: 5, write: 7 },
  finalized: {
    files,
    sources: { scriptHashes, styleHashes: [], styleAttributeHashes: ["'sha256-s'"], wasm: false },
    removedScripts: 0,
    inlineScripts: files.length * scriptHashes.length,
    problems,
  },
});

describe("the page renderer's processes' reports", () => {
  it('add up into one: every page each wrote static, their hashes once each, every problem', () => {
    const total = addReports(share(['/out/ar/news/a/index.html'], ["'sha256-b'", "'sha256-a'"]), share(['/out/en/news/a/index.html'], ["'sha256-a'"], ['en/news/a/index.html: leftover']));
    expect(total).toEqual({
      rendered: 2,
      compared: 0,
      fromNext: 2,
      ms: { load: 200, compile: 20, render: 40, finalize: 10, write: 14 },
      finalized: {
        files: ['/out/ar/news/a/index.html', '/out/en/news/a/index.html'],
        sources: { scriptHashes: ["'sha256-a'", "'sha256-b'"], styleHashes: [], styleAttributeHashes: ["'sha256-s'"], wasm: false },
        removedScripts: 0,
        inlineScripts: 3,
        problems: ['en/news/a/index.html: leftover'],
      },
    });
  });
});
