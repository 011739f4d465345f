/**
 * The RAM/IAM action the deploying identity needs to create, update or delete each Terraform resource type this
 * library manages. Action names follow each cloud's API (RAM 2015-05-01, Volcengine IAM 2018-01-01, Huawei IAM
 * permission names, AIWorkSpace 2021-02-04); [inferred] from the provider's API calls, not from an official table.
 */
import { Dialect } from '../policy/types';

export interface DeployActions {
  readonly dialect: Dialect;
  readonly create: string;
  readonly update?: string;
  readonly delete: string;
}

const ram = (create: string, update: string | undefined, del: string): DeployActions =>
  ({ dialect: Dialect.ALIBABA_RAM, create: `ram:${create}`, update: update && `ram:${update}`, delete: `ram:${del}` });
const volc = (create: string, update: string | undefined, del: string): DeployActions =>
  ({ dialect: Dialect.VOLCENGINE_IAM, create: `iam:${create}`, update: update && `iam:${update}`, delete: `iam:${del}` });
const hw = (create: string, update: string | undefined, del: string): DeployActions =>
  ({ dialect: Dialect.HUAWEI_IAM, create: `iam:${create}`, update: update && `iam:${update}`, delete: `iam:${del}` });

export const DEPLOY_ACTIONS: Record<string, DeployActions> = {
  alicloud_ram_user: ram('CreateUser', 'UpdateUser', 'DeleteUser'),
  alicloud_ram_group: ram('CreateGroup', 'UpdateGroup', 'DeleteGroup'),
  alicloud_ram_user_group_attachment: ram('AddUserToGroup', undefined, 'RemoveUserFromGroup'),
  alicloud_ram_group_membership: ram('AddUserToGroup', 'AddUserToGroup', 'RemoveUserFromGroup'),
  alicloud_ram_policy: ram('CreatePolicy', 'CreatePolicyVersion', 'DeletePolicy'),
  alicloud_ram_role: ram('CreateRole', 'UpdateRole', 'DeleteRole'),
  alicloud_ram_user_policy_attachment: ram('AttachPolicyToUser', undefined, 'DetachPolicyFromUser'),
  alicloud_ram_group_policy_attachment: ram('AttachPolicyToGroup', undefined, 'DetachPolicyFromGroup'),
  alicloud_ram_role_policy_attachment: ram('AttachPolicyToRole', undefined, 'DetachPolicyFromRole'),
  alicloud_pai_workspace_workspace: { dialect: Dialect.ALIBABA_RAM, create: 'paiworkspace:CreateWorkspace', update: 'paiworkspace:UpdateWorkspace', delete: 'paiworkspace:DeleteWorkspace' },
  alicloud_pai_workspace_member: { dialect: Dialect.ALIBABA_RAM, create: 'paiworkspace:CreateMember', update: 'paiworkspace:AddMemberRole', delete: 'paiworkspace:DeleteMembers' },
  volcengine_iam_user: volc('CreateUser', 'UpdateUser', 'DeleteUser'),
  volcengine_iam_user_group: volc('CreateGroup', 'UpdateGroup', 'DeleteGroup'),
  volcengine_iam_user_group_attachment: volc('AddUserToGroup', undefined, 'RemoveUserFromGroup'),
  volcengine_iam_policy: volc('CreatePolicy', 'UpdatePolicy', 'DeletePolicy'),
  volcengine_iam_role: volc('CreateRole', 'UpdateRole', 'DeleteRole'),
  volcengine_iam_user_policy_attachment: volc('AttachUserPolicy', undefined, 'DetachUserPolicy'),
  volcengine_iam_user_group_policy_attachment: volc('AttachUserGroupPolicy', undefined, 'DetachUserGroupPolicy'),
  volcengine_iam_role_policy_attachment: volc('AttachRolePolicy', undefined, 'DetachRolePolicy'),
  huaweicloud_identity_user: hw('users:createUser', 'users:updateUser', 'users:deleteUser'),
  huaweicloud_identity_group: hw('groups:createGroup', 'groups:updateGroup', 'groups:deleteGroup'),
  huaweicloud_identity_group_membership: hw('groups:addUserToGroup', 'groups:addUserToGroup', 'groups:removeUserFromGroup'),
  huaweicloud_identity_role: hw('roles:createRole', 'roles:updateRole', 'roles:deleteRole'),
  huaweicloud_identity_group_role_assignment: hw('permissions:grantRoleToGroupOnProject', undefined, 'permissions:revokeRoleFromGroupOnProject'),
};
