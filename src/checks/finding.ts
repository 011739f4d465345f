/** How bad a finding is. `error` fails `aiam check` (exit 1) and synth-time validation. */
export enum Severity {
  ERROR = 'error',
  WARNING = 'warning',
  INFO = 'info',
}

const SEVERITY_RANK: Record<Severity, number> = { [Severity.ERROR]: 3, [Severity.WARNING]: 2, [Severity.INFO]: 1 };

/** True when `severity` is at least `min`. */
export function atLeast(severity: Severity, min: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[min];
}

/** Parses a `--min-severity` value; undefined when it is not a severity. */
export function parseSeverity(value: string): Severity | undefined {
  return (Object.values(Severity) as string[]).includes(value) ? value as Severity : undefined;
}

/**
 * Where a finding points. Synthesized from this library: the construct path. Otherwise the Terraform
 * address and a JSON pointer into the file that was read.
 */
export interface FindingLocation {
  readonly constructPath?: string;
  /** Terraform address, e.g. `alicloud_ram_policy.admin`. */
  readonly address?: string;
  /** The file the model read (cdk.tf.json or plan JSON). */
  readonly file?: string;
  /** JSON pointer inside `file`. */
  readonly pointer?: string;
  /** Stack name, for multi-stack cdktf.out folders. */
  readonly stack?: string;
}

export interface Suppression {
  readonly ruleId: string;
  /** Mandatory: why this finding is acceptable here. */
  readonly reason: string;
  /** Where the suppression was declared (construct path or suppressions file). */
  readonly declaredAt: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly title: string;
  /** What is wrong here, in one or two sentences, naming the principal/policy/statement. */
  readonly message: string;
  /** What to change. */
  readonly fix: string;
  readonly location: FindingLocation;
  /** Set when a suppression with a reason covers this finding; suppressed findings never fail a run. */
  readonly suppressed?: Suppression;
}

/** One-line location for people: construct path first, else address + pointer. */
export function describeLocation(loc: FindingLocation): string {
  if (loc.constructPath) return loc.constructPath;
  const where = [loc.address, loc.file && loc.pointer ? `${loc.file}#${loc.pointer}` : loc.file].filter(Boolean);
  return where.join(' ') || '(whole input)';
}
