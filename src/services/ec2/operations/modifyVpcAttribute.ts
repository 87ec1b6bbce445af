import type { Handler } from "../context.js";
import { AwsError } from "../../../protocol/errors.js";
import { ec2Errors } from "../domain/errors.js";
import { findVpc } from "../domain/network.js";
import { refreshPublicDnsNames } from "../domain/publicAddresses.js";

export const modifyVpcAttribute: Handler<"ModifyVpcAttribute"> = (input, ctx) => {
  const rec = findVpc(ctx.state, input.VpcId);
  const named = { enableDnsSupport: input.EnableDnsSupport, enableDnsHostnames: input.EnableDnsHostnames, enableNetworkAddressUsageMetrics: input.EnableNetworkAddressUsageMetrics };
  const givenNames = Object.entries(named).filter(([, v]) => v !== undefined).map(([k]) => k);
  const given = givenNames.map((k) => named[k as keyof typeof named]);
  if (given.length > 1) throw ec2Errors.combination(`Fields for multiple attribute types specified: ${givenNames.join(", ")}`);
  if (given.length === 0) throw new AwsError("MissingParameter", "The request must contain the parameter EnableDnsSupport, EnableDnsHostnames or EnableNetworkAddressUsageMetrics");
  const value = (given[0]!.Value ?? false) === true;
  if (input.EnableDnsHostnames && value && !rec.enableDnsSupport) {
    throw ec2Errors.invalidParameter("Cannot enable DNS hostnames for a VPC whose DNS support is disabled.");
  }
  if (input.EnableDnsSupport) rec.enableDnsSupport = value;
  if (input.EnableDnsHostnames) {
    rec.enableDnsHostnames = value;
    refreshPublicDnsNames(ctx.state, rec.vpc.VpcId!);
  }
  if (input.EnableNetworkAddressUsageMetrics) rec.enableNetworkAddressUsageMetrics = value;
  return {};
};
