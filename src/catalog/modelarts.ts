/** ModelArts and Huawei IAM facts from seed 003 (ModelArts IAM permissions page), shared by constructs and rules. */

/** ModelArts console features (seed 003, "控制台功能" column). */
export enum ModelArtsFeature {
  /** 数据管理 (数据集/数据标注/数据处理) */
  DATA_MANAGEMENT = 'data-management',
  /** 开发环境 notebook / 镜像管理 / 弹性节点 server */
  NOTEBOOK_IMAGE_DEVSERVER = 'notebook-image-devserver',
  /** 算法管理 / 训练管理 / workflow / 自动学习 */
  ALGORITHM_TRAINING_WORKFLOW_AUTOML = 'algorithm-training-workflow-automl',
  /** 模型管理 / 在线服务 / 批量服务 / 边缘服务 / 边缘部署专属资源池 */
  MODEL_SERVICES = 'model-services',
  /** AI Gallery */
  AI_GALLERY = 'ai-gallery',
  /**
   * 弹性集群 cluster (standard 和 lite 资源池). Its rows in the guide's table include 费用中心 (BSS Administrator) and
   * 云硬盘 EVS (EVS FullAccess): those are dependencies of this feature, not a feature of their own.
   */
  CLUSTERS = 'clusters',
}

const MA = ['ModelArts CommonOperations', 'ModelArts Dependency Access'];

/**
 * Dependency roles/policies per console feature, exactly as seed 003's table lists them (service, then policies).
 * The seed prints names in lower case; these are Huawei's display names.
 */
export const MODELARTS_FEATURE_DEPENDENCIES: Record<ModelArtsFeature, ReadonlyArray<{ service: string; policies: readonly string[] }>> = {
  [ModelArtsFeature.DATA_MANAGEMENT]: [
    { service: 'obs', policies: ['OBS Administrator'] }, { service: 'dli', policies: ['DLI FullAccess'] },
    { service: 'mrs', policies: ['MRS Administrator'] }, { service: 'dws', policies: ['DWS Administrator'] },
    { service: 'cts', policies: ['CTS Administrator'] }, { service: 'modelarts', policies: MA },
  ],
  [ModelArtsFeature.NOTEBOOK_IMAGE_DEVSERVER]: [
    { service: 'obs', policies: ['OBS Administrator'] }, { service: 'csms', policies: ['CSMS ReadOnlyAccess'] },
    { service: 'cts', policies: ['CTS Administrator'] }, { service: 'ecs', policies: ['ECS FullAccess'] },
    { service: 'swr', policies: ['SWR Admin'] }, { service: 'sfs', policies: ['SFS Turbo FullAccess'] },
    { service: 'aom', policies: ['AOM FullAccess'] }, { service: 'kms', policies: ['KMS CMKFullAccess'] },
    { service: 'modelarts', policies: MA },
  ],
  [ModelArtsFeature.ALGORITHM_TRAINING_WORKFLOW_AUTOML]: [
    { service: 'obs', policies: ['OBS Administrator'] }, { service: 'smn', policies: ['SMN Administrator'] },
    { service: 'cts', policies: ['CTS Administrator'] }, { service: 'eps', policies: ['EPS FullAccess'] },
    { service: 'sfs', policies: ['SFS ReadOnlyAccess'] }, { service: 'swr', policies: ['SWR Admin'] },
    { service: 'aom', policies: ['AOM FullAccess'] }, { service: 'kms', policies: ['KMS CMKFullAccess'] },
    { service: 'vpc', policies: ['VPC FullAccess'] }, { service: 'modelarts', policies: MA },
  ],
  [ModelArtsFeature.MODEL_SERVICES]: [
    { service: 'obs', policies: ['OBS Administrator'] }, { service: 'ces', policies: ['CES ReadOnlyAccess'] },
    { service: 'smn', policies: ['SMN Administrator'] }, { service: 'eps', policies: ['EPS FullAccess'] },
    { service: 'cts', policies: ['CTS Administrator'] }, { service: 'lts', policies: ['LTS FullAccess'] },
    { service: 'vpc', policies: ['VPC FullAccess'] }, { service: 'swr', policies: ['SWR Admin'] },
    { service: 'modelarts', policies: MA },
  ],
  [ModelArtsFeature.AI_GALLERY]: [
    { service: 'obs', policies: ['OBS Administrator'] }, { service: 'cts', policies: ['CTS Administrator'] },
    { service: 'swr', policies: ['SWR Admin'] }, { service: 'modelarts', policies: MA },
  ],
  [ModelArtsFeature.CLUSTERS]: [
    { service: 'cts', policies: ['CTS Administrator'] }, { service: 'cce', policies: ['CCE Administrator'] },
    { service: 'bms', policies: ['BMS FullAccess'] }, { service: 'ims', policies: ['IMS FullAccess'] },
    { service: 'dew', policies: ['DEW KeypairReadOnlyAccess'] }, { service: 'vpc', policies: ['VPC FullAccess'] },
    { service: 'ecs', policies: ['ECS FullAccess'] }, { service: 'sfs', policies: ['SFS Turbo FullAccess'] },
    { service: 'obs', policies: ['OBS Administrator'] }, { service: 'aom', policies: ['AOM FullAccess'] },
    { service: 'tms', policies: ['TMS FullAccess'] }, { service: 'modelarts', policies: MA },
    { service: 'bss', policies: ['BSS Administrator'] }, { service: 'evs', policies: ['EVS FullAccess'] },
  ],
};

/** The distinct policies a feature needs. */
export function featureDependencies(feature: ModelArtsFeature): string[] {
  return [...new Set(MODELARTS_FEATURE_DEPENDENCIES[feature].flatMap(d => d.policies))];
}

/**
 * Huawei services that are global (accessed without a region project); the rest are project-level. A custom policy
 * must not mix the two (seed 003, 示例3: "可以包含的其他服务必须跟本服务同属性"). [inferred] from Huawei's
 * "global services" list in the IAM authorization scope docs (huawei-iam.md §4: H-SCOPE).
 */
export const HUAWEI_GLOBAL_SERVICES = ['obs', 'iam', 'bss', 'cdn', 'tms', 'eps', 'dns', 'rms', 'organizations', 'sa'];

/** System policies of global services (assigned at domain scope). */
export const HUAWEI_GLOBAL_POLICIES = new Set(['OBS Administrator', 'EPS FullAccess', 'TMS FullAccess', 'BSS Administrator']);
