import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { BAILIAN_PAGES, bailianWorkspaceNameProblem, CALL_MODELS_PAGES, DEPLOY_MODELS_PAGES, REGION_ID, TUNE_MODELS_PAGES } from '../../../catalog/bailian';
import type { BailianWorkspaceSettings } from '../../../model/platform-settings.generated';
import { Grant } from '../../core/grant';
import { recordPlatformSettings } from '../../core/platform-settings';
import { PrincipalKind } from '../../core/principal';
import { IRamIdentity } from '../ram';

/**
 * Console pages a workspace member can be given (seed 000, 权限管理 page permissions). The labels are the guide's
 * (模型体验-操作, ...); the ids are this library's [inferred]: see BAILIAN_PAGE_FACTS in src/catalog/bailian.ts.
 */
export enum BailianPage {
  /** 模型体验 */
  MODEL_EXPERIENCE = 'model-experience',
  /** 批量推理 */
  BATCH_INFERENCE = 'batch-inference',
  /** 模型观测 */
  MODEL_OBSERVATION = 'model-observation',
  /** 模型调优 */
  MODEL_TUNING = 'model-tuning',
  /** 我的模型 */
  MY_MODELS = 'my-models',
  /** 模型部署 */
  MODEL_DEPLOYMENT = 'model-deployment',
  /** 模型评测 */
  MODEL_EVALUATION = 'model-evaluation',
  /** 数据管理-操作 */
  DATA_MANAGEMENT = 'data-management',
}

/** The guide's recipes as named page bundles. */
export class BailianPageBundles {
  /** "Call models in the console": model experience, batch inference, model observation. */
  public static readonly CALL_MODELS_IN_CONSOLE: BailianPage[] = CALL_MODELS_PAGES.map(p => p as BailianPage);
  /** "Tune models in the console": experience, tuning, my models, deployment, evaluation, data management, observation. */
  public static readonly TUNE_MODELS_IN_CONSOLE: BailianPage[] = TUNE_MODELS_PAGES.map(p => p as BailianPage);
  /** Every page the guide names: what a workspace admin gets [inferred: the console may have more pages]. */
  public static readonly ALL: BailianPage[] = BAILIAN_PAGES.map(p => p as BailianPage);
}

/** A per-model rate limit: requests per minute and/or tokens per minute. */
export interface BailianRateLimit {
  readonly model: string;
  /** @default - not limited */
  readonly qpm?: number;
  /** @default - not limited */
  readonly tpm?: number;
}

/** Models a grant is for. */
export interface BailianModelGrantOptions {
  /** Model names, e.g. `qwen-max`. */
  readonly models: string[];
}

/** Properties of a BailianWorkspace. */
export interface BailianWorkspaceProps {
  /** Workspace name, e.g. `chatbot-prod-workspace`. */
  readonly workspaceName: string;
  /** The one region the workspace lives in (a workspace never spans regions), e.g. `cn-beijing`. */
  readonly region: string;
  /**
   * The region's default workspace: every model is callable, tunable and deployable there and nothing can be
   * restricted or rate-limited (seed 000).
   * @default false
   */
  readonly isDefault?: boolean;
  /** Per-model rate limits. @default - none */
  readonly rateLimits?: BailianRateLimit[];
  /** Models callable here (besides those added by grantModelInvoke). @default - none */
  readonly allowInvoke?: string[];
  /** Models tunable here. @default - none */
  readonly allowTuning?: string[];
  /** Models deployable here. @default - none */
  readonly allowDeployment?: string[];
}

interface MemberSettings {
  principal: IRamIdentity;
  admin: boolean;
  pages: Set<BailianPage>;
  apiKeyManagement: boolean;
}

