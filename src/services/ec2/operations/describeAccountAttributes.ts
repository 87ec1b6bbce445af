import type { Handler } from "../context.js";
import type { AccountAttribute } from "../generated/types.js";
import { defaultVpc } from "../domain/network.js";

/**
 * An account of today (EC2-Classic retired): VPC only, its default VPC (or `none` once deleted), and
 * the values the AWS CLI's example shows for the old limits.
 */
export const describeAccountAttributes: Handler<"DescribeAccountAttributes"> = (input, ctx) => {
  const values: Record<string, string[]> = {
    "vpc-max-security-groups-per-interface": ["5"],
    "max-instances": ["20"],
    "supported-platforms": ["VPC"],
    "default-vpc": [defaultVpc(ctx.state)?.vpc.VpcId ?? "none"],
    "max-elastic-ips": ["5"],
    "vpc-max-elastic-ips": ["5"],
  };
  const names = input.AttributeNames?.length ? input.AttributeNames : Object.keys(values);
  const attributes: AccountAttribute[] = names.filter((n) => values[n]).map((n) => ({ AttributeName: n, AttributeValues: values[n].map((v) => ({ AttributeValue: v })) }));
  return { AccountAttributes: attributes };
};
