import { renderUnknowns } from '../../policy/unknown';
import { describeLocation, Finding, Severity } from '../finding';

function xml(text: string): string {
  return renderUnknowns(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    // XML 1.0 forbids most control characters even when escaped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/**
 * JUnit XML: one test suite per rule that ran, one test case per finding (failed when an unsuppressed error,
 * skipped when suppressed), and one passing case for each rule that found nothing, so CI shows what was checked.
 */
export function toJunit(findings: readonly Finding[], ruleIds: readonly string[]): string {
  const byRule = new Map<string, Finding[]>(ruleIds.map(id => [id, []]));
  for (const f of findings) (byRule.get(f.ruleId) ?? byRule.set(f.ruleId, []).get(f.ruleId)!).push(f);
  let failures = 0;
  const suites: string[] = [];
  for (const [ruleId, list] of byRule) {
    const cases = list.map(f => {
      const name = xml(`${describeLocation(f.location)}`);
      if (f.suppressed) return `    <testcase classname="${xml(ruleId)}" name="${name}"><skipped message="${xml(`suppressed: ${f.suppressed.reason}`)}"/></testcase>`;
      if (f.severity !== Severity.ERROR) {
        return `    <testcase classname="${xml(ruleId)}" name="${name}"><system-out>${xml(`${f.severity}: ${f.message} Fix: ${f.fix}`)}</system-out></testcase>`;
      }
      return `    <testcase classname="${xml(ruleId)}" name="${name}"><failure message="${xml(f.message)}" type="${xml(f.severity)}">${xml(`${f.message}\nFix: ${f.fix}`)}</failure></testcase>`;
    });
    if (cases.length === 0) cases.push(`    <testcase classname="${xml(ruleId)}" name="no findings"/>`);
    const suiteFailures = list.filter(f => !f.suppressed && f.severity === Severity.ERROR).length;
    const skipped = list.filter(f => f.suppressed).length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${xml(ruleId)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  const tests = [...byRule.values()].reduce((n, l) => n + Math.max(1, l.length), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="aiam check" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}
