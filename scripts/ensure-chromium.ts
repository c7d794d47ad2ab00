/**
 * Makes sure a Chromium is available for the browser tests: uses one already installed,
 * otherwise installs Debian's `chromium` package (as root, with apt), then tries Playwright's installer, and
 * otherwise stops with a message that says exactly what to install.
 */
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium';

function run(command: string, args: string[]) {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

let found = findChromium();
if (!found) {
  console.log('ensure-chromium: no Chromium found; trying to install one.');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (hasApt && isRoot) {
    if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'])) found = findChromium();
  }
  if (!found && run('npx', ['playwright', 'install', 'chromium'])) {
    console.log('ensure-chromium: Playwright installed its own Chromium.');
    process.exit(0);
  }
}

if (!found) {
  console.error(
    [
      'ensure-chromium: the browser tests need Chromium and none could be installed.',
      'Install it, then run the tests again:',
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
      '  elsewhere:      npx playwright install chromium',
      'or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`ensure-chromium: using ${found}`);
