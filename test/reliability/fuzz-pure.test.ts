/**
 * RELIABILITY D1 (pure part) and A3: property-based fuzzing of the four pure normalisers with
 * fast-check — arbitrary JSON (`fc.jsonValue()`) and structure-aware data with hostile leaves.
 * Properties: never throws; a rejected input has at least one issue; every issue has a non-empty
 * path and message; an accepted model holds only finite numbers; `Object.prototype` is untouched.
 * 1,200 cases per element (plus the browser fuzz in fuzz-elements.test.ts). The seed is printed.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { normalizeCard } from '../../src/north-star-card/card-model.js';
import { normalizeFunnel } from '../../src/funnel-chart/funnel-data.js';
import { normalizeGoal } from '../../src/goal-progress/goal-data.js';
import { normalizeTree } from '../../src/metric-tree/tree-data.js';
import { type Tag, report } from './helpers.js';
import { FUZZ_SEED, checkProperty, dataArbitrary, nonFiniteNumbers, prototypeIntact } from './arbitraries.js';

type Normalizer = (raw: unknown) => { value: unknown; issues: Array<{ path: string; message: string }> };

const NORMALIZERS: Record<Tag, Normalizer> = {
  'north-star-card': normalizeCard,
  'funnel-chart': normalizeFunnel,
  'goal-progress': normalizeGoal,
  'metric-tree': normalizeTree,
};

export const PURE_RUNS = 1200;

/** Checks one normaliser result; returns the problems found (empty when fine). */
export function normalizedProblems(result: ReturnType<Normalizer>): string[] {
  const problems: string[] = [];
  if (!result || typeof result !== 'object' || !Array.isArray(result.issues)) return ['result is not { value, issues }'];
  if (result.value === null && result.issues.length === 0) problems.push('rejected without an issue');
  for (const issue of result.issues) {
    if (typeof issue.path !== 'string' || issue.path.trim() === '') problems.push(`issue without path: ${JSON.stringify(issue)}`);
    if (typeof issue.message !== 'string' || issue.message.trim() === '') problems.push(`issue without message: ${JSON.stringify(issue)}`);
    // Quoted data may say anything; the message's own words must not leak `[object Object]` (engines'
    // Intl messages may say "undefined currency", which is fine).
    const ownWords = String(issue.message).replace(/"(?:[^"\\]|\\.)*"/g, '""');
    if (/\[object Object\]/.test(ownWords)) problems.push(`odd issue text: ${issue.message.slice(0, 120)}`);
  }
  if (result.value !== null) problems.push(...nonFiniteNumbers(result.value).map((p) => `non-finite number in model: ${p}`));
  if (!prototypeIntact()) problems.push('Object.prototype was modified');
  return problems;
}

describe('D1 fuzz: pure normalisers (fast-check)', function () {
  this.timeout(120_000);
  const totals: Record<string, number> = {};

  before(() => report('D1 fuzz seed', { seed: FUZZ_SEED, replay: `?fuzz-seed=${FUZZ_SEED} or fc.assert(..., { seed: ${FUZZ_SEED} })` }));
  after(() => report('D1 pure fuzz cases', { ...totals, total: Object.values(totals).reduce((a, b) => a + b, 0) }));

  for (const [tag, normalize] of Object.entries(NORMALIZERS) as Array<[Tag, Normalizer]>) {
    it(`${tag}: ${PURE_RUNS} arbitrary/hostile inputs never throw and report issues with paths`, () => {
      let runs = 0;
      let accepted = 0;
      checkProperty(
        fc.property(dataArbitrary(tag), (raw) => {
          runs++;
          const result = normalize(raw);
          if (result.value !== null) accepted++;
          const problems = normalizedProblems(result);
          if (problems.length) throw new Error(`${problems.join('; ')}\ninput: ${JSON.stringify(raw)?.slice(0, 400)}`);
        }),
        { numRuns: PURE_RUNS, seed: FUZZ_SEED },
      );
      totals[tag] = runs;
      report(`D1 pure ${tag}`, { cases: runs, accepted, rejected: runs - accepted });
      expect(runs).to.be.at.least(PURE_RUNS);
    });
  }

  it('normalisers are deterministic and do not mutate their input', () => {
    checkProperty(
      fc.property(fc.constantFrom(...(Object.keys(NORMALIZERS) as Tag[])).chain((tag) => fc.tuple(fc.constant(tag), dataArbitrary(tag))), ([tag, raw]) => {
        const before = JSON.stringify(raw);
        const a = NORMALIZERS[tag](raw);
        const b = NORMALIZERS[tag](raw);
        expect(JSON.stringify(raw)).to.equal(before);
        expect(a.issues).to.deep.equal(b.issues);
      }),
      { numRuns: 200, seed: FUZZ_SEED },
    );
  });
});
