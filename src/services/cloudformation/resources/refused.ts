// Types CloudFormation knows that ecs-local cannot run: Lambda functions, the custom resources they
// back, KMS keys, and nested stacks (not run yet). Their create fails with a reason that says why (the stack then rolls back).
import type { ResourceProvider } from "./provider.js";

export function refusedProvider(type: string): ResourceProvider {
  const reason = type.startsWith("AWS::Lambda::")
    ? `ecs-local runs no Lambda functions: ${type} cannot be created.`
    : type.startsWith("AWS::KMS::")
      ? `ecs-local serves no KMS: ${type} cannot be created.`
    : type === "AWS::CloudFormation::Stack"
      ? "ecs-local does not run nested stacks yet: AWS::CloudFormation::Stack cannot be created."
      : `ecs-local runs no Lambda functions or SNS topics, so custom resource ${type} cannot be created.`;
  return {
    type,
    operations: {},
    attributes: [],
    replaceOn: ["*"],
    refuse: reason,
    create() {
      throw new Error(reason);
    },
    delete: () => undefined,
  };
}
