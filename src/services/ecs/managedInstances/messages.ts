// ECS's texts for Managed Instances capacity providers. None was found in public output for these
// checks; each is chosen in the words of ECS's other capacity provider texts (FIDELITY.md, Managed
// Instances capacity providers).

export const miMessages = {
  bothProviders: "Only one of autoScalingGroupProvider or managedInstancesProvider can be specified. Specify one and try again.",
  neither: "An Auto Scaling group provider or a Managed Instances provider must be specified to create a capacity provider.",
  clusterRequired: "The cluster parameter is required when you create a capacity provider with Amazon ECS Managed Instances.",
  clusterNotAllowed: "The cluster parameter is only supported for Amazon ECS Managed Instances capacity providers.",
  notManagedInstances: "The capacity provider does not use Amazon ECS Managed Instances.",
  otherCluster: (name: string, cluster: string) => `The capacity provider ${name} belongs to cluster ${cluster}. A Managed Instances capacity provider can only be used in its cluster.`,
  roleNotFound: (arn: string) => `The specified infrastructure role ${arn} does not exist. Specify a valid IAM role ARN and try again.`,
  profileNotFound: (arn: string) => `The specified instance profile ${arn} does not exist. Specify a valid instance profile ARN and try again.`,
  vcpuMin: "The minimum vCpuCount must be at least 1.",
  rangeNegative: (name: string) => `The minimum ${name} cannot be negative.`,
  rangeInverted: (name: string) => `The maximum ${name} must be greater than or equal to the minimum ${name}.`,
  allowedAndExcluded: "You can specify allowedInstanceTypes or excludedInstanceTypes, but not both.",
  scaleInAfter: "The scaleInAfter value must be -1 or between 0 and 3600.",
  launchTypeWithoutProvider: "No Amazon ECS Managed Instances capacity provider is associated with the cluster. Associate one with the cluster, or specify a capacity provider strategy.",
  networkMode: "Tasks on Amazon ECS Managed Instances must use the awsvpc or host network mode.",
};
