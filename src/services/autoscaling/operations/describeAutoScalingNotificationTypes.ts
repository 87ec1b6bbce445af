import type { Handler } from "../context.js";

export const describeAutoScalingNotificationTypes: Handler<"DescribeAutoScalingNotificationTypes"> = () => ({
  AutoScalingNotificationTypes: ["autoscaling:EC2_INSTANCE_LAUNCH", "autoscaling:EC2_INSTANCE_LAUNCH_ERROR", "autoscaling:EC2_INSTANCE_TERMINATE", "autoscaling:EC2_INSTANCE_TERMINATE_ERROR", "autoscaling:TEST_NOTIFICATION"],
});
