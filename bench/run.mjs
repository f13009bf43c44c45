#!/usr/bin/env node
// npm run bench [-- --only tree-1000,funnel-5] [--runs 7] [--rounds 1] [--warmup 1] [--cycles 1000]
//               [--peers echarts,chartjs,d3funnel,vega] [--no-sizes] [--no-peers] [--write | --no-write]
//               [--what-if <patch>[,<patch>…]]   (patches: see WHAT_IF in bench/lib.mjs)
//
// Benchmarks our elements against the libraries users would pick instead, in Debian's Chromium
// (playwright-core), on identical seeded data (bench/data.mjs). Prints a markdown table with
// medians, min–max and peer/ours ratios; writes bench/results.json (gitignored) and — on a full run,
// or with --write — the generated part of bench/RESULTS.md (the hand-written findings around the
// markers are kept). It builds its own copy of our bundle into bench/.build/ (esbuild, from src/),
// so it never depends on (or disturbs) dist/; sizes come from the repo's rollup.config.mjs, in memory.
import { chromium } from 'playwright-core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/serve.mjs';
import { ourSizes, peerSizes } from './sizes.mjs';
import { CHROME_ARGS, WHAT_IF, buildOurs } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  return argv[i].includes('=') ? argv[i].split('=').slice(1).join('=') : argv[i + 1];
};
const flag = (name) => argv.includes(`--${name}`);

/** Scenario → contenders (adapter names in bench/pages/adapters/). */
const SCENARIOS = {
  'tree-100': ['ours', 'echarts', 'vega'],
  'tree-1000': ['ours', 'echarts', 'vega'],
  'tree-10000': ['ours', 'echarts', 'vega'],
  'funnel-5': ['ours', 'echarts', 'd3funnel'],
  'funnel-50': ['ours', 'echarts', 'd3funnel'],
  'spark-365': ['ours', 'chartjs', 'echarts'],
  'cards-100': ['ours', 'chartjs', 'echarts'],
  'goals-100': ['ours'],
  update: ['ours', 'echarts', 'vega', 'd3funnel'],
  'mount-unmount': ['ours', 'echarts', 'chartjs', 'd3funnel', 'vega'],
};
if (flag('help') || flag('h')) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 5).join('\n').replace(/^\/\/ ?/gm, ''));
  console.log(`scenarios: ${Object.keys(SCENARIOS).join(', ')}\nwhat-if patches: ${Object.keys(WHAT_IF).join(', ')}`);
  process.exit(0);
}
const only = opt('only', '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const name of only) if (!SCENARIOS[name]) {
  console.error(`unknown scenario "${name}"; known: ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}
const scenarioNames = only.length ? only : Object.keys(SCENARIOS);
const runs = Math.max(1, Number(opt('runs', 7)));
const warmup = Math.max(0, Number(opt('warmup', 1)));
const rounds = Math.max(1, Number(opt('rounds', 1)));
const cycleCount = Math.max(10, Number(opt('cycles', 1000)));
const peerFilter = opt('peers', '').split(',').filter(Boolean);
const noPeers = flag('no-peers');
const fullRun = !only.length && !peerFilter.length && !noPeers && runs >= 7;
const writeMd = flag('write') || (fullRun && !flag('no-write'));
const whatIf = opt('what-if', '').split(',').filter(Boolean);
for (const w of whatIf) if (!WHAT_IF[w]) {
  console.error(`unknown --what-if "${w}"; known: ${Object.keys(WHAT_IF).join(', ')}`);
  process.exit(2);
}
/** A contender is an adapter name, optionally with a build: "ours@ours-whatif". */
const contendersOf = (name) => [
  ...SCENARIOS[name].filter((c) => c === 'ours' || (!noPeers && (!peerFilter.length || peerFilter.includes(c)))),
  ...(whatIf.length ? ['ours@ours-whatif'] : []),
];


const log = (...a) => console.error(...a);

// ---------------------------------------------------------------- statistics and formatting
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const summarize = (samples) => ({ median: median(samples), min: Math.min(...samples), max: Math.max(...samples), n: samples.length });
const fmtMs = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtStat = (s) => (s ? `${fmtMs(s.median)} (${fmtMs(s.min)}–${fmtMs(s.max)})` : '—');
const kb = (b) => (b == null ? '—' : `${(b / 1024).toFixed(1)} KB`);
const fmtRatio = (r) => (r == null ? '—' : r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(1)}×`);

// ---------------------------------------------------------------- machine
function machine(browserVersion) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  const mhz = /cpu MHz\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim();
  return {
    cpu: model + (mhz ? ` @ ${Math.round(Number(mhz))} MHz` : ''),
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    chromium: browserVersion,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadavg: loadavg().map((x) => x.toFixed(2)),
  };
}

