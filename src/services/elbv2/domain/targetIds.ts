// Which targets a group takes: instance ids for `instance` groups, private IPv4 addresses for `ip`.
import { commonErrors } from "../../../protocol/errors.js";
import { InvalidTargetException } from "../generated/errors.js";
import type { TargetDescription } from "../generated/types.js";
import type { NetworkDirectory } from "./network.js";

const INSTANCE_ID = /^i-[0-9a-f]{8}([0-9a-f]{9})?$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** RFC 1918 and RFC 6598 ranges: the addresses an ip target group may take outside its VPC's own. */
function privateIpv4(ip: string): boolean {
  const m = IPV4.exec(ip);
  if (!m) return false;
  const [a, b, c, d] = m.slice(1).map(Number);
  if ([a, b, c, d].some((n) => n > 255)) return false;
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

/** Instances must be running to be registered, as EC2 says they are. */
export function checkRunning(net: NetworkDirectory, targetType: string | undefined, targets: TargetDescription[]): void {
  if (targetType === "ip") return;
  const idle = [...new Set(targets.map((t) => t.Id))].filter((id) => net.instanceState(id) !== "running");
  if (idle.length) throw new InvalidTargetException(`The following targets are not in a running state and cannot be registered: ${idle.map((id) => `'${id}'`).join(", ")}`);
}

export function checkTargets(targetType: string | undefined, targets: TargetDescription[], port: number | undefined): void {
  for (const t of targets) {
    if (targetType === "ip") {
      if (!privateIpv4(t.Id)) throw new InvalidTargetException(`The IP address '${t.Id}' is not a valid IPv4 address in the RFC 1918 or RFC 6598 ranges`);
    } else if (!INSTANCE_ID.test(t.Id)) throw new InvalidTargetException(`The following targets are not valid instance IDs: ${t.Id}`);
    if (t.Port === undefined && port === undefined) throw new InvalidTargetException(`A port must be specified for target '${t.Id}'`);
  }
}

/**
 * An `ip` target in a subnet of the group's VPC takes that subnet's zone unless it names one; one
 * outside the VPC must name its zone (or `all`), as AWS asks.
 */
export function placeTargets(net: NetworkDirectory, targetType: string | undefined, vpcId: string | undefined, targets: TargetDescription[]): TargetDescription[] {
  if (targetType !== "ip" || !vpcId) return targets;
  return targets.map((t) => {
    if (t.AvailabilityZone) return t;
    const s = net.subnetHolding(vpcId, t.Id);
    if (!s) throw commonErrors.validation(`You must specify a valid Availability Zone or select 'all' for all enabled Availability zones, since the IP address '${t.Id}' is outside the VPC`);
    return { ...t, AvailabilityZone: s.availabilityZone };
  });
}
