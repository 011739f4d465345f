/** veMLP permission facts from the guide (seed 001), shared by the constructs and the rule pack. */

/** The guide's queue-creator IAM actions, replacing IAMFullAccess ("队列创建者 IAM 策略"); queue admins need them to manage members. */
export const QUEUE_CREATOR_ACTIONS = [
  'iam:GetGroup', 'iam:AddUserToGroup', 'iam:CreateGroup', 'iam:AttachUserGroupPolicy', 'iam:CreatePolicy', 'iam:DetachUserGroupPolicy',
  'iam:GetPolicy', 'iam:RemoveUserFromGroup', 'iam:GetUser', 'iam:ListUsers', 'iam:ListGroups', 'iam:ListUsersForGroup',
  'iam:ListGroupsForUser', 'iam:ListAttachedUserGroupPolicies', 'iam:ListAttachedUserPolicies',
];

/** Workload actions of a queue's admin and member policies. */
export const QUEUE_WORKLOAD_ACTIONS = ['ml_platform:*DevInstance*', 'ml_platform:*Job*', 'ml_platform:*Service*', 'ml_platform:*Deployment*', 'ml_platform:*CustomTask*'];

/** IAM actions the console grants a queue admin with the admin policy. */
export const QUEUE_ADMIN_IAM_ACTIONS = [
  'iam:AddUserToGroup', 'iam:RemoveUserFromGroup', 'iam:ListUsersForGroup', 'iam:ListGroups', 'iam:ListUsers', 'iam:GetGroup', 'iam:GetPolicy',
  'iam:AttachUserGroupPolicy', 'iam:DetachUserGroupPolicy', 'iam:ListEntitiesForPolicy',
];
