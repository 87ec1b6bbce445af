import type { Handler } from "../context.js";
import { findInstances } from "../domain/instanceIds.js";

/** Members not given keep their values; the answer says `pending`, DescribeInstances `applied`. */
export const modifyInstanceMetadataOptions: Handler<"ModifyInstanceMetadataOptions"> = (input, ctx) => {
  const [rec] = findInstances(ctx.state, [input.InstanceId]);
  const m = rec.instance.MetadataOptions ?? {};
  rec.instance.MetadataOptions = {
    State: "applied",
    HttpTokens: input.HttpTokens ?? m.HttpTokens ?? "optional",
    HttpPutResponseHopLimit: input.HttpPutResponseHopLimit ?? m.HttpPutResponseHopLimit ?? 1,
    HttpEndpoint: input.HttpEndpoint ?? m.HttpEndpoint ?? "enabled",
    HttpProtocolIpv6: input.HttpProtocolIpv6 ?? m.HttpProtocolIpv6 ?? "disabled",
    InstanceMetadataTags: input.InstanceMetadataTags ?? m.InstanceMetadataTags ?? "disabled",
  };
  return { InstanceId: input.InstanceId, InstanceMetadataOptions: { ...rec.instance.MetadataOptions, State: "pending" } };
};
