// Where a group launches: the subnets of VPCZoneIdentifier (their zones from EC2) or the zones of
// AvailabilityZones (EC2 picks each zone's default subnet), checked against EC2 at creation.
import { AwsError } from "../../../protocol/errors.js";
import type { AutoScalingBackend, AutoScalingState, GroupSubnet } from "../context.js";
import { asgErrors } from "./errors.js";
import { callEc2 } from "./peers.js";

export interface Placement {
  availabilityZones: string[];
  subnets: GroupSubnet[];
}

export function splitSubnets(vpcZoneIdentifier: string | undefined): string[] {
  return (vpcZoneIdentifier ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
}

function subnetsOf(backend: AutoScalingBackend, state: AutoScalingState, ids: string[]): GroupSubnet[] {
  return ids.map((id) => {
    try {
      const out = callEc2(backend, state, "DescribeSubnets", { SubnetIds: [id] });
      const s = out.Subnets[0];
      return { subnetId: s.SubnetId, zone: s.AvailabilityZone, zoneId: s.AvailabilityZoneId };
    } catch (e) {
      if (e instanceof AwsError && /^InvalidSubnet/.test(e.code)) throw asgErrors.subnetNotFound(id);
      throw e;
    }
  });
}

function checkZones(backend: AutoScalingBackend, state: AutoScalingState, zones: string[]): void {
  const known: string[] = callEc2(backend, state, "DescribeAvailabilityZones", {}).AvailabilityZones.map((z: { ZoneName: string }) => z.ZoneName);
  for (const z of zones) if (!known.includes(z)) throw asgErrors.zoneInvalid(z);
}

/** The group's zones and subnets from its request; the zones follow the subnets when both are given. */
export function placement(backend: AutoScalingBackend, state: AutoScalingState, vpcZoneIdentifier: string | undefined, zones: string[] | undefined): Placement {
  const ids = splitSubnets(vpcZoneIdentifier);
  if (ids.length) {
    const subnets = subnetsOf(backend, state, [...new Set(ids)]);
    const subnetZones = [...new Set(subnets.map((s) => s.zone))];
    if (zones?.length && (new Set(zones).size !== subnetZones.length || zones.some((z) => !subnetZones.includes(z)))) throw asgErrors.zonesMismatch();
    return { availabilityZones: subnetZones.sort(), subnets };
  }
  if (!zones?.length) throw asgErrors.noZones();
  checkZones(backend, state, zones);
  return { availabilityZones: [...new Set(zones)].sort(), subnets: [] };
}
