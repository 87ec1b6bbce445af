import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import type { Volume } from "../generated/types.js";
import { describePage } from "../domain/describe.js";
import { checkFilters, type FilterValues } from "../domain/filters.js";

const att = (v: Volume) => v.Attachments ?? [];

const FILTERS: FilterValues<Volume> = {
  "attachment.attach-time": (v) => att(v).map((a) => new Date(a.AttachTime! * 1000).toISOString()),
  "attachment.delete-on-termination": (v) => att(v).map((a) => a.DeleteOnTermination),
  "attachment.device": (v) => att(v).map((a) => a.Device),
  "attachment.instance-id": (v) => att(v).map((a) => a.InstanceId),
  "attachment.status": (v) => att(v).map((a) => a.State),
  "availability-zone": (v) => v.AvailabilityZone,
  "availability-zone-id": (v) => v.AvailabilityZoneId,
  "create-time": (v) => new Date(v.CreateTime! * 1000).toISOString(),
  encrypted: (v) => v.Encrypted,
  "fast-restored": () => false,
  "multi-attach-enabled": (v) => v.MultiAttachEnabled,
  size: (v) => v.Size,
  "snapshot-id": (v) => v.SnapshotId,
  status: (v) => v.State,
  "volume-id": (v) => v.VolumeId,
  "volume-type": (v) => v.VolumeType,
};

export const describeVolumes: Handler<"DescribeVolumes"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, FILTERS);
  for (const id of input.VolumeIds ?? []) {
    if (!/^vol-[0-9a-f]{8,17}$/.test(id)) throw new AwsError("InvalidVolumeID.Malformed", `Invalid id: "${id}" (expecting "vol-...")`);
    if (!state.volumes.has(id)) throw new AwsError("InvalidVolume.NotFound", `The volume '${id}' does not exist.`);
  }
  const ids = input.VolumeIds?.length ? new Set(input.VolumeIds) : undefined;
  const page = describePage(state, state.volumes.values(), (v) => v.VolumeId!, (v) => v, { ids, filters: input.Filters, maxResults: input.MaxResults, nextToken: input.NextToken }, FILTERS);
  return { Volumes: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
