/* eslint-disable no-bitwise */ // address arithmetic is bit arithmetic
/** IPv4 and IPv6 addresses and CIDR blocks as bigint ranges, parsed once. */
export interface Cidr {
  readonly v6: boolean;
  readonly base: bigint;
  readonly mask: bigint;
  /** IPv4 only: the same range as unsigned 32-bit numbers, so the hot path needs no bigint. */
  readonly base4?: number;
  readonly mask4?: number;
}

export interface IpAddress {
  readonly v6: boolean;
  readonly value: bigint;
  /** IPv4 only: the address as an unsigned 32-bit number. */
  readonly v4?: number;
}

/** Dotted quad without leading zeros, as an unsigned 32-bit number (no bigint: this runs per request). */
function parseV4Number(text: string): number | undefined {
  let n = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (digits === 0 || dots === 3) return undefined;
      n = n * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      // No leading zeros: `010` reads as octal in some libraries and as decimal in others, so it is rejected.
      if (digits > 0 && octet === 0) return undefined;
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return undefined;
    } else {
      return undefined;
    }
  }
  if (dots !== 3 || digits === 0) return undefined;
  return n * 256 + octet;
}

function parseV4(text: string): bigint | undefined {
  const n = parseV4Number(text);
  return n === undefined ? undefined : BigInt(n);
}

function parseV6(text: string): bigint | undefined {
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.') && lastColon >= 0) {
    // IPv4-embedded form ::ffff:1.2.3.4
    tailV4 = parseV4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - left.length - right.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0 || (halves.length === 2 && missing < 1)) return undefined;
  const all = [...left, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...right];
  let n = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  if (tailV4 !== undefined) n = (n & ~0xffffffffn) | tailV4;
  return n;
}

export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseV4Number(text);
  if (v4 !== undefined) return { v6: false, value: BigInt(v4), v4 };
  const v6 = text.includes(':') ? parseV6(text) : undefined;
  return v6 === undefined ? undefined : { v6: true, value: v6 };
}

export function parseCidr(text: string): Cidr | undefined {
  const [addr, len, extra] = text.split('/');
  if (extra !== undefined) return undefined;
  const ip = parseIp(addr);
  if (!ip) return undefined;
  const bits = ip.v6 ? 128 : 32;
  if (len !== undefined && !/^(?:0|[1-9]\d{0,2})$/.test(len)) return undefined;
  const prefix = len === undefined ? bits : Number(len);
  if (prefix > bits) return undefined;
  const all = (1n << BigInt(bits)) - 1n;
  const mask = prefix === 0 ? 0n : (all >> BigInt(bits - prefix)) << BigInt(bits - prefix);
  const base = ip.value & mask;
  return ip.v6 ? { v6: true, base, mask } : { v6: false, base, mask, base4: Number(base), mask4: Number(mask) };
}

export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.v6 !== ip.v6) return false;
  if (ip.v4 !== undefined && cidr.mask4 !== undefined) return ((ip.v4 & cidr.mask4) >>> 0) === cidr.base4;
  return (ip.value & cidr.mask) === cidr.base;
}
