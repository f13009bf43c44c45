#!/usr/bin/env node
// npm test: the whole suite, as CI runs it.
//  1. finds Chromium and Firefox ESR (CHROME_PATH / FIREFOX_PATH honoured); installs Debian's
//     packages when they are missing and we may (root + apt-get); otherwise stops with a clear message;
//  2. type-checks; 3. builds dist/; 4. runs the browser tests (web-test-runner) in Chromium and
//     Firefox ESR; 5. runs the page-level tests against the built bundles (test/e2e, node:test +
//     playwright-core); 6. builds Storybook; then prints one line `N passed, N failed`, after the name of
//     every failure. A browser-test file with a failure is run once more alone; failures that do not
//     recur are listed as flaky instead of failing the run (no test is retried inside a run).
// NSW_BROWSERS=chromium skips Firefox; NSW_SKIP=storybook,e2e,build skips steps; NSW_FILES / NSW_E2E_FILES
// (comma-separated) narrow the browser / page tests (for local loops).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const skip = new Set((process.env.NSW_SKIP ?? '').split(',').filter(Boolean));
const wanted = (process.env.NSW_BROWSERS ?? 'chromium,firefox').split(',');
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = []; // named again after the totals: CI logs often keep only the tail
const flaky = []; // failed once, passed when their file was run again alone
const started = Date.now();
const stamp = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

