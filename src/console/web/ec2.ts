// EC2 as the console reads it: the instances behind container instances, by DescribeInstances.
import type { Instance } from "../../services/ec2/generated/types.js";
import { API_VERSION, SIGNING_NAME } from "../../services/ec2/generated/operations.js";
import type { Where } from "./api.js";
import { child, items, Query } from "./query.js";

export function ec2Client(where: Where): Query {
  return new Query(where, SIGNING_NAME, API_VERSION);
}

/** What the container instance page shows of an EC2 instance, read from its <item>. */
function instance(item: Element): Instance {
  const launch = child(item, "launchTime");
  return {
    InstanceId: child(item, "instanceId"),
    InstanceType: child(item, "instanceType") as Instance["InstanceType"],
    State: { Name: child(item, "instanceState", "name") as NonNullable<Instance["State"]>["Name"] },
    PrivateIpAddress: child(item, "privateIpAddress"),
    Placement: { AvailabilityZone: child(item, "placement", "availabilityZone") },
    LaunchTime: launch ? Date.parse(launch) / 1000 : undefined,
    ImageId: child(item, "imageId"),
  };
}

/**
 * The instances among `ids` that EC2 knows, by id. Asked with an `instance-id` filter rather than
 * InstanceId.N so an id EC2 does not know (a container instance registered by hand) is simply
 * absent instead of failing the whole call with InvalidInstanceID.NotFound.
 */
export async function instancesById(ec2: Query, ids: string[]): Promise<Map<string, Instance>> {
  const out = new Map<string, Instance>();
  if (ids.length === 0) return out;
  const filter: [string, string][] = [["Filter.1.Name", "instance-id"], ...ids.map((id, i): [string, string] => [`Filter.1.Value.${i + 1}`, id])];
  let token: string | undefined;
  do {
    const root = await ec2.call("DescribeInstances", [...filter, ...(token ? [["NextToken", token] as [string, string]] : [])]);
    for (const r of items(root, "reservationSet")) for (const i of items(r, "instancesSet")) {
      const inst = instance(i);
      if (inst.InstanceId) out.set(inst.InstanceId, inst);
    }
    token = child(root, "nextToken") || undefined;
  } while (token);
  return out;
}
