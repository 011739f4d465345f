/**
 * Model Studio (Bailian) facts from seed 000 (百炼权限管理), shared by the constructs, the runbook, the rule pack and the
 * report. Facts the guide does not state are marked `inferred`, with what they were inferred from (BAILIAN_FACTS).
 */
// The ids are the platform-settings schema's; the writers' generated types check that they agree.
export type BailianPageId = 'model-experience' | 'batch-inference' | 'model-observation' | 'model-tuning' | 'my-models' | 'model-deployment'
| 'model-evaluation' | 'data-management';

/** Console pages a member can be given (权限管理), in the console's order. */
export const BAILIAN_PAGES: readonly BailianPageId[] = [
  'model-experience', 'batch-inference', 'model-observation', 'model-tuning', 'my-models', 'model-deployment', 'model-evaluation', 'data-management',
];

/** "Call models in the console": model experience, batch inference, model observation. */
export const CALL_MODELS_PAGES: readonly BailianPageId[] = ['model-experience', 'batch-inference', 'model-observation'];

/** "Tune models in the console". */
export const TUNE_MODELS_PAGES: readonly BailianPageId[] = [
  'model-experience', 'model-tuning', 'my-models', 'model-deployment', 'model-evaluation', 'data-management', 'model-observation',
];

/** "Deploy models": deployment and my models. */
export const DEPLOY_MODELS_PAGES: readonly BailianPageId[] = ['model-deployment', 'my-models'];

export type BailianAllowlist = 'invoke' | 'tune' | 'deploy';

/** Pages and the allowlists that make them useful; tuned models can be called and deployed too (限制模型训练). */
export const PAGE_ALLOWLIST_NEEDS: ReadonlyArray<{ readonly pages: readonly BailianPageId[]; readonly allowlists: readonly BailianAllowlist[] }> = [
  { pages: ['model-experience', 'batch-inference'], allowlists: ['invoke', 'tune'] },
  { pages: ['model-tuning'], allowlists: ['tune'] },
  { pages: ['model-deployment'], allowlists: ['deploy', 'tune'] },
];

type KeyState = 'not-applicable' | 'invalid-forever' | 'invalid-until-rejoined' | 'valid';
export type ApiKeyOwner = 'main-account' | 'ram-user' | 'ram-role';

/** What happens to a key when its owner changes (API Key 的状态随归属用户(账号)操作的变化). */
export const API_KEY_LIFECYCLE: Record<ApiKeyOwner, { removedFromWorkspace: KeyState; ownerDeleted: KeyState; keyDeleted: KeyState }> = {
  'main-account': { removedFromWorkspace: 'not-applicable', ownerDeleted: 'not-applicable', keyDeleted: 'invalid-forever' },
  'ram-user': { removedFromWorkspace: 'invalid-until-rejoined', ownerDeleted: 'invalid-forever', keyDeleted: 'invalid-forever' },
  'ram-role': { removedFromWorkspace: 'valid', ownerDeleted: 'valid', keyDeleted: 'invalid-forever' },
};