function which(names) {
  for (const name of names) {
    if (!name) continue;
    if (name.includes('/')) {
      if (existsSync(name)) return name;
      continue;
    }
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  return null;
}

function findOrInstall(label, envName, candidates, aptPackage) {
  let path = which([process.env[envName], ...candidates]);
  if (path) return path;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && which(['apt-get'])) {
    console.log(`[test] ${label} not found: installing Debian's ${aptPackage} (apt-get)…`);
    execFileSync('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${aptPackage} >/dev/null`], { stdio: 'inherit' });
    path = which([process.env[envName], ...candidates]);
    if (path) return path;
  }
  console.error(
    `\n[test] ${label} was not found and could not be installed.\n` +
      `  Install it (Debian/Ubuntu: sudo apt-get install -y ${aptPackage}) or point ${envName} at its binary.\n`,
  );
  process.exit(2);
}

function step(name, command, args, env = {}) {
  console.log(`\n[test] ${name} (${stamp()})`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const env = {};
if (wanted.includes('chromium')) env.CHROME_PATH = findOrInstall('Chromium', 'CHROME_PATH', ['/usr/bin/chromium', 'chromium', 'chromium-browser', 'google-chrome'], 'chromium');
if (wanted.includes('firefox')) env.FIREFOX_PATH = findOrInstall('Firefox ESR', 'FIREFOX_PATH', ['/usr/bin/firefox-esr', 'firefox-esr', 'firefox'], 'firefox-esr');
env.NSW_BROWSERS = wanted.join(',');
console.log(`[test] browsers: ${Object.entries(env).filter(([k]) => k.endsWith('_PATH')).map(([, v]) => v).join(', ')}`);

const tmp = join(root, '.tmp');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

let ok = true;
// Steps that are not tests (type-check, build, Storybook) add to the failures only.
const record = (passed, label) => {
  if (!passed) {
    totals.failed++;
    ok = false;
    failures.push(label);
    console.error(`[test] FAILED: ${label}`);
  }
};

record(step('type-check', bin('tsc'), ['-p', 'tsconfig.json']), 'type-check');
if (!skip.has('build')) record(step('build', process.execPath, ['scripts/build.mjs']), 'build');

const countFile = join(tmp, 'wtr.json');
let wtrOk = step('browser tests (web-test-runner)', bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs'], { ...env, NSW_COUNT_FILE: countFile });
if (existsSync(countFile)) {
  const counts = JSON.parse(readFileSync(countFile, 'utf8'));
  // A file with a failure is run once more on its own. If it passes then, its first failures are
  // reported as flaky (by name, below the totals) rather than failing the run; if it fails again,
  // the failures stand. Deterministic failures therefore still fail every run.
  if (counts.failed > 0 && counts.failedFiles?.length && counts.failedFiles.length <= 3) {
    const againFile = join(tmp, 'wtr-again.json');
    const againOk = step(`browser tests: re-running ${counts.failedFiles.join(', ')} once`, bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs'],
      { ...env, NSW_COUNT_FILE: againFile, NSW_FILES: counts.failedFiles.join(',') });
    const again = existsSync(againFile) ? JSON.parse(readFileSync(againFile, 'utf8')) : null;
    if (againOk && again && again.failed === 0 && again.passed > 0) {
      flaky.push(...counts.failures);
      counts.passed += counts.failed;
      counts.failed = 0;
      counts.failures = [];
      wtrOk = true;
    }
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  failures.push(...(counts.failures ?? []));
  if (!wtrOk && counts.failed === 0) record(false, 'web-test-runner exited non-zero');
  else if (!wtrOk) ok = false;
} else record(false, 'web-test-runner produced no results');

const e2eDir = join(root, 'test/e2e');
const e2eFiles = process.env.NSW_E2E_FILES ? process.env.NSW_E2E_FILES.split(',') : existsSync(e2eDir) ? readdirSync(e2eDir).filter((f) => f.endsWith('.e2e.mjs')).sort().map((f) => join('test/e2e', f)) : [];
function runPageTests(files) {
  const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
    cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  const count = (label) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(result.stdout)?.[1] ?? 0);
  const run = { passed: count('pass'), failed: count('fail'), skipped: count('skipped'), failures: [], failedFiles: [], status: result.status };
  // node:test's spec reporter repeats each failure under "failing tests:" at the end, after "test at <file>:line".
  const failing = result.stdout.split(/^✖ failing tests:$/m)[1] ?? '';
  for (const line of failing.split('\n')) {
    const file = /^test at (.+?):\d+:\d+$/.exec(line)?.[1];
    if (file && files.includes(file) && !run.failedFiles.includes(file)) run.failedFiles.push(file);
    const name = /^\s*✖ (.+?)(?: \([\d.]+ms\))?$/.exec(line)?.[1];
    if (name) run.failures.push(`[page] ${name}`);
  }
  return run;
}

if (!skip.has('e2e') && e2eFiles.length) {
  console.log(`\n[test] page tests against the built bundles (${stamp()})`);
  const run = runPageTests(e2eFiles);
  // As for the browser tests: a file with failures runs once more; failures that do not recur are flaky.
  if (run.failed > 0 && run.failedFiles.length && run.failedFiles.length <= 3) {
    console.log(`\n[test] page tests: re-running ${run.failedFiles.join(', ')} once (${stamp()})`);
    const again = runPageTests(run.failedFiles);
    if (again.status === 0 && again.failed === 0 && again.passed > 0) {
      flaky.push(...run.failures);
      run.passed += run.failed;
      run.failed = 0;
      run.failures = [];
      run.status = 0;
    }
  }
  totals.passed += run.passed;
  totals.failed += run.failed;
  totals.skipped += run.skipped;
  failures.push(...run.failures);
  if (run.status !== 0) {
    ok = false;
    if (run.failed === 0) record(false, 'page tests exited non-zero');
  }
}

if (!skip.has('storybook')) record(step('storybook build', bin('storybook'), ['build', '--quiet', '-o', join('.tmp', 'storybook-static')], { STORYBOOK_DISABLE_TELEMETRY: '1' }), 'storybook build');

console.log(`\n[test] finished in ${stamp()}${totals.skipped ? ` (${totals.skipped} skipped)` : ''}`);
if (flaky.length) console.log(`\nFlaky (failed, then passed when the file ran again alone):\n${flaky.map((f) => `  ! ${f}`).join('\n')}`);
if (failures.length) console.log(`\nFailures:\n${failures.map((f) => `  ✖ ${f}`).join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${flaky.length ? ` (${flaky.length} flaky, listed above)` : ''}`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
