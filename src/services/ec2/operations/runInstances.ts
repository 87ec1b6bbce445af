import { AwsError } from "../../../protocol/errors.js";
import type { Handler, InstanceRecord } from "../context.js";
import { ec2Id } from "../domain/ids.js";
import { buildInstance } from "../domain/instanceBuild.js";
import { describeInstance, RUN_IF_PENDING } from "../domain/instances.js";
import { applyLaunchTemplate, templateTags } from "../domain/launchRequest.js";
import { planLaunch } from "../domain/launchPlan.js";
import { mapPublicIpAtLaunch } from "../domain/publicAddresses.js";
import { putTags, tagsFor } from "../domain/tags.js";
import { cloneData } from "../../../state/clone.js";

export const runInstances: Handler<"RunInstances"> = (input, ctx) => {
  const { state, backend } = ctx;
  const { request, template } = applyLaunchTemplate(state, input);
  const plan = planLaunch(ctx, request, template);
  const subnet = state.subnets.get(plan.subnetId)!;
  // Addresses for the largest count that fits, at least MinCount.
  const free = subnet.subnet.AvailableIpAddressCount ?? 0;
  if (free < request.MinCount) throw new AwsError("InsufficientFreeAddressesInSubnet", `There are not enough free addresses in subnet '${plan.subnetId}' to satisfy the requested number of instances.`);
  const launched = Math.min(request.MaxCount, free);

  const now = ctx.now();
  const reservationId = ec2Id(state.ids, "r");
  const instanceTags = [...templateTags(template), ...tagsFor(request.TagSpecifications, "instance")];
  const records: InstanceRecord[] = [];
  for (let i = 0; i < launched; i++) {
    const rec = buildInstance(state, plan, i, reservationId, now);
    putTags(state, rec.instance.InstanceId!, instanceTags);
    putTags(state, rec.instance.NetworkInterfaces![0].NetworkInterfaceId!, tagsFor(request.TagSpecifications, "network-interface"));
    for (const m of rec.instance.BlockDeviceMappings ?? []) putTags(state, m.Ebs!.VolumeId!, tagsFor(request.TagSpecifications, "volume"));
    records.push(rec);
  }
  // A copy: the answer shows the launch as it was, whatever the lines below change in the records.
  const answer = cloneData(records.map((r) => describeInstance(state, r)));
  for (const a of answer) a.MetadataOptions!.State = "pending";
  // The answer shows them pending; the clock takes them to running.
  for (const rec of records) {
    rec.timer = backend.timeline.callAfter(backend.config.timings.instancePendingMs, RUN_IF_PENDING, backend, state, rec);
    rec.instance.NetworkInterfaces![0].Attachment!.Status = "attached";
    mapPublicIpAtLaunch(state, rec, plan.associatePublicIp);
  }
  return { ReservationId: reservationId, OwnerId: state.accountId, Groups: [], Instances: answer };
};
