// Runs every test/**/*.test.ts in Debian's Chromium and in Firefox ESR (WebDriver BiDi).
// NSW_BROWSERS=chromium (or firefox) limits the run to one engine; scripts/test.mjs finds the binaries.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { countReporter } from './scripts/wtr-count-reporter.mjs';

const chromeArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--js-flags=--expose-gc'];

const wanted = (process.env.NSW_BROWSERS || 'chromium,firefox').split(',');
const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(chromeLauncher({
    launchOptions: { executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: chromeArgs },
  }));
}
if (wanted.includes('firefox')) {
  browsers.push(chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: { browser: 'firefox', executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', headless: true },
  }));
}

export default {
  files: process.env.NSW_FILES ? process.env.NSW_FILES.split(',') : ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  hostname: '127.0.0.1',
  // One file at a time: a background tab gets no requestAnimationFrame or ResizeObserver callbacks,
  // which made render-dependent tests time out at concurrency 2.
  concurrency: 1,
  concurrentBrowsers: 1,
  // A hang guard, not a speed check (speed is measured by npm run bench): the slowest test takes ~10 s
  // in Firefox on an idle 2-core machine, so a loaded one needs the headroom.
  testFramework: { config: { timeout: 60000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 300000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers,
  reporters: [defaultReporter(), ...(process.env.NSW_COUNT_FILE ? [countReporter(process.env.NSW_COUNT_FILE)] : [])],
};
