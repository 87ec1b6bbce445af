// Fn::Cidr: `count` blocks of `bits` host bits each, carved in order from an IPv4 block.
import { templateError } from "./errors.js";

export function cidr(block: string, count: number, bits: number): string[] {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(block);
  if (!m) throw templateError(`Fn::Cidr: ${block} is not a valid IPv4 CIDR block`);
  const prefix = Number(m[5]);
  const base = m.slice(1, 5).reduce((a, o) => a * 256 + Number(o), 0);
  const newPrefix = 32 - bits;
  if (!Number.isInteger(count) || count < 1 || count > 256 || !Number.isInteger(bits) || bits < 1 || newPrefix < prefix || 2 ** (newPrefix - prefix) < count) {
    throw templateError(`Fn::Cidr: cannot carve ${count} blocks of ${bits} bits from ${block}`);
  }
  const size = 2 ** bits;
  const start = base - (base % 2 ** (32 - prefix));
  return Array.from({ length: count }, (_, i) => `${ip(start + i * size)}/${newPrefix}`);
}

const ip = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
