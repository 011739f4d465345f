/**
 * Attachments and memberships are the most numerous facts of a model (about 7 per user). Built here as one class
 * each, holding the keys of the entities they link (one string per principal and policy, not one per link) and no
 * address or pointer they can rebuild: at 100k users this is tens of megabytes. Read their fields; a spread copies
 * neither address nor pointer.
 */
import type { RawResource } from './input';
import { joined } from './own';
import type { AssignmentScope, Attachment, Membership, Origin } from './types';
import { pointerJoin } from '../policy/errors';

interface Keyed { readonly key: string }
interface Indexes { readonly principals: ReadonlyMap<string, Keyed>; readonly policies: ReadonlyMap<string, Keyed> }

/** The stored key equal to `key`, so every link to one entity holds the same string. */
function canonical(index: ReadonlyMap<string, Keyed>, key: string): string {
  return index.get(key)?.key ?? key;
}

/**
 * Where a link comes from: an origin, or the block that makes it. `derivedPointer` says the pointer is the one the
 * address rebuilds, so it is neither read nor compared (a block knows it; sharedLinkSource finds it out once).
 */
export type LinkSource = Origin & Pick<RawResource, 'derivedPointer'> & Partial<Pick<RawResource, 'type' | 'name'>>;

/** An origin of many links (the members of one settings entry): its pointer compared once, not once per link. */
export function sharedLinkSource(origin: Origin): LinkSource {
  const { address, constructPath, stack, file, pointer } = origin;
  return { address, constructPath, stack, file, pointer, derivedPointer: keptPointer(origin) === null };
}

export function newAttachment(parts: Indexes, principalKey: string, policyKey: string, origin: LinkSource, scope?: AssignmentScope): Attachment {
  return new AttachmentLink(canonical(parts.principals, principalKey), canonical(parts.policies, policyKey), scope, origin);
}

export function newMembership(parts: Pick<Indexes, 'principals'>, userKey: string, groupKey: string, origin: LinkSource): Membership {
  return new MembershipLink(canonical(parts.principals, userKey), canonical(parts.principals, groupKey), origin);
}

/** An attachment between keys that are already the stored ones: no lookups. */
export function attachmentOfStoredKeys(principalKey: string, policyKey: string, origin: LinkSource, scope?: AssignmentScope): Attachment {
  return new AttachmentLink(principalKey, policyKey, scope, origin);
}

/** A membership between keys that are already the stored ones (the build's principal keys): no lookups. */
export function membershipOfStoredKeys(userKey: string, groupKey: string, origin: LinkSource): Membership {
  return new MembershipLink(userKey, groupKey, origin);
}

/**
 * `/resource/<type>/<name>` for the root-module resource `<type>.<name>`: the pointer of most links, rebuilt when read
 * rather than kept (about 70 bytes a link). Undefined for any other address (modules, instances, data, escapes).
 */
function derivedPointer(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  const dot = address.indexOf('.');
  if (dot <= 0) return undefined;
  const [type, name] = [address.slice(0, dot), address.slice(dot + 1)];
  return isRebuildable(type) && isRebuildable(name) ? pointerJoin('/resource', type, name) : undefined;
}

/**
 * A type or name whose pointer token is itself and that splits off its address at one dot: none of `.`, `~`, `/`,
 * `[`. A block whose type and name both are has the pointer derivedPointer rebuilds (readBlocks marks it so).
 */
export function isRebuildable(part: string): boolean {
  return !/[.~/[]/.test(part);
}

/** The pointer to keep: null when it is the one derivedPointer rebuilds (compared in place, nothing built). */
function keptPointer(origin: Origin): string | null | undefined {
  const { pointer, address } = origin;
  if (pointer === undefined || address === undefined) return pointer;
  if (pointer.length !== address.length + PREFIX.length || !pointer.startsWith(PREFIX)) return pointer;
  let dots = 0;
  for (let i = 0; i < address.length; i++) {
    const c = address.charCodeAt(i);
    // `~`, `/` and `[` never occur in a derivable address; the one `.` is the pointer's `/`.
    if (c === TILDE || c === SLASH || c === BRACKET) return pointer;
    const expected = c === DOT ? SLASH : c;
    if (c === DOT && ++dots > 1) return pointer;
    if (pointer.charCodeAt(PREFIX.length + i) !== expected) return pointer;
  }
  return dots === 1 && address.charCodeAt(0) !== DOT ? null : pointer;
}

const PREFIX = '/resource/';
const [TILDE, SLASH, BRACKET, DOT] = ['~', '/', '[', '.'].map(c => c.charCodeAt(0));

/** Where a link came from; its pointer rebuilt when it is the usual one. */
abstract class LinkOrigin implements Origin {
  /** The address; or, with `name`, the type of the root resource `<type>.<name>` (the block's address not built). */
  private readonly at: string | undefined;
  private readonly name: string | undefined;
  readonly constructPath?: string;
  readonly stack?: string;
  readonly file?: string;
  private readonly kept: string | null | undefined;

  constructor(origin: LinkSource) {
    const named = origin.derivedPointer && origin.type !== undefined && origin.name !== undefined;
    this.at = named ? origin.type : origin.address;
    this.name = named ? origin.name : undefined;
    this.constructPath = origin.constructPath;
    this.stack = origin.stack;
    this.file = origin.file;
    this.kept = origin.derivedPointer ? null : keptPointer(origin);
  }

  get address(): string | undefined {
    return this.name === undefined ? this.at : joined(this.at!, '.', this.name);
  }

  get pointer(): string | undefined {
    if (this.kept !== null) return this.kept;
    return this.name === undefined ? derivedPointer(this.at) : pointerJoin('/resource', this.at!, this.name);
  }
}

class AttachmentLink extends LinkOrigin implements Attachment {
  constructor(readonly principalKey: string, readonly policyKey: string, readonly scope: AssignmentScope | undefined, origin: LinkSource) {
    super(origin);
  }
}

class MembershipLink extends LinkOrigin implements Membership {
  constructor(readonly userKey: string, readonly groupKey: string, origin: LinkSource) {
    super(origin);
  }
}
