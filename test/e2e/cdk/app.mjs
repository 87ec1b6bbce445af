// The CDK app the end-to-end test deploys: a Fargate service behind an Application Load Balancer
// (aws-ecs-patterns) in a new VPC, with service auto scaling. CDK_SYNTHESIZER=legacy deploys
// without a bootstrap stack (the template goes inline); anything else uses the default synthesizer.
// WEB_COUNT changes the desired count, so the test can deploy an update.
import { App, DefaultStackSynthesizer, LegacyStackSynthesizer, Stack } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as ecs from "aws-cdk-lib/aws-ecs";
import * as patterns from "aws-cdk-lib/aws-ecs-patterns";

const app = new App();
const legacy = process.env.CDK_SYNTHESIZER === "legacy";
const stack = new Stack(app, process.env.STACK_NAME ?? "EcsLocalWeb", {
  synthesizer: legacy ? new LegacyStackSynthesizer() : new DefaultStackSynthesizer(),
});
const vpc = new ec2.Vpc(stack, "Vpc", { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, "Cluster", { vpc });
const web = new patterns.ApplicationLoadBalancedFargateService(stack, "Web", {
  cluster,
  cpu: 256,
  memoryLimitMiB: 512,
  desiredCount: Number(process.env.WEB_COUNT ?? 2),
  taskImageOptions: { image: ecs.ContainerImage.fromRegistry("public.ecr.aws/nginx/nginx:latest"), containerPort: 80 },
});
web.service.autoScaleTaskCount({ minCapacity: 1, maxCapacity: 4 }).scaleOnCpuUtilization("Cpu", { targetUtilizationPercent: 50 });
app.synth();
