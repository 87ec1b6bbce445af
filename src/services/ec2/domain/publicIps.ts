// Public IPv4 addresses: drawn from the three documentation ranges (RFC 5737: 192.0.2.0/24,
// 198.51.100.0/24, 203.0.113.0/24), which AWS's own examples use and which reach nothing real, at a
// seeded random place; each address is held by one Elastic IP or one network interface at a time.
import type { Ec2State } from "../context.js";

const RANGES = ["192.0.2", "198.51.100", "203.0.113"];
/** .1 to .254 of each range. */
const PER_RANGE = 254;
const POOL_SIZE = RANGES.length * PER_RANGE;

function addressAt(i: number): string {
  return `${RANGES[Math.floor(i / PER_RANGE)]}.${(i % PER_RANGE) + 1}`;
}

// Written once: when the pool is spent (a run of launches in default subnets spends it), each launch
// looks at every address, and building each text anew cost more than the lookups. Written at the
// first launch, not at start: 762 texts made by code not yet compiled took 2 ms of every start.
let pool: string[] | undefined;

/** A free public address, now held by `holder`; undefined when the pool is spent. */
export function takePublicIp(state: Ec2State, holder: string): string | undefined {
  const start = Math.floor(state.ids.random() * POOL_SIZE);
  pool ??= Array.from({ length: POOL_SIZE }, (_, i) => addressAt(i));
  for (let k = 0; k < POOL_SIZE; k++) {
    const ip = pool[(start + k) % POOL_SIZE];
    if (state.publicIps.has(ip)) continue;
    state.publicIps.set(ip, holder);
    return ip;
  }
  return undefined;
}

export function releasePublicIp(state: Ec2State, ip: string): void {
  state.publicIps.delete(ip);
}

/** `ec2-203-0-113-25.compute-1.amazonaws.com` in us-east-1, `ec2-….<region>.compute.amazonaws.com` elsewhere. */
export function publicDnsName(region: string, ip: string): string {
  return `ec2-${ip.replace(/\./g, "-")}.${region === "us-east-1" ? "compute-1" : `${region}.compute`}.amazonaws.com`;
}
