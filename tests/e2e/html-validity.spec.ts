import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { fileOf, pagesOf, SITES } from './documents';

/**
 * Every page of both exports through the Nu Html Checker (the W3C validator's engine, npm
 * vnu-jar, run with the machine's Java), errors only. One Java process checks all pages.
 */
test('every exported page passes the Nu Html Checker without errors', () => {
  test.setTimeout(300_000);
  const files = SITES.flatMap((site) => pagesOf(site).map((sitePath) => fileOf(site, sitePath)));
  expect(files.length).toBeGreaterThan(100);
  const result = spawnSync('java', ['-jar', path.resolve('node_modules/vnu-jar/build/dist/vnu.jar'), '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`could not run Java for the Nu Html Checker: ${result.error.message}`);
  const report = JSON.parse(result.stderr || result.stdout || '{"messages":[]}') as {
    messages: { type: string; url?: string; lastLine?: number; message: string; extract?: string }[];
  };
  const errors = report.messages
    .filter((message) => message.type === 'error' || message.type === 'non-document-error')
    .map((message) => `${path.relative(process.cwd(), (message.url ?? '').replace(/^file:/, ''))}:${message.lastLine ?? 0}  ${message.message}`);
  expect(errors).toEqual([]);
});
