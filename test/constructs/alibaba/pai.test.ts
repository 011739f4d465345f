import * as fs from 'fs';
import { TerraformStack, Testing } from 'cdktf';
import { alicloud, pai, PaiFeature, ram } from '../../../src';
import { loadAccessModel } from '../../../src/model';
import { Decision } from '../../../src/policy';
import { synthesize } from '../../model/fixtures';

describe('PAI-Rec and PAI through the access model', () => {
  const out = synthesize(app => {
    const s = new TerraformStack(app, 'pai');
    new alicloud.provider.AlicloudProvider(s, 'p', { region: 'cn-hangzhou' });
    const analyst = new ram.RamUser(s, 'analyst', { userName: 'analyst' });
    const operator = new ram.RamUser(s, 'operator', { userName: 'operator' });
    new pai.PaiRecAccess(s, 'read', { principal: analyst, level: pai.PaiRecAccessLevel.READ_ONLY });
    new pai.PaiRecAccess(s, 'ops', { principal: operator, level: pai.PaiRecAccessLevel.OPERATOR });
    const deployers = new ram.RamGroup(s, 'deployers', { groupName: 'eas-deployers' });
    const dev = new ram.RamUser(s, 'dev', { userName: 'dev' });
    deployers.addUser(dev);
    new pai.PaiAccess(s, 'eas', { principal: deployers, bundle: pai.PaiAccessBundle.EAS_FULL, activateFeatures: [PaiFeature.EAS] });
    const ws = new pai.PaiWorkspace(s, 'ws', { workspaceName: 'recsys', description: 'recommendation models' });
    ws.addMember(dev, [pai.PaiWorkspaceRole.ALGO_DEVELOPER, pai.PaiWorkspaceRole.ALGO_OPERATOR]);
  });
  const model = loadAccessModel(out);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
  const can = (user: string, action: string) => model.can(model.findPrincipal(`user/${user}`), { action }).decision;

  test('a PAI-Rec read-only user can ListInstances and not DeleteInstance', () => {
    expect(can('analyst', 'pairec:ListInstances')).toBe(Decision.ALLOW);
    expect(can('analyst', 'pairec:GetExperiment')).toBe(Decision.ALLOW);
    expect(can('analyst', 'pairec:DeleteInstance')).toBe(Decision.IMPLICIT_DENY);
    expect(can('analyst', 'pairec:DeleteInstanceResource')).toBe(Decision.IMPLICIT_DENY);
    expect(can('analyst', 'pairec:CreateExperiment')).toBe(Decision.IMPLICIT_DENY);
  });

  test('a PAI-Rec operator can run experiments but delete nothing', () => {
    expect(can('operator', 'pairec:CreateExperiment')).toBe(Decision.ALLOW);
    expect(can('operator', 'pairec:DeleteExperiment')).toBe(Decision.IMPLICIT_DENY);
  });

  test('EAS deployers get AliyunPAIEASFullAccess and EAS\'s activation policies; the PAI system policy content is unknown, so answers are too', () => {
    const g = model.findPrincipal('group/eas-deployers');
    expect(model.policiesOf(g).map(p => p.name).sort()).toEqual([
      'AliyunApiGatewayFullAccess', 'AliyunCloudMonitorFullAccess', 'AliyunLogFullAccess', 'AliyunOSSFullAccess', 'AliyunPAIEASFullAccess', 'AliyunVPCFullAccess',
    ].sort());
    expect(model.can(g, { action: 'eas:CreateService' }).decision).toBe(Decision.UNKNOWN);
  });

  test('workspace members with their PAI roles', () => {
    expect(model.paiMembers).toEqual([expect.objectContaining({
      roles: ['PAI.AlgoDeveloper', 'PAI.AlgoOperator'],
      // Ids known after apply stay references to the resources they come from.
      workspace: expect.stringMatching(/^alicloud_pai_workspace_workspace\.ws_/),
      userId: expect.stringMatching(/^alicloud_ram_user\.dev\b/),
    })]);
  });
});

describe('synth-time errors', () => {
  const stack = () => {
    const s = new TerraformStack(Testing.app(), 'pai');
    new alicloud.provider.AlicloudProvider(s, 'provider', {});
    return s;
  };
  test('an ARN-scoped pairec statement names the fix', () => {
    const s = stack();
    expect(() => new pai.PaiRecAccess(s, 'x', { principal: new ram.RamUser(s, 'u', { userName: 'u' }), resources: ['acs:pairec:cn-hangzhou:123:instance/pairec-1'] }))
      .toThrow(/^pai\/x: PAI-Rec has no resource-level authorization.*Fix: drop resources/);
    expect(() => new ram.RamCustomPolicy(s, 'raw', { policyName: 'raw', statements: [{ actions: ['pairec:ListInstances'], resources: ['acs:pairec:*:*:instance/x'] }] }))
      .toThrow(/^pai\/raw: statement 0 scopes pairec actions to .* Fix: use resources \["\*"\]/);
  });
  test('unknown PAI-Rec actions, with a suggestion', () => {
    const s = stack();
    expect(() => new pai.PaiRecAccess(s, 'x', { principal: new ram.RamUser(s, 'u', { userName: 'u' }), actions: ['pairec:ListInstance'] }))
      .toThrow(/not PAI-Rec actions: pairec:ListInstance \(did you mean pairec:ListInstances\?\)/);
  });
  test('invalid names and roles', () => {
    const s = stack();
    expect(() => new pai.PaiWorkspace(s, 'ws', { workspaceName: 'bad name', description: 'd' })).toThrow(/^pai\/ws: invalid PAI workspace name "bad name"/);
    const ws = new pai.PaiWorkspace(s, 'ok', { workspaceName: 'recsys', description: 'd' });
    expect(() => ws.addMemberById('123', { roles: [pai.PaiWorkspaceRole.OWNER] })).toThrow(/cannot be made owner through membership/);
    expect(() => new ram.RamUser(s, 'bad', { userName: 'no spaces allowed' })).toThrow(/invalid RAM user name/);
  });
});