// ---------------------------------------------------------------- run
const results = { machine: null, options: { runs, warmup, rounds, cycles: cycleCount, scenarios: scenarioNames }, sizes: null, scenarios: {}, heap: {}, libs: {} };

async function main() {
  log('building our bench bundle (esbuild → bench/.build/ours) …');
  const ours = await buildOurs();
  results.ours = ours;
  for (const n of ours.notes) log(`  note: ${n}`);
  if (whatIf.length) {
    await buildOurs({ dir: 'ours-whatif', whatIf });
    results.whatIf = whatIf;
  }

  if (!flag('no-sizes')) {
    log('measuring bundle sizes (rollup.config.mjs, in memory) …');
    results.sizes = { ours: await ourSizes(root), peers: noPeers ? [] : await peerSizes(root) };
  }

  // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs (every resource is same-origin).
  const { server, url } = await serve({ port: 0, headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: CHROME_ARGS });
  results.machine = machine(browser.version());
  results.machine.loadavgStart = results.machine.loadavg;
  try {
    {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${url}bench/pages/bench.html?lib=d3funnel`);
      results.floor = await page.evaluate(() => window.__bench.floor());
      results.crossOriginIsolated = await page.evaluate(() => self.crossOriginIsolated);
      await context.close();
    }
    for (const name of scenarioNames) {
      results.scenarios[name] = {};
      const raw = {}; // lib → metric → { samples, extra }
      // Rounds interleave the contenders (A B C, A B C …), each round in fresh pages, so a change of
      // machine load during the scenario hits every contender alike. Heap cycles run once.
      const roundCount = name === 'mount-unmount' ? 1 : Math.min(rounds, runs);
      for (let round = 0; round < roundCount; round++) {
        const roundRuns = Math.floor(runs / roundCount) + (round < runs % roundCount ? 1 : 0);
        for (const lib of contendersOf(name)) {
          if (raw[lib]?.failed) continue;
          const t = Date.now();
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', deviceScaleFactor: 1 });
          const page = await context.newPage();
          const errors = [];
          page.on('pageerror', (e) => errors.push(e.message));
          page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
          try {
            const [adapter, buildDir] = lib.split('@');
            await page.goto(`${url}bench/pages/bench.html?lib=${adapter}${buildDir ? `&build=${buildDir}` : ''}`);
            const info = await page.evaluate(() => window.__bench.ready);
            results.libs[lib] = buildDir ? { label: `ours + what-if ${whatIf.join('+')}`, version: info.version } : { label: info.label, version: info.version };
            if (name === 'mount-unmount') {
              results.heap[lib] = await withTimeout(heapCycles(context, page, info), 600_000, `${name} (${lib})`);
            } else {
              const r = await withTimeout(page.evaluate(([s, o]) => window.__bench.run(s, o), [name, { runs: roundRuns, warmup }]), 60_000 * (roundRuns + warmup), `${name} (${lib})`);
              const acc = (raw[lib] ??= { available: r.available, metrics: {}, warnings: [], errors: [] });
              for (const [metric, m] of Object.entries(r.metrics)) {
                const a = (acc.metrics[metric] ??= { samples: [], extra: {} });
                a.samples.push(...m.samples);
                for (const [k, values] of Object.entries(m.extra ?? {})) (a.extra[k] ??= []).push(...values);
              }
              acc.warnings.push(...(r.warnings ?? []));
              acc.errors.push(...errors.slice(0, 5));
            }
            log(`  ${name.padEnd(14)} ${lib.padEnd(9)} ${roundCount > 1 ? `round ${round + 1}/${roundCount} ` : ''}${((Date.now() - t) / 1000).toFixed(1)} s${errors.length ? `  (${errors.length} page errors: ${errors[0].slice(0, 120)})` : ''}`);
          } catch (error) {
            const message = String(error.message).split('\n')[0];
            log(`  ${name.padEnd(14)} ${lib.padEnd(9)} FAILED: ${message}`);
            if (name === 'mount-unmount') results.heap[lib] = { error: message };
            else raw[lib] = { failed: true, available: false, error: message, metrics: {} };
          } finally {
            await context.close();
          }
        }
      }
      for (const [lib, acc] of Object.entries(raw)) {
        const metrics = {};
        for (const [metric, m] of Object.entries(acc.metrics)) {
          metrics[metric] = { ...summarize(m.samples), samples: m.samples.map((x) => +x.toFixed(3)) };
          for (const [k, values] of Object.entries(m.extra)) metrics[metric][k] = summarize(values);
        }
        results.scenarios[name][lib] = acc.failed
          ? { available: false, error: acc.error, metrics: {} }
          : { available: acc.available, metrics, warnings: [...new Set(acc.warnings)], errors: [...new Set(acc.errors)] };
      }
    }
  } finally {
    results.machine.loadavgEnd = loadavg().map((x) => x.toFixed(2));
    await browser.close();
    server.close();
  }

  const md = markdown();
  console.log(md);
  writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2));
  log(`wrote bench/results.json`);
  if (writeMd) {
    const file = join(here, 'RESULTS.md');
    const begin = '<!-- bench:begin (generated by npm run bench; edit outside these markers) -->';
    const end = '<!-- bench:end -->';
    let text = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmark results\n\n${begin}\n${end}\n`;
    if (!text.includes(begin)) text += `\n${begin}\n${end}\n`;
    text = text.slice(0, text.indexOf(begin) + begin.length) + '\n' + md + '\n' + text.slice(text.indexOf(end));
    writeFileSync(file, text);
    log('wrote bench/RESULTS.md (generated section)');
  } else log('bench/RESULTS.md left alone (partial run; pass --write to update it)');
}

/** 1,000 create/render/remove cycles per element kind; JS heap after forced GC, before and after. */
async function heapCycles(context, page, info) {
  const cdp = await context.newCDPSession(page);
  const out = {};
  const gcAndMeasure = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return { used: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
  };
  await cdp.send('HeapProfiler.enable');
  for (const kind of ['tree', 'funnel', 'spark', 'goal']) {
    if (!info.kinds[kind]) continue;
    await page.evaluate((k) => window.__bench.cycles(k, 50), kind); // warm-up: code, caches, templates
    const before = await gcAndMeasure();
    const r = await page.evaluate(([k, n]) => window.__bench.cycles(k, n), [kind, cycleCount]);
    const after = await gcAndMeasure();
    out[kind] = {
      cycles: cycleCount, msPerCycle: r.msPerCycle, heapBefore: before.used, heapAfter: after.used, growth: after.used - before.used,
      domNodesGrowth: after.nodes - before.nodes, listenersGrowth: after.listeners - before.listeners,
    };
  }
  await cdp.detach();
  return out;
}

/** A scenario that hangs (an update that never completes) fails after `ms` instead of stalling the run. */
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------- report
const KIND_LABEL = { tree: 'metric-tree (tree-100 data)', funnel: 'funnel-chart (5 steps)', spark: 'north-star-card (30 points)', goal: 'goal-progress' };
const PEER_KIND_LABEL = { tree: 'tree-100', funnel: 'funnel, 5 steps', spark: 'line, 30 points', goal: '' };
const TARGET_MS = {
  'tree-1000|first render': 50, 'tree-10000|first render': 300,
  'tree-10000|zoom step': 16, 'tree-10000|pan step': 16, 'tree-10000|zoom step, whole tree in view': 16, 'tree-10000|pan step, whole tree in view': 16,
};

function markdown() {
  const m = results.machine;
  const lines = [];
  const label = (lib) => results.libs[lib]?.label ?? lib;
  const version = (lib) => results.libs[lib]?.version ?? '';
  lines.push(`## Run of ${m.date}`, '');
  lines.push(`- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM; ${m.chromium ? `Chromium ${m.chromium}` : ''} (headless, --disable-gpu: software rendering); Node ${m.node}.`);
  lines.push(`- Load average (1/5/15 min) at start ${m.loadavgStart.join(' / ')}, at end ${m.loadavgEnd.join(' / ')}.`);
  lines.push(`- ${runs} counted runs per scenario and contender${rounds > 1 ? `, in ${rounds} interleaved rounds (each round: every contender in a fresh page, ${warmup} warm-up run(s) first)` : `, after ${warmup} warm-up run(s), each contender in a fresh page`}; median (min–max) in ms. Ratio = peer median ÷ our median (above 1× means we are faster).`);
  if (results.floor) lines.push(`- Floor: an empty step (rAF → end of frame) measures ${fmtStat(results.floor)} ms on this machine; differences below that are noise.`);
  lines.push(`- Versions: ${Object.entries(results.libs).map(([k, v]) => `${v.label} ${v.version}`).join(', ')}.`);
  if (results.ours?.notes?.length) lines.push(`- Our build notes: ${results.ours.notes.join('; ')}.`);
  lines.push('');

  lines.push('### Timings', '');
  lines.push('| scenario | step | ours | peers: median (min–max) · ratio | fastest peer ÷ ours | target | met? |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const name of scenarioNames.filter((s) => s !== 'mount-unmount')) {
    const byLib = results.scenarios[name] ?? {};
    const metricNames = [...new Set(Object.values(byLib).flatMap((r) => Object.keys(r.metrics ?? {})))];
    if (!metricNames.length) {
      lines.push(`| ${name} | — | not available${byLib.ours?.error ? ` (${byLib.ours.error})` : ''} | | | | |`);
      continue;
    }
    for (const metric of metricNames) {
      const ours = byLib.ours?.metrics?.[metric];
      const peers = Object.entries(byLib).filter(([lib]) => !lib.startsWith('ours'));
      const variants = Object.entries(byLib).filter(([lib]) => lib.startsWith('ours@'));
      const peerCells = [];
      let fastest = null;
      for (const [lib, r] of peers) {
        const s = r.metrics?.[metric];
        if (!s) {
          peerCells.push(`${label(lib)}: n/a`);
          continue;
        }
        const ratio = ours ? s.median / ours.median : null;
        peerCells.push(`${label(lib)} ${fmtStat(s)}${ratio != null ? ` · ${fmtRatio(ratio)}` : ''}`);
        if (!fastest || s.median < fastest.median) fastest = s;
      }
      const ratio = ours && fastest ? fastest.median / ours.median : null;
      const targets = [];
      const verdicts = [];
      if (fastest) {
        targets.push('≥ 3× fastest peer');
        verdicts.push(ratio == null ? 'n/a' : ratio >= 3 ? 'yes' : 'no');
      }
      const absolute = TARGET_MS[`${name}|${metric}`];
      if (absolute) {
        targets.push(`≤ ${absolute} ms`);
        verdicts.push(!ours ? 'n/a' : ours.median <= absolute ? 'yes' : 'no');
      }
      let oursCell = ours ? fmtStat(ours) + (ours.firstFrame && Math.abs(ours.firstFrame.median - ours.median) > 0.5 ? ` [1st frame ${fmtMs(ours.firstFrame.median)}]` : '') + (ours.rowsReady ? ` [table rows in the DOM ${fmtMs(ours.rowsReady.median)}]` : '') : byLib.ours ? 'not available' : '—';
      for (const [lib, r] of variants) {
        const v = r.metrics?.[metric];
        if (v) oursCell += `<br>*${label(lib)}: ${fmtStat(v)}*`;
      }
      lines.push(`| ${name} | ${metric} | ${oursCell} | ${peerCells.join('<br>') || '—'} | ${fmtRatio(ratio)} | ${targets.join(', ') || '—'} | ${verdicts.join(', ') || '—'} |`);
    }
  }
  lines.push('');

  if (Object.keys(results.heap).length) {
    lines.push(`### Mount/unmount: ${cycleCount.toLocaleString('en-US')} create → render → remove cycles`, '');
    lines.push('JS heap after forced GC (CDP HeapProfiler.collectGarbage ×3, Runtime.getHeapUsage), after a 50-cycle warm-up. Target for ours: growth ≤ 1 MB.', '');
    lines.push('| contender | element / chart | ms per cycle | heap growth | DOM nodes Δ | listeners Δ | ≤ 1 MB? |');
    lines.push('| --- | --- | --- | --- | --- | --- | --- |');
    for (const [lib, kinds] of Object.entries(results.heap)) {
      if (kinds.error) {
        lines.push(`| ${label(lib)} | — | failed: ${kinds.error} | | | | |`);
        continue;
      }
      for (const [kind, h] of Object.entries(kinds)) {
        const growth = `${h.growth >= 0 ? '+' : ''}${(h.growth / 1024).toFixed(0)} KB`;
        lines.push(`| ${label(lib)} | ${lib.startsWith('ours') ? KIND_LABEL[kind] : PEER_KIND_LABEL[kind]} | ${fmtMs(h.msPerCycle)} | ${growth} | ${h.domNodesGrowth} | ${h.listenersGrowth} | ${lib.startsWith('ours') ? (h.growth <= 1024 * 1024 ? 'yes' : 'no') : '—'} |`);
      }
    }
    if (!results.heap.ours || !Object.keys(results.heap.ours).length) lines.push('| north-star-widgets | not available | | | | | |');
    lines.push('');
  }

  if (results.sizes) {
    lines.push('### Bundle size (minified, and min+gzip with gzip -9)', '');
    lines.push('| bundle | min | min+gzip | note |');
    lines.push('| --- | --- | --- | --- |');
    for (const r of results.sizes.ours) {
      const isEsm = r.name.startsWith('ESM bundle');
      const verdict = isEsm && r.gzip != null ? (r.gzip <= 40 * 1024 ? ' — target ≤ 40 KB: met' : ' — target ≤ 40 KB: NOT met') : '';
      lines.push(`| **ours**: ${r.name} | ${kb(r.min)} | **${kb(r.gzip)}** | ${r.note}${verdict} |`);
    }
    for (const r of results.sizes.peers) lines.push(`| ${r.name} | ${kb(r.min)} | ${kb(r.gzip)} | ${r.note} |`);
    lines.push('');
    // What a script-tag page loads for the same chart: ours alone vs the peer's dist file.
    const find = (list, prefix) => list.find((r) => r.name.startsWith(prefix) && r.gzip != null);
    const o = results.sizes.ours;
    const p = results.sizes.peers;
    const pairs = [
      ['a metric tree', find(o, 'metric-tree alone'), [find(p, 'ECharts — echarts.min.js'), find(p, 'Vega — vega.min.js')]],
      ['a funnel', find(o, 'funnel-chart alone'), [find(p, 'ECharts — echarts.min.js'), find(p, 'd3-funnel')]],
      ['a card with a sparkline', find(o, 'north-star-card alone'), [find(p, 'Chart.js — chart.umd.js'), find(p, 'ECharts — echarts.min.js')]],
      ['all four widgets', find(o, 'ESM bundle'), [find(p, 'ECharts — echarts.min.js')]],
    ];
    if (p.length) {
      lines.push('| a page that shows … | ours (min+gzip) | peer (min+gzip) · peer ÷ ours |');
      lines.push('| --- | --- | --- |');
      for (const [what, mine, theirs] of pairs) {
        if (!mine) continue;
        const cells = theirs.filter(Boolean).map((t) => `${t.name.split(' — ')[0]} ${kb(t.gzip)} · ${fmtRatio(t.gzip / mine.gzip)}`);
        lines.push(`| ${what} | ${kb(mine.gzip)} | ${cells.join('<br>')} |`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
