/**
 * Attachments and memberships are the most numerous facts of a model (about 7 per user). Built here with one field
 * order, so they share one object shape, and with the keys of the entities they link (one string per principal and
 * policy, not one per link): at 100k users this is tens of megabytes.
 */
import type { AssignmentScope, Attachment, Membership, Origin } from './types';

interface Keyed { readonly key: string }
interface Indexes { readonly principals: ReadonlyMap<string, Keyed>; readonly policies: ReadonlyMap<string, Keyed> }

/** The stored key equal to `key`, so every link to one entity holds the same string. */
function canonical(index: ReadonlyMap<string, Keyed>, key: string): string {
  return index.get(key)?.key ?? key;
}

export function newAttachment(parts: Indexes, principalKey: string, policyKey: string, origin: Origin, scope?: AssignmentScope): Attachment {
  return {
    principalKey: canonical(parts.principals, principalKey),
    policyKey: canonical(parts.policies, policyKey),
    scope,
    address: origin.address,
    constructPath: origin.constructPath,
    stack: origin.stack,
    file: origin.file,
    pointer: origin.pointer,
  };
}

export function newMembership(parts: Pick<Indexes, 'principals'>, userKey: string, groupKey: string, origin: Origin): Membership {
  return {
    userKey: canonical(parts.principals, userKey),
    groupKey: canonical(parts.principals, groupKey),
    address: origin.address,
    constructPath: origin.constructPath,
    stack: origin.stack,
    file: origin.file,
    pointer: origin.pointer,
  };
}