/** One region id (a workspace never spans regions), e.g. `cn-beijing`. */
export const REGION_ID = /^[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*$/;

/** System policies of the guide's roles. */
export const BAILIAN_POLICIES = {
  /** Super admin: every workspace in every region. */
  superAdmin: 'AliyunBailianFullAccess',
  /** Buying prepaid products (every product, not only Model Studio). */
  prepaidOrders: 'AliyunBSSOrderAccess',
  /** Viewing bills (every product). */
  billsReadOnly: 'AliyunBSSReadOnlyAccess',
} as const;


export interface BailianPageFact {
  /** This library's id for the page permission (the guide gives no ids; these are ours). */
  readonly id: string;
  /** The permission's label as the guide writes it (权限管理 page). */
  readonly label: string;
  readonly source: string;
}

/**
 * The console page permissions the guide names, in the order it lists them. The guide names pages only inside its
 * two recipes (设置模型调用权限, 设置控制台模型调优权限): the console has more pages than these, so "every page" below
 * means every page the guide names [inferred].
 */
export const BAILIAN_PAGE_FACTS: readonly BailianPageFact[] = [
  { id: 'model-experience', label: '模型体验-操作', source: 'seed 000, 设置模型调用权限 / 设置控制台模型调优权限' },
  { id: 'batch-inference', label: '批量推理-操作', source: 'seed 000, 设置模型调用权限' },
  { id: 'model-observation', label: '模型观测-操作', source: 'seed 000, 设置模型调用权限 / 设置控制台模型调优权限' },
  { id: 'model-tuning', label: '模型调优-操作', source: 'seed 000, 设置控制台模型调优权限' },
  { id: 'my-models', label: '我的模型-操作', source: 'seed 000, 设置控制台模型调优权限' },
  { id: 'model-deployment', label: '模型部署-操作', source: 'seed 000, 设置控制台模型调优权限' },
  { id: 'model-evaluation', label: '模型评测-操作', source: 'seed 000, 设置控制台模型调优权限' },
  { id: 'data-management', label: '数据管理-操作', source: 'seed 000, 设置控制台模型调优权限' },
];

export function bailianPageLabel(id: string): string {
  return BAILIAN_PAGE_FACTS.find(p => p.id === id)?.label ?? id;
}

export interface InferredFact {
  readonly fact: string;
  /** `guide` when a seed states it; `inferred` with the basis otherwise. */
  readonly status: 'guide' | 'inferred';
  readonly basis: string;
}

/** What the Model Studio constructs assume, and on what basis (docs/alibaba.md renders the same list). */
export const BAILIAN_FACTS: readonly InferredFact[] = [
  { fact: 'page bundles CALL_MODELS_IN_CONSOLE and TUNE_MODELS_IN_CONSOLE', status: 'guide', basis: 'seed 000, the recipes 设置模型调用权限 and 设置控制台模型调优权限, page for page' },
  { fact: 'page bundle ALL (what a workspace admin gets)', status: 'inferred', basis: 'seed 000 says 管理员权限包含该业务空间的所有页面权限; the bundle holds the pages the guide names, the console may have more' },
  { fact: 'page ids (model-experience, ...)', status: 'inferred', basis: 'this library\'s names for the guide\'s labels (模型体验-操作, ...); the console\'s own ids are not published in the sources read' },
  { fact: 'grantModelDeployment gives 模型部署 and 我的模型', status: 'inferred', basis: 'seed 000 lists pages for calling and tuning only; deployment is inferred from the tuning recipe' },
  { fact: 'workspace names: 1-64 characters, no control characters, not blank', status: 'inferred', basis: 'no published naming rule; the default workspace is named 默认业务空间 (seed 000), so names are not limited to ASCII' },
  { fact: 'workspace names <project>-dev/test/prod-workspace and <team>-workspace', status: 'guide', basis: 'seed 000, 空间规划策略 (project-dev-workspace, marketing-team-workspace)' },
  { fact: 'staging workspace named <project>-staging-workspace', status: 'inferred', basis: 'seed 000 names the 预发 (staging) environment but gives no workspace name; the name follows the guide\'s pattern' },
];

/** The default workspace's name as the console shows it (seed 000 calls it 默认业务空间). */
export const BAILIAN_DEFAULT_WORKSPACE_NAME = '默认业务空间';

/**
 * Why a workspace name cannot be used, or undefined. Only what is certain is rejected [inferred, see BAILIAN_FACTS]:
 * a published rule would narrow this.
 */
export function bailianWorkspaceNameProblem(name: string): string | undefined {
  const length = [...name].length;
  if (length < 1 || length > 64) return `${length} characters; use 1-64`;
  if (!name.trim()) return 'only white space';
  if (/\p{Cc}/u.test(name)) return 'a control character';
  return undefined;
}
