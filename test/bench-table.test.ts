/**
 * The README's benchmark table is generated from the committed bench/results/*.json (bench/table.ts), and every
 * result's recorded judgement agrees with the target definitions (bench/targets.ts). Reads results only: nothing here
 * runs a benchmark or times anything.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { spread } from '../bench/measure';
import { BENCH_NAMES, readResults } from '../bench/results';
import { benchTableMarkdown, BEGIN, currentBenchTable, END, README, withBenchTable } from '../bench/table';
import { judge, TARGETS, verdict, withSpread, ms } from '../bench/targets';

test('the README benchmark table is up to date with bench/results (regenerate: npx projen bench:table)', () => {
  const readme = fs.readFileSync(README, 'utf8');
  expect(readme).toContain(BEGIN);
  expect(currentBenchTable(readme)).toBe(benchTableMarkdown());
});

test('the table has one row per target, each naming its command', () => {
  const table = benchTableMarkdown();
  for (const t of TARGETS) expect(table).toContain(`| ${t.what.replace(/\|/g, '\\|')} |`);
  const rows = table.split('\n').filter(l => /^\| (#\d+|earlier) \|/.test(l));
  expect(rows).toHaveLength(TARGETS.length);
  for (const r of rows) expect(r).toMatch(/\| `(AIAM_BENCH_1M=1 )?npm run bench \w+` \|$/);
});

test('a result that recorded its judgement agrees with the target definitions', () => {
  const results = readResults();
  for (const name of BENCH_NAMES) {
    const r = results[name];
    if (r?.recorded) expect({ name, targets: r.targets }).toEqual({ name, targets: judge(name, r) });
  }
});

test('target ids are unique and every target belongs to a known benchmark', () => {
  expect(new Set(TARGETS.map(t => t.id)).size).toBe(TARGETS.length);
  for (const t of TARGETS) expect(BENCH_NAMES).toContain(t.bench);
});

describe('judgement', () => {
  const target = (id: string) => TARGETS.find(t => t.id === id)!;
  const s = (median: number, min = median, max = median) => ({ median, min, max });

  test('wall time is judged, CPU shown beside it: a fast CPU does not pass a slow wall', () => {
    const r = { load: { wallMs: s(2500, 2400, 2600), cpuMs: s(1500) } };
    const v = verdict(target('load10kAtMost2s'), r);
    expect(v.verdict).toBe(false);
    expect(v.judged!.shown).toBe('2.50 s (2.40–2.60 s) wall; CPU 1.50 s (all runs)');
    expect(verdict(target('load10kAtMost2s'), { load: { wallMs: s(1900, 1800, 2300), cpuMs: s(1500) } }).verdict).toBe(true);
  });

  test('warm targets judge the repeated query; the cold first query is shown, not judged', () => {
    const r = { whoCan: { cold: { wallMs: s(400), cpuMs: s(380) }, warm: { wallMs: s(90), cpuMs: s(85) } } };
    const v = verdict(target('whoCan10kAtMost100ms'), r);
    expect(v.verdict).toBe(true);
    expect(v.judged!.shown).toContain('cold (first query) 400 ms');
  });

  test('a measurement the result does not hold is "not measured", never met', () => {
    for (const t of TARGETS) expect(verdict(t, {}).verdict).toBe('not measured');
    for (const t of TARGETS) expect(verdict(t, undefined).verdict).toBe('not measured');
    // A scale result from before warm who-can was measured: the cold value is shown, the target not judged.
    const old = { series: [{ 'users': 100_000, 'who-can': { cpuMs: s(2000), wallMs: s(2500) } }] };
    const v = verdict(target('whoCan100kAtMost300ms'), old);
    expect(v.verdict).toBe('not measured');
    expect(v.judged!.shown).toContain('warm not measured');
  });

  test('a measurement that ran and failed is not met, and its error is shown', () => {
    const r = { series: [{ users: 100_000, fileMiB: 70, load: { error: 'RangeError: Invalid string length\n    at x' } }, { users: 1_000_000, error: 'generating failed' }] };
    expect(verdict(target('load100kAtMost4s'), r)).toMatchObject({ verdict: false, judged: { shown: 'failed: RangeError: Invalid string length' } });
    expect(verdict(target('heap100kAtMost4xJson'), r).verdict).toBe(false);
    expect(verdict(target('load1MUnder4GiB'), r).verdict).toBe(false);
    expect(benchTableMarkdown({ scale: { series: r.series } })).toContain('| 1,000,000 | all | failed: generating failed |');
  });

  test('the check ratio is 100k over 10k of the same run, on wall medians', () => {
    const r = {
      series: [{ users: 10_000, check: { wallMs: s(2000), cpuMs: s(1000) } }, { users: 100_000, check: { wallMs: s(28_000), cpuMs: s(9000) } }],
    };
    const v = verdict(target('check100kTo10kRatioAtMost13'), r);
    expect(v.judged!.value).toBe(14);
    expect(v.verdict).toBe(false);
  });

  test('evaluator ratios compare wall-throughput medians with the minimal loop and the naive scan', () => {
    const w = (rate: number) => ({ decisionsPerSecond: rate, cpuDecisionsPerSecond: rate, runs: [rate, rate, rate] });
    const r = { workloads: { b_50x20: w(100), e_minimalPrecompiledLoop_on_b: w(250), d_naiveRegexScan_on_b: w(120) } };
    expect(verdict(target('bWithin2xOfMinimalLoop'), r)).toMatchObject({ verdict: false, judged: { value: 2.5 } });
    expect(verdict(target('bAheadOfNaiveScan'), r).verdict).toBe(false);
    expect(verdict(target('aWithin2xOfMinimalLoop'), r).verdict).toBe('not measured');
  });
});

test('spread: the median is one of the runs, between min and max', () => {
  fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 9 }), xs => {
    const r = spread(xs);
    expect(xs).toContain(r.median);
    expect(r.min).toBeLessThanOrEqual(r.median);
    expect(r.median).toBeLessThanOrEqual(r.max);
    expect(xs.filter(x => x < r.median).length).toBeLessThanOrEqual(xs.length / 2);
  }));
});

test('withSpread names single runs and shares the unit of the range', () => {
  expect(withSpread({ median: 4593, min: 4593, max: 4593, runs: 1 }, ms)).toBe('4.59 s (1 run)');
  expect(withSpread({ median: 950, min: 900, max: 1200, runs: 3 }, ms)).toBe('950 ms (900 ms–1.20 s)');
});

test('the section is replaced between its markers only', () => {
  const readme = `# x\n\n${BEGIN}\nold\n${END}\n\nafter\n`;
  expect(withBenchTable(readme, `${BEGIN}\nnew\n${END}`)).toBe(`# x\n\n${BEGIN}\nnew\n${END}\n\nafter\n`);
  expect(() => withBenchTable('# no markers\n', 'x')).toThrow(/bench:begin/);
  expect(path.basename(README)).toBe('README.md');
});
