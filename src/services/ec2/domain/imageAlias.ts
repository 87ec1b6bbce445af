// `resolve:ssm:<parameter>` in place of an AMI id (launch templates and RunInstances): the image id the
// Systems Manager parameter holds when the instance launches, read through SSM's port.
import { AwsError } from "../../../protocol/errors.js";
import type { Ec2Context } from "../context.js";

const PREFIX = "resolve:ssm:";

export function isImageAlias(imageId: string | undefined): imageId is string {
  return imageId !== undefined && imageId.startsWith(PREFIX);
}

/** The AMI id an alias names now; EC2's refusal when the parameter is missing or holds no image id. */
export function resolveImageAlias(ctx: Ec2Context, alias: string): string {
  const reference = alias.slice(PREFIX.length);
  const found = ctx.backend.peers.ssm.parameterValue(ctx.state.accountId, ctx.state.region, reference);
  if (!found) throw new AwsError("SsmInvalidParameter", `The parameter ${reference} does not exist or you do not have access to it.`);
  if (!/^ami-[0-9a-f]{8,17}$/.test(found.value)) throw new AwsError("SsmInvalidParameter", "Unsupported data type. The following parameter data types are supported: aws:ec2:image");
  return found.value;
}
