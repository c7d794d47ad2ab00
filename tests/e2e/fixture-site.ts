/**
 * The second export the browser tests use: built from tests/fixtures/content/site (drafts,
 * a scheduled story, an archived story and a story using every component of the kit), on a
 * fixed publish date and under a base path, into out-fixture/ (see scripts/build-fixture.ts).
 */
export const FIXTURE_SITE = {
  contentDir: 'tests/fixtures/content/site',
  publishDate: '2026-11-25',
  basePath: '/sada',
  exportDir: 'out-fixture',
} as const;
