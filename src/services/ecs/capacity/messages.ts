// ECS's texts for Auto Scaling group capacity providers (sources in FIDELITY.md, "ECS capacity providers on Auto Scaling groups").

export const capacityMessages = {
  /** Seen: ansible/ansible#68625, aws/containers-roadmap#653, hashicorp/terraform-provider-aws#11338. */
  terminationProtectionInvalid:
    "The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.",
  /** Chosen: no answer of ECS for a group it cannot find was found. */
  groupNotFound: (ref: string) => `The specified Auto Scaling group ${ref} could not be found. Specify a valid Auto Scaling group name or ARN and try again.`,
  /** Chosen, in the words of the other capacity provider texts. */
  groupArnInvalid: "The specified Auto Scaling group ARN is invalid. Specify a valid Auto Scaling group ARN and try again.",
  groupInUse: "The specified Auto Scaling group ARN is already being used by another capacity provider. Specify a unique Auto Scaling group ARN and try again.",
  /** Chosen: the documented rule (a provider with managed scaling on serves one cluster at a time), in ECS's style. */
  managedScalingElsewhere: (name: string, cluster: string) =>
    `The capacity provider ${name} has managed scaling enabled and is already associated with cluster ${cluster}. A capacity provider with managed scaling enabled can only be associated with one cluster.`,
};

/** The stop reasons of a task that waited for capacity that never came (the Developer Guide's API failure reasons). */
export const waitFailures = {
  empty: "EMPTY CAPACITY PROVIDER",
  noActive: "NO ACTIVE INSTANCES",
};
