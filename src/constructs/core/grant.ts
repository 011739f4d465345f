import { IConstruct } from 'constructs';
import { IPrincipal } from './principal';

/**
 * What a `grant*` method or a persona did: the principals it granted to, the policies it attached and every construct
 * it created (attachments, custom policies, memberships). Like aws-cdk's `Grant`, it lets callers depend on, inspect,
 * or suppress exactly what was granted.
 *
 * @example
 * const grant = workspace.grantModelInvoke(bob, { models: ['qwen-max'] });
 * grant.created.forEach(c => console.log(c.node.path));
 */
export class Grant {
  /** Several grants as one. */
  public static combine(grants: Grant[]): Grant {
    const g = new Grant();
    for (const x of grants) g._merge(x);
    return g;
  }

  /** @internal */
  public static _of(principal: IPrincipal | undefined, created: IConstruct[], policyNames: string[]): Grant {
    const g = new Grant();
    if (principal) g.principalList.push(principal);
    g.createdList.push(...created);
    g.policyList.push(...policyNames);
    return g;
  }

  private readonly principalList: IPrincipal[] = [];
  private readonly createdList: IConstruct[] = [];
  private readonly policyList: string[] = [];

  private constructor() {}

  /** The principals that received the grant. */
  public get principals(): IPrincipal[] {
    return [...this.principalList];
  }

  /** Every construct the grant created, in order (attachments, custom policies, memberships, settings records). */
  public get created(): IConstruct[] {
    return [...this.createdList];
  }

  /** The names of the system and custom policies granted, in order, once each. */
  public get policyNames(): string[] {
    return [...new Set(this.policyList)];
  }

  /** @internal */
  public _merge(other: Grant): Grant {
    for (const p of other.principalList) if (!this.principalList.includes(p)) this.principalList.push(p);
    for (const c of other.createdList) if (!this.createdList.includes(c)) this.createdList.push(c);
    this.policyList.push(...other.policyList);
    return this;
  }
}
