/**
 * Builds the fixture site used by the browser tests of listings, related stories and
 * escaping: generated content (tests/fixtures/fixture-site.ts) exported under a base path
 * into out-listings/, through the same `next build` and post-export steps as the real site.
 *   tsx scripts/build-fixture-site.ts
 * It must not run at the same time as another build: Next always exports into out/, which
 * this script moves aside before the real site is built.
 */
import { spawnSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { tsScript } from '../lib/node-script';
import { FIXTURE_BASE_PATH, writeFixtureContent } from '../tests/fixtures/fixture-site';

const root = process.cwd();
const contentDir = path.join(root, '.generated', 'fixture-content');
const target = path.join(root, 'out-listings');
const env = { ...process.env, CONTENT_DIR: contentDir, BASE_PATH: FIXTURE_BASE_PATH, NEXT_TELEMETRY_DISABLED: '1' };

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit', env, cwd: root });
  if (result.status !== 0) {
    console.error(`build-fixture-site: ${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

writeFixtureContent(contentDir);
rmSync(path.join(root, 'out'), { recursive: true, force: true });
// The font files and their URLs depend on the base path and the text, so they are rebuilt here.
run(process.execPath, tsScript('scripts/build-fonts.ts'));
run(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build']);
rmSync(target, { recursive: true, force: true });
renameSync(path.join(root, 'out'), target);
run(process.execPath, tsScript('scripts/postexport.ts', target));
console.log(`build-fixture-site: the fixture site is in ${path.relative(root, target)}/ (served under ${FIXTURE_BASE_PATH}/)`);
