import type { Handler, InstanceRecord } from "../context.js";
import type { InstanceAttribute, InstanceAttributeName } from "../generated/types.js";
import { findInstances } from "../domain/instanceIds.js";

/** One attribute of the instance, in the member DescribeInstanceAttribute answers it in; absent values are empty. */
const READ: Record<InstanceAttributeName, (r: InstanceRecord) => InstanceAttribute> = {
  instanceType: (r) => ({ InstanceType: { Value: r.instance.InstanceType } }),
  kernel: (r) => ({ KernelId: r.instance.KernelId !== undefined ? { Value: r.instance.KernelId } : {} }),
  ramdisk: (r) => ({ RamdiskId: r.instance.RamdiskId !== undefined ? { Value: r.instance.RamdiskId } : {} }),
  userData: (r) => ({ UserData: r.userData !== undefined ? { Value: r.userData } : {} }),
  disableApiTermination: (r) => ({ DisableApiTermination: { Value: r.settings?.disableApiTermination ?? false } }),
  disableApiStop: (r) => ({ DisableApiStop: { Value: r.settings?.disableApiStop ?? false } }),
  instanceInitiatedShutdownBehavior: (r) => ({ InstanceInitiatedShutdownBehavior: { Value: r.settings?.shutdownBehavior ?? "stop" } }),
  rootDeviceName: (r) => ({ RootDeviceName: { Value: r.instance.RootDeviceName } }),
  blockDeviceMapping: (r) => ({ BlockDeviceMappings: structuredClone(r.instance.BlockDeviceMappings ?? []) }),
  productCodes: (r) => ({ ProductCodes: structuredClone(r.instance.ProductCodes ?? []) }),
  sourceDestCheck: (r) => ({ SourceDestCheck: { Value: r.instance.SourceDestCheck ?? true } }),
  groupSet: (r) => ({ Groups: structuredClone(r.instance.SecurityGroups ?? []) }),
  ebsOptimized: (r) => ({ EbsOptimized: { Value: r.instance.EbsOptimized ?? false } }),
  sriovNetSupport: (r) => ({ SriovNetSupport: r.instance.SriovNetSupport !== undefined ? { Value: r.instance.SriovNetSupport } : {} }),
  enaSupport: (r) => ({ EnaSupport: { Value: r.instance.EnaSupport ?? false } }),
  enclaveOptions: (r) => ({ EnclaveOptions: { Enabled: r.instance.EnclaveOptions?.Enabled ?? false } }),
};

export const describeInstanceAttribute: Handler<"DescribeInstanceAttribute"> = (input, ctx) => {
  const [rec] = findInstances(ctx.state, [input.InstanceId]);
  return { InstanceId: rec.instance.InstanceId, ...READ[input.Attribute](rec) };
};
