/**
 * Builds the fixture site for the browser tests (`npm run build:fixture`): the production
 * build (`npm run build`, checks and media included) of tests/fixtures/content/site, judged
 * on a fixed publish date and served under a base path, exported into out-fixture/. Next
 * renders every story page here (STORY_PAGES=next) and the build compares each with the
 * story renderer's (lib/export/story-pages.ts): the fixture's stories use every kit component.
 */
import { spawnSync } from 'node:child_process';
import { FIXTURE_SITE } from '../tests/e2e/fixture-site';

const result = spawnSync('npm', ['run', 'build'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    CONTENT_DIR: FIXTURE_SITE.contentDir,
    PUBLISH_DATE: FIXTURE_SITE.publishDate,
    BASE_PATH: FIXTURE_SITE.basePath,
    OUT_DIR: FIXTURE_SITE.exportDir,
    STORY_PAGES: 'next',
  },
});
process.exit(result.status ?? 1);
