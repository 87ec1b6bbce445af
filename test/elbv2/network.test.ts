// The seam with EC2: what ELBv2 concludes from the subnets, groups and instances EC2 reports.
import { describe, expect, it } from "vitest";
import { resolveSubnets, type NetworkDirectory } from "../../src/services/elbv2/domain/network.js";
import { checkRunning, placeTargets } from "../../src/services/elbv2/domain/targetIds.js";

/** A directory as EC2 would answer it: two subnets in one zone, one in another VPC, a stopped instance. */
const ec2: NetworkDirectory = {
  subnet: (id) =>
    ({
      "subnet-0000000a": { subnetId: id, availabilityZone: "us-east-1a", vpcId: "vpc-00000001" },
      "subnet-0000000b": { subnetId: id, availabilityZone: "us-east-1a", vpcId: "vpc-00000001" },
      "subnet-0000000c": { subnetId: id, availabilityZone: "us-east-1b", vpcId: "vpc-00000001" },
      "subnet-0000000d": { subnetId: id, availabilityZone: "us-east-1c", vpcId: "vpc-00000002" },
    })[id],
  securityGroupVpc: () => "vpc-00000001",
  vpcExists: (id) => id === "vpc-00000001" || id === "vpc-00000002",
  instanceState: (id) => ({ "i-00000001": "running", "i-00000002": "stopped" })[id],
  defaultSecurityGroupId: () => "sg-00000001",
  subnetHolding: (vpcId, ip) => (vpcId === "vpc-00000001" && ip.startsWith("10.0.1.") ? { subnetId: "subnet-0000000c", availabilityZone: "us-east-1b", vpcId } : undefined),
};

describe("subnets of a new load balancer", () => {
  it("takes subnets of two zones in one VPC", () => {
    expect(resolveSubnets(ec2, ["subnet-0000000a", "subnet-0000000c"], "application").map((s) => s.availabilityZone)).toEqual(["us-east-1a", "us-east-1b"]);
  });

  it("refuses unknown subnets, two in one zone, two VPCs", () => {
    expect(() => resolveSubnets(ec2, ["subnet-0000000e", "subnet-0000000c"], "application")).toThrow("The subnet ID 'subnet-0000000e' does not exist");
    expect(() => resolveSubnets(ec2, ["subnet-0000000a", "subnet-0000000b"], "network")).toThrow("A load balancer cannot be attached to multiple subnets in the same Availability Zone");
    expect(() => resolveSubnets(ec2, ["subnet-0000000a", "subnet-0000000d"], "application")).toThrow("Subnets must all be in the same VPC");
  });
});

describe("instance targets", () => {
  it("must be running (AWS's text names every one that is not)", () => {
    expect(() => checkRunning(ec2, "instance", [{ Id: "i-00000001" }])).not.toThrow();
    expect(() => checkRunning(ec2, "instance", [{ Id: "i-00000002" }, { Id: "i-00000003" }, { Id: "i-00000001" }])).toThrow(
      "The following targets are not in a running state and cannot be registered: 'i-00000002', 'i-00000003'",
    );
    expect(() => checkRunning(ec2, "ip", [{ Id: "10.0.0.1" }])).not.toThrow();
  });
});

describe("ip targets", () => {
  it("take the zone of the VPC subnet holding them; outside the VPC they must name one", () => {
    expect(placeTargets(ec2, "ip", "vpc-00000001", [{ Id: "10.0.1.7", Port: 80 }])).toEqual([{ Id: "10.0.1.7", Port: 80, AvailabilityZone: "us-east-1b" }]);
    expect(placeTargets(ec2, "ip", "vpc-00000001", [{ Id: "192.168.0.9", AvailabilityZone: "all" }])).toEqual([{ Id: "192.168.0.9", AvailabilityZone: "all" }]);
    expect(() => placeTargets(ec2, "ip", "vpc-00000001", [{ Id: "192.168.0.9" }])).toThrow("since the IP address '192.168.0.9' is outside the VPC");
  });
});
