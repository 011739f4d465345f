import { Construct } from 'constructs';
import { BailianWorkspace } from './workspace';
import { recordPlatformSettings } from '../../core/platform-settings';

/** How the workspaces are cut (seed 000, 空间规划策略). */
export enum WorkspaceStrategy {
  /** `<project>-dev|test|prod-workspace` (and optionally staging): strict environment isolation. Recommended. */
  BY_ENVIRONMENT = 'by-environment',
  /** `<team>-workspace`, e.g. `marketing-team-workspace`: permissions and cost per business line. */
  BY_BUSINESS_LINE = 'by-business-line',
}

/** Whether the split is in percent of the account quota or in absolute QPM. */
export enum QuotaUnit {
  PERCENT = 'percent',
  ABSOLUTE = 'absolute',
}

/** The account-wide Model Studio quota to split. */
export interface AccountQuota {
  /** Requests per minute. @default - not split */
  readonly qpm?: number;
  /** Tokens per minute (split by percent only). @default - not split */
  readonly tpm?: number;
}

/** One workspace's share after the split. */
export interface QuotaAllocation {
  readonly workspace: string;
  readonly qpm?: number;
  readonly tpm?: number;
}

/** Properties of ProductionWorkspaceSet. */
export interface ProductionWorkspaceSetProps {
  readonly region: string;
  /** @default WorkspaceStrategy.BY_ENVIRONMENT */
  readonly strategy?: WorkspaceStrategy;
  /** Project name for BY_ENVIRONMENT, e.g. `chatbot`. @default - required for BY_ENVIRONMENT */
  readonly project?: string;
  /**
   * Add a staging (预发) workspace for BY_ENVIRONMENT, named `<project>-staging-workspace` [inferred: the guide names
   * the staging environment but not its workspace; the name follows its pattern]. @default false
   */
  readonly includeStaging?: boolean;
  /** Business lines for BY_BUSINESS_LINE, e.g. `marketing-team`. @default - required for BY_BUSINESS_LINE */
  readonly teams?: string[];
  /** @default - no quota split */
  readonly accountQuota?: AccountQuota;
  /**
   * Share per workspace key (`dev`, `test`, `staging`, `prod`, or a team), in `splitUnit`. What is not allocated stays
   * as the buffer for bursts.
   * @default - no quota split
   */
  readonly split?: { [workspace: string]: number };
  /** @default QuotaUnit.PERCENT */
  readonly splitUnit?: QuotaUnit;
}

/**
 * The guide's production setup: workspaces by environment or business line, and the account quota split across them
 * with a reserved buffer. Rounding is deterministic: each workspace gets floor(quota × percent / 100); the buffer
 * gets the rest, so allocations + buffer always equal the quota. 1000 QPM split 60/20/10 gives prod 600, test 200,
 * dev 100 and a buffer of 100. Terraform records the split and a person applies it (`aiam settings runbook`).
 *
 * @example
 * const envs = new ProductionWorkspaceSet(stack, 'chatbot', {
 *   project: 'chatbot', region: 'cn-beijing', accountQuota: { qpm: 1000 }, split: { prod: 60, test: 20, dev: 10 },
 * });
 * envs.prod.grantModelInvoke(bob, { models: ['qwen-max'] });
 */
export class ProductionWorkspaceSet extends Construct {
  /** Workspaces by key (`dev`, `test`, `staging`, `prod`, or team name). */
  public readonly workspaces: { [key: string]: BailianWorkspace } = {};
  public readonly allocations: QuotaAllocation[] = [];
  /** What stays unallocated. */
  public readonly buffer: AccountQuota = {};

  constructor(scope: Construct, id: string, props: ProductionWorkspaceSetProps) {
    super(scope, id);
    const strategy = props.strategy ?? WorkspaceStrategy.BY_ENVIRONMENT;
    const fail = (msg: string, fix: string) => new Error(`${this.node.path}: ${msg}. Fix: ${fix}`);
    let names: Array<[string, string]>;
    if (strategy === WorkspaceStrategy.BY_ENVIRONMENT) {
      if (!props.project) throw fail('no project name', 'set project, e.g. "chatbot" (workspaces become chatbot-dev-workspace, ...)');
      const envs = ['dev', 'test', ...(props.includeStaging ? ['staging'] : []), 'prod'];
      names = envs.map(e => [e, `${props.project}-${e}-workspace`]);
    } else {
      if (!props.teams?.length) throw fail('no teams', 'set teams, e.g. ["marketing-team", "customer-team"]');
      names = props.teams.map(t => [t, `${t}-workspace`]);
    }
    for (const [key, name] of names) {
      this.workspaces[key] = new BailianWorkspace(this, key, { workspaceName: name, region: props.region });
    }
    if (props.split || props.accountQuota) this.splitQuota(props, fail);
  }

