import { renderUnknowns } from '../../policy/unknown';
import { Finding, Severity } from '../finding';

/** The rule metadata SARIF needs for `tool.driver.rules`. */
export interface SarifRuleInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly fix: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  [Severity.ERROR]: 'error', [Severity.WARNING]: 'warning', [Severity.INFO]: 'note',
};

/**
 * SARIF 2.1.0 log with one run. Suppressed findings stay in the log with `suppressions[].justification`,
 * so code-scanning UIs show them as suppressed rather than losing them.
 */
export function toSarif(findings: readonly Finding[], rules: readonly SarifRuleInfo[], toolVersion: string): object {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cdktf-aiam',
          version: toolVersion,
          informationUri: 'https://example.invalid/cdktf-aiam',
          rules: rules.map(r => ({
            id: r.id,
            name: r.id.replace(/[^A-Za-z0-9]/g, ''),
            shortDescription: { text: r.title },
            fullDescription: { text: r.description },
            help: { text: `Fix: ${r.fix}` },
            defaultConfiguration: { level: LEVEL[r.severity] },
          })),
        },
      },
      results: findings.map(f => {
        const artifact = f.location.file;
        const logicalName = f.location.constructPath ?? f.location.address;
        return {
          ruleId: f.ruleId,
          ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
          level: LEVEL[f.severity],
          message: { text: renderUnknowns(`${f.message} Fix: ${f.fix}`) },
          locations: [{
            ...(artifact ? { physicalLocation: { artifactLocation: { uri: sarifUri(artifact) } } } : {}),
            ...(logicalName ? { logicalLocations: [{ fullyQualifiedName: logicalName, kind: 'resource' }] } : {}),
          }],
          ...(f.location.pointer ? { properties: { jsonPointer: f.location.pointer } } : {}),
          ...(f.suppressed ? { suppressions: [{ kind: 'external', justification: f.suppressed.reason }] } : {}),
        };
      }),
    }],
  };
}

/** A relative or absolute file path as a SARIF URI reference: `/` separators, each segment percent-encoded. */
export function sarifUri(file: string): string {
  const parts = file.split('\\').join('/').split('/');
  return parts.map((seg, i) => (i === 0 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg))).join('/');
}
