// The pseudo parameters every template can Ref.
export const PSEUDO_PARAMETERS = new Set(["AWS::AccountId", "AWS::Region", "AWS::StackName", "AWS::StackId", "AWS::Partition", "AWS::URLSuffix", "AWS::NoValue", "AWS::NotificationARNs"]);
