import { Construct } from 'constructs';
import { IHuaweiGroup, HuaweiScope } from './iam';
import { featureDependencies, ModelArtsFeature } from '../../catalog/modelarts';
import { Grant } from '../core/grant';
import { recordPlatformSettings } from '../core/platform-settings';

/** The ModelArts system policy to grant (seed 003, 表1). */
export enum ModelArtsAccessLevel {
  /** `ModelArts FullAccess`: every ModelArts permission. */
  FULL_ACCESS = 'ModelArts FullAccess',
  /** `ModelArts CommonOperations`: every operation except managing dedicated resource pools. */
  COMMON_OPERATIONS = 'ModelArts CommonOperations',
}

/** Properties of ModelArtsAccess. */
export interface ModelArtsAccessProps {
  readonly group: IHuaweiGroup;
  /** @default ModelArtsAccessLevel.COMMON_OPERATIONS */
  readonly level?: ModelArtsAccessLevel;
  /** Console features whose dependency policies to grant (seed 003's table). @default - none */
  readonly features?: ModelArtsFeature[];
  /**
   * ModelArts is a project-level service: one region project, or every project.
   * @default HuaweiScope.allResources()
   */
  readonly scope?: HuaweiScope;
  /** Account (domain) id, needed to assign global-service dependencies (OBS, EPS, TMS, BSS) when scope is one project. @default - none */
  readonly domainId?: string;
  /**
   * Ids of system policies by display name; the rest are looked up by display name with the
   * `huaweicloud_identity_role` data source at plan time. @default - every policy looked up
   */
  readonly systemRoleIds?: { [policyName: string]: string };
}

/**
 * Grants a group ModelArts, with the dependency policies each console feature needs, at the right scope.
 *
 * @example
 * new ModelArtsAccess(stack, 'training', {
 *   group: team, level: ModelArtsAccessLevel.COMMON_OPERATIONS,
 *   features: [ModelArtsFeature.ALGORITHM_TRAINING_WORKFLOW_AUTOML, ModelArtsFeature.MODEL_SERVICES],
 * });
 */
export class ModelArtsAccess extends Construct {
  /** Every system policy assigned, level first. */
  public readonly policies: string[];
  /** The role assignments this persona created. */
  public readonly grant: Grant;

  constructor(scope: Construct, id: string, props: ModelArtsAccessProps) {
    super(scope, id);
    const level = props.level ?? ModelArtsAccessLevel.COMMON_OPERATIONS;
    const where = props.scope ?? HuaweiScope.allResources();
    const deps = (props.features ?? []).flatMap(featureDependencies);
    this.policies = [...new Set([level, ...deps])];
    // FullAccess includes CommonOperations' rights; the guide's tables still list it next to Dependency Access.
    this.grant = Grant.combine(this.policies.map(name => props.group.assignSystemPolicy(name, {
      scope: where, roleId: props.systemRoleIds?.[name], domainId: props.domainId, owner: this,
    })));
    recordPlatformSettings(this, 'Settings', 'modelarts-access', 'huawei', {
      group: props.group.groupName, level, features: [...(props.features ?? [])], scope: where.projectId === 'all' ? 'all-resources' : `project ${where.projectId}`,
    });
  }
}
