// The test command installs what it needs: Chromium from the system's packages when none is found.
import { execSync } from 'node:child_process';
import { findChromium } from './chromium-path.mjs';

const found = findChromium();
if (found) process.exit(0);
if (process.env.CHROME_PATH) {
  console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
  process.exit(1);
}
console.log('No Chromium found: installing the Debian package "chromium"…');
const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' });
if (!findChromium()) {
  console.error('Chromium is still missing after the install.');
  process.exit(1);
}