/**
 * A Model Studio (Bailian) workspace: the unit of model allowlists, rate limits, console page permissions and API
 * keys. None of these has a Terraform resource: they are written to the platform-settings manifest (kind
 * `bailian-workspace`) as a plan-visible `terraform_data`. Terraform records them and a person applies them in
 * the Model Studio console (`aiam settings runbook` lists the steps, `aiam settings verify` checks them).
 *
 * @example
 * const prod = new BailianWorkspace(stack, 'prod', { workspaceName: 'chatbot-prod-workspace', region: 'cn-beijing' });
 * prod.grantModelInvoke(bob, { models: ['qwen-max'] });
 * prod.grantPages(carol, BailianPageBundles.TUNE_MODELS_IN_CONSOLE);
 */
export class BailianWorkspace extends Construct {
  public readonly workspaceName: string;
  public readonly region: string;
  public readonly isDefault: boolean;
  private readonly invokeModels = new Set<string>();
  private readonly tuneModels = new Set<string>();
  private readonly deployModels = new Set<string>();
  private readonly rateLimits: BailianRateLimit[] = [];
  private readonly members = new Map<string, MemberSettings>();
  private quota?: { qpm?: number; tpm?: number };
  private readonly settingsRecord: IConstruct;

  constructor(scope: Construct, id: string, props: BailianWorkspaceProps) {
    super(scope, id);
    const region = props.region;
    if (!Token.isUnresolved(region) && !REGION_ID.test(region)) {
      throw new Error(`${this.node.path}: region "${region}" is not one region id. Fix: a workspace never spans regions; create one workspace per region (e.g. "cn-beijing")`);
    }
    const nameProblem = Token.isUnresolved(props.workspaceName) ? undefined : bailianWorkspaceNameProblem(props.workspaceName);
    if (nameProblem) {
      throw new Error(`${this.node.path}: invalid workspace name "${props.workspaceName}" (${nameProblem}). Fix: use 1-64 characters, e.g. "chatbot-prod-workspace" or "默认业务空间"`);
    }
    this.workspaceName = props.workspaceName;
    this.region = region;
    this.isDefault = props.isDefault ?? false;
    for (const l of props.rateLimits ?? []) this.addRateLimit(l);
    for (const [models, set, what] of [[props.allowInvoke, this.invokeModels, 'invoke'], [props.allowTuning, this.tuneModels, 'tune'],
      [props.allowDeployment, this.deployModels, 'deploy']] as const) {
      if (!models) continue;
      if (this.isDefault) {
        throw new Error(`${this.node.path}: the default workspace cannot be restricted to models (${what}). ` +
          'Fix: remove the allowlist (every model is allowed there), or create a workspace of its own');
      }
      this.restrict(set, models, what);
    }
    // Rendered at synth so grants made after construction are included.
    this.settingsRecord = recordPlatformSettings(this, 'Settings', 'bailian-workspace', 'alibaba', () => this.settings());
  }

  /** Allows the models to be called in this workspace, and gives the principal the console pages to call them. */
  public grantModelInvoke(principal: IRamIdentity, options: BailianModelGrantOptions): Grant {
    this.restrict(this.invokeModels, options.models, 'invoke');
    return this.grantPages(principal, BailianPageBundles.CALL_MODELS_IN_CONSOLE);
  }

  /** Allows the models to be tuned (and the tuned models deployed), and gives the principal the tuning pages. */
  public grantModelTuning(principal: IRamIdentity, options: BailianModelGrantOptions): Grant {
    this.restrict(this.tuneModels, options.models, 'tune');
    return this.grantPages(principal, BailianPageBundles.TUNE_MODELS_IN_CONSOLE);
  }

  /** Allows the models to be deployed directly, and gives the principal the deployment pages. */
  public grantModelDeployment(principal: IRamIdentity, options: BailianModelGrantOptions): Grant {
    this.restrict(this.deployModels, options.models, 'deploy');
    return this.grantPages(principal, DEPLOY_MODELS_PAGES.map(p => p as BailianPage));
  }

  /**
   * Gives a RAM user or role console pages of this workspace (it becomes a member). Page permissions have no
   * Terraform resource: the grant lists the workspace's platform-settings record, where they are written.
   */
  public grantPages(principal: IRamIdentity, pages: BailianPage[]): Grant {
    const m = this.member(principal);
    m.pages = new Set([...m.pages, ...pages]);
    return this.grantOf(principal);
  }

