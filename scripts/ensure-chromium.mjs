// The test command installs what it needs: Chromium from the system's packages when none is found.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const found = candidates.find((p) => p && existsSync(p));
if (found) {
  if (found !== '/usr/bin/chromium' && !process.env.CHROME_PATH) {
    console.log(`Using ${found}; set CHROME_PATH=${found} to silence this.`);
  }
  process.exit(0);
}
console.log('No Chromium found: installing Debian package "chromium"…');
const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
  stdio: 'inherit',
});
