import type { Handler } from "../context.js";
import { ec2Errors } from "../domain/errors.js";
import { findVpc } from "../domain/network.js";

export const modifyVpcAttribute: Handler<"ModifyVpcAttribute"> = (input, ctx) => {
  const rec = findVpc(ctx.state, input.VpcId);
  const given = [input.EnableDnsSupport, input.EnableDnsHostnames, input.EnableNetworkAddressUsageMetrics].filter((a) => a !== undefined);
  if (given.length !== 1) throw ec2Errors.combination("Fields for multiple attribute types specified: enableDnsSupport, enableDnsHostnames");
  const value = (given[0]!.Value ?? false) === true;
  if (input.EnableDnsHostnames && value && !rec.enableDnsSupport) {
    throw ec2Errors.invalidParameter("Cannot enable DNS hostnames for a VPC whose DNS support is disabled.");
  }
  if (input.EnableDnsSupport) rec.enableDnsSupport = value;
  if (input.EnableDnsHostnames) rec.enableDnsHostnames = value;
  if (input.EnableNetworkAddressUsageMetrics) rec.enableNetworkAddressUsageMetrics = value;
  return {};
};
