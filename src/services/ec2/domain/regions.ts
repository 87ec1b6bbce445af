// The regions of AWS's commercial partition (botocore's partitions.json), and whether an account
// must opt in to each: the 17 regions enabled by default answer `opt-in-not-required` (aws/aws-cli
// `describe-regions.rst`); the later ones answer `not-opted-in`, as for a new account.
export const DEFAULT_REGIONS = [
  "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ca-central-1", "eu-central-1", "eu-north-1",
  "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
];

export const OPT_IN_REGIONS = [
  "af-south-1", "ap-east-1", "ap-east-2", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-west-1",
  "eu-central-2", "eu-south-1", "eu-south-2", "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
];

export function optInStatus(region: string): string | undefined {
  if (DEFAULT_REGIONS.includes(region)) return "opt-in-not-required";
  if (OPT_IN_REGIONS.includes(region)) return "not-opted-in";
  return undefined;
}
