/** Model Studio (Bailian) facts from seed 000, shared by the constructs, the rule pack and the report. */
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

/** Workspace names: 1-64 letters, digits, '_' and '-', starting with a letter or digit. */
export const WORKSPACE_NAME = { pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, description: "1-64 letters, digits, '_' and '-'" };

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
