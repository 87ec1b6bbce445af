// What ModifyInstanceAttribute may change, one attribute per call, and which changes need the
// instance stopped (type, user data, EBS optimization, kernel, RAM disk, ENA, SR-IOV), as EC2 has it.
import { AwsError } from "../../../protocol/errors.js";
import type { Ec2State, InstanceRecord } from "../context.js";
import type { Instance, ModifyInstanceAttributeRequest } from "../generated/types.js";
import { computeErrors } from "./computeErrors.js";
import { defaultCredits, isBurstable } from "./credits.js";
import { ec2Errors } from "./errors.js";
import { instanceTypeInfo } from "./instanceTypes.js";
import { checkUserData } from "./launchNetwork.js";
import { setDeleteOnTermination } from "./volumes.js";

/** One attribute's change: whether the instance must be stopped for it, and how it applies. */
interface Change {
  name: string;
  stopped: boolean;
  /** Checks first (a refused request changes nothing), then answers the change to make. */
  check(state: Ec2State, rec: InstanceRecord): () => void;
}

const bool = (v: string) => v === "true";

function typeChange(type: string): Change {
  return {
    name: "instanceType",
    stopped: true,
    check: (_state, rec) => {
      const info = instanceTypeInfo(type);
      if (!info) throw new AwsError("InvalidInstanceAttributeValue", `The instance type '${type}' is not valid.`);
      if (rec.instance.Architecture && info.architecture !== rec.instance.Architecture) {
        throw new AwsError("InvalidInstanceAttributeValue", `The architecture '${info.architecture}' of the instance type '${type}' does not match the architecture '${rec.instance.Architecture}' of the instance.`);
      }
      return () => {
        rec.instance.InstanceType = type as Instance["InstanceType"];
        const threads = info.vcpus > 1 && info.architecture === "x86_64" ? 2 : 1;
        rec.instance.CpuOptions = { CoreCount: Math.max(1, Math.floor(info.vcpus / threads)), ThreadsPerCore: threads };
        // Settings are shared between instances launched alike (frozen): replaced, never edited.
        const { cpuCredits, ...rest } = rec.settings!;
        rec.settings = isBurstable(type) ? { ...rest, cpuCredits: cpuCredits ?? defaultCredits(type) } : rest;
      };
    },
  };
}

function groupsChange(ids: string[]): Change {
  return {
    name: "groupSet",
    stopped: false,
    check: (state, rec) => {
      if (!ids.length) throw ec2Errors.invalidParameter("You must specify at least one security group.");
      const vpcId = rec.instance.VpcId ?? "";
      const groups = ids.map((id) => {
        const g = state.securityGroups.get(id);
        if (!g || g.VpcId !== vpcId) throw ec2Errors.groupNotFoundInVpc(id, vpcId);
        return { GroupId: g.GroupId, GroupName: g.GroupName };
      });
      return () => {
        rec.instance.SecurityGroups = groups;
        const primary = rec.instance.NetworkInterfaces?.find((n) => n.Attachment?.DeviceIndex === 0);
        if (!primary) return;
        primary.Groups = structuredClone(groups);
        const eni = state.networkInterfaces.get(primary.NetworkInterfaceId ?? "");
        if (eni) eni.Groups = structuredClone(groups);
      };
    },
  };
}

function sourceDestChange(value: boolean): Change {
  return {
    name: "sourceDestCheck",
    stopped: false,
    check: (state, rec) => () => {
      rec.instance.SourceDestCheck = value;
      for (const n of rec.instance.NetworkInterfaces ?? []) {
        n.SourceDestCheck = value;
        const eni = state.networkInterfaces.get(n.NetworkInterfaceId ?? "");
        if (eni) eni.SourceDestCheck = value;
      }
    },
  };
}

const simple = (name: string, stopped: boolean, apply: (rec: InstanceRecord) => void, check?: () => void): Change => ({
  name,
  stopped,
  check: (_state, rec) => {
    check?.();
    return () => apply(rec);
  },
});

function shutdownChange(value: string): Change {
  return simple(
    "instanceInitiatedShutdownBehavior",
    false,
    (rec) => (rec.settings = { ...rec.settings!, shutdownBehavior: value as "stop" | "terminate" }),
    () => {
      if (value !== "stop" && value !== "terminate") throw ec2Errors.invalidParameter(`Value (${value}) for parameter instanceInitiatedShutdownBehavior is invalid. Valid values: stop, terminate`);
    },
  );
}