  /** Lets a RAM user or role create, delete and view every API key of this workspace. */
  public grantApiKeyManagement(principal: IRamIdentity): Grant {
    this.member(principal).apiKeyManagement = true;
    return this.grantOf(principal);
  }

  /** Makes a RAM user or role admin of this workspace: every page, user and API key management. */
  public addAdmin(principal: IRamIdentity): Grant {
    const m = this.member(principal);
    m.admin = true;
    m.apiKeyManagement = true;
    m.pages = new Set(BailianPageBundles.ALL);
    return this.grantOf(principal);
  }

  /** Adds a per-model rate limit. */
  public addRateLimit(limit: BailianRateLimit): void {
    if (this.isDefault) {
      throw new Error(`${this.node.path}: the default workspace cannot be rate-limited. Fix: create a workspace of its own for ${limit.model} and limit it there`);
    }
    if (limit.qpm === undefined && limit.tpm === undefined) throw new Error(`${this.node.path}: rate limit for ${limit.model} sets neither qpm nor tpm. Fix: set qpm and/or tpm`);
    for (const v of [limit.qpm, limit.tpm]) {
      if (v !== undefined && !(Number.isInteger(v) && v > 0)) throw new Error(`${this.node.path}: rate limit ${v} for ${limit.model} is not a positive whole number. Fix: use e.g. qpm: 600`);
    }
    this.rateLimits.push(limit);
  }

  /** Whether a principal is a member (has any page, admin or API-key right here). */
  public isMember(principal: IRamIdentity): boolean {
    return this.members.has(memberKey(principal));
  }

  /** @internal set by ProductionWorkspaceSet */
  public _setQuota(quota: { qpm?: number; tpm?: number }): void {
    this.quota = quota;
  }

  private restrict(set: Set<string>, models: string[], what: string): void {
    if (models.length === 0) throw new Error(`${this.node.path}: no models given to ${what}. Fix: list the model names, e.g. ["qwen-max"]`);
    // The default workspace allows every model already and cannot be restricted; nothing to record.
    if (!this.isDefault) models.forEach(m => set.add(m));
  }

  private grantOf(principal: IRamIdentity): Grant {
    return Grant._of(principal, [this.settingsRecord], []);
  }

  private member(principal: IRamIdentity): MemberSettings {
    // The type says so in TypeScript; jsii languages without static types get the same message.
    if (principal.principalKind === PrincipalKind.GROUP) {
      throw new Error(`${this.node.path}: ${principal.node.path} is a RAM group; Model Studio page permissions are per RAM user or role. Fix: grant each user`);
    }
    const key = memberKey(principal);
    let m = this.members.get(key);
    if (!m) {
      m = { principal, admin: false, pages: new Set(), apiKeyManagement: false };
      this.members.set(key, m);
    }
    return m;
  }

  private settings(): BailianWorkspaceSettings {
    return {
      name: this.workspaceName,
      region: this.region,
      default: this.isDefault,
      // null: every model (the default workspace); a list: only these models.
      allowlists: this.isDefault ? { invoke: null, tune: null, deploy: null }
        : { invoke: [...this.invokeModels].sort(), tune: [...this.tuneModels].sort(), deploy: [...this.deployModels].sort() },
      rateLimits: this.rateLimits.map(l => JSON.parse(JSON.stringify({ model: l.model, qpm: l.qpm, tpm: l.tpm }))),
      quota: this.quota ?? null,
      members: [...this.members.values()].map(m => ({
        principal: { kind: m.principal.principalKind, name: m.principal.declaredName },
        admin: m.admin,
        apiKeyManagement: m.apiKeyManagement,
        pages: BailianPageBundles.ALL.filter(p => m.pages.has(p)),
      })),
    };
  }
}

function memberKey(p: IRamIdentity): string {
  return `${p.principalKind}/${p.declaredName}`;
}
