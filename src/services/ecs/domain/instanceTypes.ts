// The instance type table is EC2's (DescribeInstanceTypes answers from it); ECS registers instances by it.
export * from "../../ec2/domain/instanceTypes.js";