/** The changes a request asks for, by attribute name (the Attribute/Value form or the structured members). */
export function requestedChanges(input: ModifyInstanceAttributeRequest): Change[] {
  const out: Change[] = [];
  const v = input.Value;
  const attr = input.Attribute;
  const type = input.InstanceType?.Value ?? (attr === "instanceType" ? v : undefined);
  if (type !== undefined) out.push(typeChange(type));
  const userData = input.UserData?.Value ?? (attr === "userData" ? v : undefined);
  if (userData !== undefined) out.push(simple("userData", true, (rec) => (rec.userData = userData), () => checkUserData(userData)));
  if (input.Groups?.length) out.push(groupsChange(input.Groups));
  const term = input.DisableApiTermination?.Value ?? (attr === "disableApiTermination" && v !== undefined ? bool(v) : undefined);
  if (term !== undefined) out.push(simple("disableApiTermination", false, (rec) => (rec.settings = { ...rec.settings!, disableApiTermination: term })));
  const stop = input.DisableApiStop?.Value ?? (attr === "disableApiStop" && v !== undefined ? bool(v) : undefined);
  if (stop !== undefined) out.push(simple("disableApiStop", false, (rec) => (rec.settings = { ...rec.settings!, disableApiStop: stop })));
  const shutdown = input.InstanceInitiatedShutdownBehavior?.Value ?? (attr === "instanceInitiatedShutdownBehavior" ? v : undefined);
  if (shutdown !== undefined) out.push(shutdownChange(shutdown));
  const sdc = input.SourceDestCheck?.Value ?? (attr === "sourceDestCheck" && v !== undefined ? bool(v) : undefined);
  if (sdc !== undefined) out.push(sourceDestChange(sdc));
  const ebs = input.EbsOptimized?.Value ?? (attr === "ebsOptimized" && v !== undefined ? bool(v) : undefined);
  if (ebs !== undefined) out.push(simple("ebsOptimized", true, (rec) => (rec.instance.EbsOptimized = ebs)));
  const ena = input.EnaSupport?.Value;
  if (ena !== undefined) out.push(simple("enaSupport", true, (rec) => (rec.instance.EnaSupport = ena)));
  const sriov = input.SriovNetSupport?.Value ?? (attr === "sriovNetSupport" ? v : undefined);
  if (sriov !== undefined) out.push(simple("sriovNetSupport", true, (rec) => (rec.instance.SriovNetSupport = sriov)));
  const kernel = input.Kernel?.Value ?? (attr === "kernel" ? v : undefined);
  if (kernel !== undefined) out.push(simple("kernel", true, (rec) => (rec.instance.KernelId = kernel)));
  const ramdisk = input.Ramdisk?.Value ?? (attr === "ramdisk" ? v : undefined);
  if (ramdisk !== undefined) out.push(simple("ramdisk", true, (rec) => (rec.instance.RamdiskId = ramdisk)));
  if (input.BlockDeviceMappings?.length) out.push(devicesChange(input.BlockDeviceMappings));
  return out;
}

function devicesChange(mappings: NonNullable<ModifyInstanceAttributeRequest["BlockDeviceMappings"]>): Change {
  return {
    name: "blockDeviceMapping",
    stopped: false,
    check: (state, rec) => {
      for (const m of mappings) {
        if (!rec.instance.BlockDeviceMappings?.some((b) => b.DeviceName === m.DeviceName)) {
          throw new AwsError("InvalidInstanceAttributeValue", `No device is currently mapped at ${m.DeviceName}`);
        }
      }
      return () => {
        for (const m of mappings) setDeleteOnTermination(state, rec, m.DeviceName!, m.Ebs?.DeleteOnTermination ?? true);
      };
    },
  };
}

/** Applies the one change asked for, or refuses it with EC2's error and changes nothing. */
export function modifyInstance(state: Ec2State, rec: InstanceRecord, input: ModifyInstanceAttributeRequest): void {
  const changes = requestedChanges(input);
  if (changes.length > 1) throw ec2Errors.combination(`Fields for multiple attribute types specified: ${changes.map((c) => c.name).join(", ")}`);
  if (!changes.length) throw new AwsError("MissingParameter", "The request must contain the parameter attribute or a value to change");
  const [change] = changes;
  if (change.stopped && rec.instance.State?.Name !== "stopped") throw computeErrors.incorrectState(rec.instance.InstanceId!, "stopped");
  change.check(state, rec)();
}
