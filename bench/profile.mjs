#!/usr/bin/env node
// Where does the time go? Profiles one benchmark scenario of one contender with the Chrome
// DevTools protocol (playwright-core's CDP session): a sampling CPU profile (self time per function,
// mapped to the source file through esbuild's "// src/…" section comments of an unminified build)
// and a timeline trace (style, layout, paint, GC … on the renderer main thread).
//   node bench/profile.mjs <scenario> [--lib ours] [--runs 1] [--top 25] [--phases] [--save bench/.build/profile]
// --phases also times our elements' Lit lifecycle methods (normalizeData, willUpdate, render, update, updated).
// With --save, writes <path>.cpuprofile and <path>.trace.json (open them in DevTools' Performance panel).
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/serve.mjs';
import { CHROME_ARGS, buildOurs } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const scenario = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!scenario) {
  console.error('usage: node bench/profile.mjs <scenario> [--lib ours] [--top 25] [--save path]');
  process.exit(2);
}
const lib = opt('lib', 'ours');
const top = Number(opt('top', 25));
const runs = Number(opt('runs', 1));
const save = opt('save', '');

if (lib === 'ours') await buildOurs({ dir: 'ours-dev', minify: false });
const source = lib === 'ours' ? readFileSync(join(here, '.build/ours-dev/all.js'), 'utf8').split('\n') : [];
/** esbuild marks each module of an unminified bundle with a "// path" comment line. */
const fileOfLine = (() => {
  const marks = [];
  source.forEach((line, i) => {
    const m = /^\/\/ (src\/\S+|node_modules\/\S+)$/.exec(line);
    if (m) marks.push([i, m[1].replace(/^node_modules\//, '')]);
  });
  return (line) => {
    let lo = 0;
    let hi = marks.length - 1;
    let found = '';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid][0] <= line) {
        found = marks[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
})();

const { server, url } = await serve({ port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: CHROME_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${url}bench/pages/bench.html?lib=${lib}&build=ours-dev${args.includes('--phases') ? '&phases' : ''}`);
  await page.evaluate(() => window.__bench.ready);
  await page.evaluate((s) => window.__bench.run(s, { runs: 1, warmup: 0 }), scenario); // warm-up, unprofiled
  const phasesBefore = await page.evaluate(() => JSON.parse(JSON.stringify(window.__bench.phases())));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] });
  await cdp.send('Profiler.start');
  const result = await page.evaluate(([s, n]) => window.__bench.run(s, { runs: n, warmup: 0 }), [scenario, runs]);
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString());
  if (save) {
    writeFileSync(`${save}.cpuprofile`, JSON.stringify(profile));
    writeFileSync(`${save}.trace.json`, JSON.stringify(trace));
  }

  console.log(`# ${scenario} — ${lib} (${runs} profiled run${runs > 1 ? 's' : ''})\n`);
  for (const [metric, m] of Object.entries(result.metrics)) console.log(`${metric.padEnd(28)} ${m.samples.map((x) => x.toFixed(1)).join(', ')} ms`);

  const phasesAfter = await page.evaluate(() => window.__bench.phases());
  if (phasesAfter) {
    console.log(`\n## Lit lifecycle of our elements, per profiled run (ms; nested: willUpdate ⊃ normalizeData, update ⊃ render)\n`);
    for (const [tag, table] of Object.entries(phasesAfter)) {
      const cells = Object.entries(table).map(([name, r]) => {
        const before = phasesBefore?.[tag]?.[name] ?? { ms: 0, calls: 0 };
        return `${name} ${((r.ms - before.ms) / runs).toFixed(1)} (${Math.round((r.calls - before.calls) / runs)}×)`;
      });
      if (cells.length) console.log(`${tag}: ${cells.join(', ')}`);
    }
  }

  // CPU profile: self time per function and per source file.
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFn = new Map();
  const byFile = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const us = dt.get(node.id) ?? 0;
    if (!us) continue;
    const f = node.callFrame;
    const isOurs = f.url.includes('/.build/');
    const file = isOurs ? fileOfLine(f.lineNumber) || 'bundle' : f.url ? f.url.replace(/^.*\/(node_modules\/)?/, '') : `(${f.functionName || 'native'})`;
    const key = `${f.functionName || '(anonymous)'}  ${file}${isOurs ? `:${f.lineNumber + 1}` : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
    total += us;
  }
  const show = (title, map, n) => {
    console.log(`\n## ${title} (of ${(total / 1000).toFixed(0)} ms sampled)\n`);
    for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  };
  show('CPU self time by function', byFn, top);
  show('CPU self time by source file', byFile, 15);

  // Trace: renderer main thread, time per event kind (top-level style/layout/paint/GC …).
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'));
  const names = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'FunctionCall', 'FireAnimationFrame', 'RunMicrotasks', 'V8.GC_SCAVENGER', 'MinorGC', 'MajorGC', 'V8.GC_MARK_COMPACTOR', 'ParseAuthorStyleSheet', 'ResizeObserver::broadcastObservations', 'IntersectionObserverController::computeIntersections'];
  const sums = new Map();
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !names.includes(e.name)) continue;
    sums.set(e.name, (sums.get(e.name) ?? { ms: 0, n: 0 }));
    const s = sums.get(e.name);
    s.ms += (e.dur ?? 0) / 1000;
    s.n++;
  }
  console.log('\n## Renderer main thread, by trace event (nested events overlap: FunctionCall includes script-driven work)\n');
  for (const [name, s] of [...sums].sort((a, b) => b[1].ms - a[1].ms)) console.log(`${s.ms.toFixed(1).padStart(8)} ms  ${String(s.n).padStart(5)}×  ${name}`);
} finally {
  await browser.close();
  server.close();
}
