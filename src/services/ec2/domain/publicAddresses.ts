// Public IPv4 addresses EC2 gives an instance's primary interface at launch (AssociatePublicIpAddress,
// or the subnet's MapPublicIpOnLaunch), and the public DNS names that go with them.
import type { IdSource } from "../../../state/ids.js";

/** An address in 3.80.0.0/12, a block of Amazon's public space, drawn from the service's seeded ids. */
export function publicAddress(ids: IdSource): string {
  const b = ids.bytes(3);
  return `3.${80 + (b[0] & 15)}.${b[1]}.${Math.max(1, Math.min(254, b[2]))}`;
}

/** `ec2-3-85-1-2.compute-1.amazonaws.com` in us-east-1, `ec2-….<region>.compute.amazonaws.com` elsewhere. */
export function publicDnsName(region: string, ip: string): string {
  return `ec2-${ip.replace(/\./g, "-")}.${region === "us-east-1" ? "compute-1.amazonaws.com" : `${region}.compute.amazonaws.com`}`;
}
