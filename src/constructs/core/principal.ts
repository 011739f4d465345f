import { IConstruct } from 'constructs';

/** The cloud a principal lives in. */
export enum PrincipalCloud {
  ALIBABA = 'alibaba',
  VOLCENGINE = 'volcengine',
  HUAWEI = 'huawei',
}

/** What a principal is. */
export enum PrincipalKind {
  USER = 'user',
  GROUP = 'group',
  ROLE = 'role',
}

/**
 * What every user, group and role of every cloud shares: the base of `IRamUser`, `IVolcGroup`, `IHuaweiUser`, ...
 * Checks name principals by `KIND/NAME` (`user/alice`).
 */
export interface IPrincipal extends IConstruct {
  readonly cloud: PrincipalCloud;
  readonly principalKind: PrincipalKind;
  /** The cloud-side name, as a reference to the resource when it is created here (so Terraform orders the changes). */
  readonly principalName: string;
  /** The name as written in code. */
  readonly declaredName: string;
}

/** `KIND/NAME`, as the access model and `aiam check --admin` name a principal. @internal */
export function principalSpec(p: IPrincipal): string {
  return `${p.principalKind}/${p.declaredName}`;
}
