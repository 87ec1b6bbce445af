// AWS::EC2::Instance: launched through RunInstances and waited on until running; Ref is the
// instance's id. Tags update in place; the instance type and user data through a stop, a change of
// attribute and a start, as CloudFormation does; the rest replaces it. Deleting terminates it.
import { toInput } from "./shape.js";
import { tagSpecifications, retagEc2 } from "./ec2Tags.js";
import type { Progress, ProviderContext, ResourceProvider } from "./provider.js";
import type { ResourceRecord } from "../context.js";

const describe = (id: string, pc: ProviderContext) => pc.call("ec2", "DescribeInstances", { InstanceIds: [id] }).Reservations?.[0]?.Instances?.[0];

function attributes(i: Record<string, any>) {
  return {
    InstanceId: i.InstanceId,
    AvailabilityZone: i.Placement?.AvailabilityZone,
    PrivateIp: i.PrivateIpAddress,
    PrivateDnsName: i.PrivateDnsName ?? "",
    PublicIp: i.PublicIpAddress ?? "",
    PublicDnsName: i.PublicDnsName ?? "",
    VpcId: i.VpcId,
  };
}

function launchInput(props: Record<string, any>, pc: ProviderContext) {
  const { Tags, IamInstanceProfile, SecurityGroupIds, AvailabilityZone, Tenancy, ...rest } = props;
  return {
    ...toInput("ec2", "RunInstances", rest),
    MinCount: 1,
    MaxCount: 1,
    ...(SecurityGroupIds ? { SecurityGroupIds } : {}),
    ...(IamInstanceProfile !== undefined ? { IamInstanceProfile: String(IamInstanceProfile).startsWith("arn:") ? { Arn: IamInstanceProfile } : { Name: IamInstanceProfile } } : {}),
    ...(AvailabilityZone !== undefined || Tenancy !== undefined ? { Placement: { ...(AvailabilityZone ? { AvailabilityZone } : {}), ...(Tenancy ? { Tenancy } : {}) } } : {}),
    ...tagSpecifications("instance", Tags, pc),
  };
}

export const provider: ResourceProvider = {
  type: "AWS::EC2::Instance",
  operations: { ec2: ["RunInstances", "TerminateInstances", "DescribeInstances", "StopInstances", "StartInstances", "ModifyInstanceAttribute", "CreateTags", "DeleteTags"] },
  attributes: ["AvailabilityZone", "InstanceId", "PrivateDnsName", "PrivateIp", "PublicDnsName", "PublicIp", "VpcId"],
  replaceOn: ["ImageId", "SubnetId", "AvailabilityZone", "KeyName", "NetworkInterfaces", "PrivateIpAddress", "SecurityGroups", "Tenancy", "LaunchTemplate", "IamInstanceProfile", "BlockDeviceMappings", "CpuOptions", "HibernationOptions"],
  taggable: true,
  create(props, pc) {
    const i = pc.call("ec2", "RunInstances", launchInput(props, pc)).Instances[0];
    return { physicalId: i.InstanceId, attributes: attributes(i) };
  },
  update(props, old: ResourceRecord, pc) {
    const id = old.physicalId!;
    const before = old.properties ?? {};
    const changed = (k: string) => JSON.stringify(props[k]) !== JSON.stringify(before[k]);
    if (changed("SecurityGroupIds")) pc.call("ec2", "ModifyInstanceAttribute", { InstanceId: id, Groups: props.SecurityGroupIds ?? [] });
    retagEc2(pc, id, before.Tags as never, props.Tags);
    // The type and the user data change only while the instance is stopped: stop now, change and
    // start again once it is (settle).
    const pending: Record<string, unknown> = {};
    if (changed("InstanceType")) pending.InstanceType = props.InstanceType;
    if (changed("UserData")) pending.UserData = props.UserData ?? "";
    if (Object.keys(pending).length) pc.call("ec2", "StopInstances", { InstanceIds: [id] });
    return { physicalId: id, attributes: { ...attributes(describe(id, pc)), ...(Object.keys(pending).length ? { Pending: pending } : {}) } };
  },
  settle(record, pc, act = true): Progress {
    const i = describe(record.physicalId!, pc);
    const state = i?.State?.Name;
    const pending = record.attributes.Pending as Record<string, unknown> | undefined;
    if (pending) {
      if (state !== "stopped") return "wait";
      if (!act) return "done";
      const id = record.physicalId!;
      if (pending.InstanceType !== undefined) pc.call("ec2", "ModifyInstanceAttribute", { InstanceId: id, InstanceType: { Value: pending.InstanceType } });
      if (pending.UserData !== undefined) pc.call("ec2", "ModifyInstanceAttribute", { InstanceId: id, UserData: { Value: pending.UserData } });
      pc.call("ec2", "StartInstances", { InstanceIds: [id] });
      delete record.attributes.Pending;
      return "wait";
    }
    if (state === "running") {
      if (!act) return "done";
      record.attributes = attributes(i);
      return "done";
    }
    if (state === "terminated" || state === "shutting-down") return { failed: pc.handlerMessage(`Instance ${record.physicalId} went to ${state}.`, "NotStabilized") };
    return "wait";
  },
  delete(record, pc) {
    pc.call("ec2", "TerminateInstances", { InstanceIds: [record.physicalId!] });
  },
  settleDelete(record, pc): Progress {
    const s = describe(record.physicalId!, pc)?.State?.Name;
    return s === undefined || s === "terminated" ? "done" : "wait";
  },
};
