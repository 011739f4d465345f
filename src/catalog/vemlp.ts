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

/** One statement of a policy the veMLP console writes, in a shape both the constructs and the model read. */
export interface QueuePolicyStatement {
  readonly actions: string[];
  readonly resources: string[];
  readonly conditions?: Array<{ operator: string; key: string; values: string[] }>;
}

/** The admin policy (`q-<id>-admin-policy`) the console creates for a queue, as seed 001 prints it. */
export function queueAdminPolicyStatements(region: string, accountId: string, queueId: string): QueuePolicyStatement[] {
  const trn = (type: string) => `trn:ml_platform:${region}:${accountId}:${type}`;
  return [
    {
      actions: [...QUEUE_WORKLOAD_ACTIONS],
      resources: [trn('devinstance/*'), trn('job/*'), trn('service/*'), trn('deployment/*')],
      conditions: [{ operator: 'StringEquals', key: 'volc:ResourceTag/sys:ml_platform:resource_queue_id', values: [queueId] }],
    },
    { actions: [...QUEUE_WORKLOAD_ACTIONS, 'ml_platform:*ResourceQueue*'], resources: [trn(`resourcequeue/${queueId}`)] },
    { actions: [...QUEUE_ADMIN_IAM_ACTIONS], resources: ['*'] },
  ];
}

/** The member policy (`q-<id>-developer-policy`) the console creates for a queue (seed 001). */
export function queueMemberPolicyStatements(region: string, accountId: string, queueId: string): QueuePolicyStatement[] {
  return [{ actions: [...QUEUE_WORKLOAD_ACTIONS], resources: [`trn:ml_platform:${region}:${accountId}:resourcequeue/${queueId}`] }];
}

/** A Volcengine IAM policy document (no Version) for console-written statements. */
export function volcPolicyDocument(statements: readonly QueuePolicyStatement[]): { Statement: object[] } {
  return {
    Statement: statements.map(s => ({
      Effect: 'Allow',
      Action: s.actions,
      Resource: s.resources,
      ...(s.conditions?.length ? {
        Condition: Object.fromEntries(s.conditions.map(c => [c.operator, { [c.key]: c.values.length === 1 ? c.values[0] : c.values }])),
      } : {}),
    })),
  };
}