  /** The dev workspace (BY_ENVIRONMENT); throws for a business-line set. */
  public get dev(): BailianWorkspace { return this.workspace('dev'); }
  /** The test workspace (BY_ENVIRONMENT); throws for a business-line set. */
  public get test(): BailianWorkspace { return this.workspace('test'); }
  /** The prod workspace (BY_ENVIRONMENT); throws for a business-line set. */
  public get prod(): BailianWorkspace { return this.workspace('prod'); }
  /** The staging workspace, when `includeStaging` is set. */
  public get staging(): BailianWorkspace | undefined { return this.workspaces.staging; }

  /** A business line's workspace (BY_BUSINESS_LINE), by team name. */
  public team(name: string): BailianWorkspace { return this.workspace(name); }

  /** The workspace for a key; throws naming the keys there are. */
  public workspace(key: string): BailianWorkspace {
    const w = this.workspaces[key];
    if (!w) throw new Error(`${this.node.path}: no workspace "${key}". Fix: use one of ${Object.keys(this.workspaces).join(', ')}`);
    return w;
  }

  private splitQuota(props: ProductionWorkspaceSetProps, fail: (m: string, f: string) => Error): void {
    const quota = props.accountQuota;
    const split = props.split;
    if (!quota || !split) throw fail('a quota split needs both accountQuota and split', 'set accountQuota: { qpm: 1000 } and split: { prod: 60, ... }');
    const unit = props.splitUnit ?? QuotaUnit.PERCENT;
    for (const key of Object.keys(split)) if (!this.workspaces[key]) throw fail(`split names "${key}", which is not a workspace of this set`, `use ${Object.keys(this.workspaces).join(', ')}`);
    for (const key of Object.keys(this.workspaces)) if (split[key] === undefined) throw fail(`workspace "${key}" has no share`, 'give every workspace a share (0 is allowed)');
    const total = Object.values(split).reduce((a, b) => a + b, 0);
    if (Object.values(split).some(v => !(v >= 0))) throw fail('a share is negative or not a number', 'use shares of 0 or more');
    if (unit === QuotaUnit.PERCENT && total > 100) throw fail(`shares add up to ${total}%`, 'keep the total at or under 100%; what remains is the buffer');
    if (unit === QuotaUnit.ABSOLUTE) {
      if (quota.qpm === undefined) throw fail('absolute shares need accountQuota.qpm', 'set accountQuota.qpm');
      if (quota.tpm !== undefined) throw fail('absolute shares are QPM; TPM can only be split by percent', 'use splitUnit PERCENT or drop accountQuota.tpm');
      if (total > quota.qpm) throw fail(`shares add up to ${total} QPM, over the account quota of ${quota.qpm}`, 'lower the shares; what remains is the buffer');
    }
    const share = (amount: number | undefined, value: number) =>
      amount === undefined ? undefined : unit === QuotaUnit.PERCENT ? Math.floor((amount * value) / 100) : value;
    for (const [key, w] of Object.entries(this.workspaces)) {
      const allocation = { workspace: w.workspaceName, qpm: share(quota.qpm, split[key]), tpm: share(quota.tpm, split[key]) };
      this.allocations.push(allocation);
      w._setQuota({ qpm: allocation.qpm, tpm: allocation.tpm });
    }
    const rest = (amount: number | undefined, pick: (a: QuotaAllocation) => number | undefined) =>
      amount === undefined ? undefined : amount - this.allocations.reduce((n, a) => n + (pick(a) ?? 0), 0);
    Object.assign(this.buffer, { qpm: rest(quota.qpm, a => a.qpm), tpm: rest(quota.tpm, a => a.tpm) });
    recordPlatformSettings(this, 'QuotaSplit', 'bailian-quota-split', 'alibaba', {
      region: props.region,
      unit,
      accountQuota: { ...quota },
      shares: { ...split },
      allocations: this.allocations.map(a => ({ ...a })),
      buffer: { ...this.buffer },
      rounding: 'floor(quota x percent / 100) per workspace; the remainder goes to the buffer',
    });
  }
}
