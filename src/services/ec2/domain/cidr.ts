// IPv4 CIDR blocks as numbers: parsing, containment, overlap and addresses within.

export interface Cidr {
  base: number;
  bits: number;
}

export function ipToNumber(ip: string): number | undefined {
  const parts = ip.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/** A block written `a.b.c.d/n`; undefined when it is not one. */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^([0-9.]+)\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const ip = ipToNumber(m[1]);
  const bits = Number(m[2]);
  if (ip === undefined || bits > 32) return undefined;
  return { base: ip, bits };
}

export function size(c: Cidr): number {
  return 2 ** (32 - c.bits);
}

/** The block's first address (host bits cleared). */
export function network(c: Cidr): number {
  return c.base - (c.base % size(c));
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.bits >= outer.bits && network(inner) >= network(outer) && network(inner) + size(inner) <= network(outer) + size(outer);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return network(a) < network(b) + size(b) && network(b) < network(a) + size(a);
}

export function formatCidr(c: Cidr): string {
  return `${numberToIp(network(c))}/${c.bits}`;
}

/** EC2 keeps the first four addresses and the last of every subnet for itself. */
export const RESERVED_PER_SUBNET = 5;
