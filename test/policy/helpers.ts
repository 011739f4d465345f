import { AccessRequest, Decision, Dialect, evaluate, parsePolicy, PolicyInput } from '../../src/policy';

export const ALI = Dialect.ALIBABA_RAM;
export const VOLC = Dialect.VOLCENGINE_IAM;
export const HW = Dialect.HUAWEI_IAM;

/** Decision of one request against documents given inline (named p0, p1, ...). */
export function decide(dialect: Dialect, docs: unknown[], request: AccessRequest): Decision {
  return evaluate(dialect, docs.map((d, i) => parsePolicy(dialect, `p${i}`, d)), request).decision;
}

export function decideWith(dialect: Dialect, policies: PolicyInput[], request: AccessRequest): Decision {
  return evaluate(dialect, policies, request).decision;
}

export const ali = (...statements: object[]) => ({ Version: '1', Statement: statements });
export const volc = (...statements: object[]) => ({ Statement: statements });
export const hw = (...statements: object[]) => ({ Version: '1.1', Statement: statements });
