import type { Catalog } from '../catalog';
import { FindingLocation, Severity } from './finding';
import type { AccessModel } from '../model/model';
import type { Origin } from '../model/types';

/** What a rule reads: the model, the catalog, and who is allowed to be an administrator. */
export interface RuleContext {
  readonly model: AccessModel;
  readonly catalog: Catalog;
  /** Principals (`alibaba:user/alice` keys or `user/alice` specs) allowed full-admin grants. */
  readonly designatedAdmins: ReadonlySet<string>;
}

/** A finding as a rule reports it; the engine adds rule id, title and suppression. */
export interface FindingDraft {
  readonly message: string;
  /** Defaults to the rule's fix. */
  readonly fix?: string;
  /** Defaults to the rule's severity. */
  readonly severity?: Severity;
  readonly location: FindingLocation;
}

export interface Rule {
  /** Stable id, e.g. `AIAM-IAM-001`; suppressions and SARIF use it. */
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly description: string;
  readonly fix: string;
  check(ctx: RuleContext): FindingDraft[];
}

export function locationOf(o: Origin): FindingLocation {
  return { constructPath: o.constructPath, address: o.address, file: o.file, pointer: o.pointer, stack: o.stack };
}
