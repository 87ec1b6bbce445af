// How the console reads references without asking any service: a task definition's secret sources
// (as the ECS agent tells them apart), role names, Auto Scaling group names, and which console page
// a stack resource's physical id leads to.
import { describe, expect, it } from "vitest";
import { roleName, sourceOf } from "../../src/console/web/references.js";
import { resourceHref } from "../../src/console/web/links.js";
import { groupName } from "../../src/console/web/autoscaling.js";

const here = { accountId: "111122223333", region: "eu-west-1" };

describe("secret sources", () => {
  it("reads a name, a name with a version or label, and an ARN (hierarchical or not) as a parameter", () => {
    expect(sourceOf("/shop/db", here)).toEqual({ kind: "ssm", name: "/shop/db", selector: undefined, where: here, public: false });
    expect(sourceOf("/shop/db:3", here)).toMatchObject({ name: "/shop/db", selector: ":3" });
    expect(sourceOf("plain:prod", here)).toMatchObject({ name: "plain", selector: ":prod" });
    // An ARN drops a hierarchical name's leading slash, and names its own account and region.
    expect(sourceOf("arn:aws:ssm:us-east-2:444455556666:parameter/shop/db", here)).toMatchObject({ name: "/shop/db", where: { accountId: "444455556666", region: "us-east-2" } });
    expect(sourceOf("arn:aws:ssm:us-east-2:444455556666:parameter/plain", here)).toMatchObject({ name: "plain" });
    expect(sourceOf("/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id", here)).toMatchObject({ public: true });
  });

  it("reads a Secrets Manager ARN with its json-key, version-stage and version-id tail", () => {
    const arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/api-key-Ab3xYz";
    expect(sourceOf(arn, here)).toEqual({ kind: "secretsmanager", secretId: arn, name: "shop/api-key", jsonKey: undefined, versionStage: undefined, versionId: undefined, where: here });
    expect(sourceOf(`${arn}:key:AWSPREVIOUS:`, here)).toMatchObject({ secretId: arn, jsonKey: "key", versionStage: "AWSPREVIOUS", versionId: undefined });
    expect(sourceOf(`${arn}::AWSCURRENT:`, here)).toMatchObject({ jsonKey: undefined, versionStage: "AWSCURRENT" });
  });

  it("reads a registry credential's name as a secret's", () => {
    expect(sourceOf("shop/registry", here, "secretsmanager")).toEqual({ kind: "secretsmanager", secretId: "shop/registry", name: "shop/registry", where: here });
  });
});

describe("names from ARNs", () => {
  it("takes a role's name from an ARN with a path, and a group's from its ARN", () => {
    expect(roleName("arn:aws:iam::111122223333:role/app/team/shop-task")).toBe("shop-task");
    expect(groupName("arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b:autoScalingGroupName/shop-asg")).toBe("shop-asg");
    expect(groupName("shop-asg")).toBe("shop-asg");
  });
});

describe("stack resources' pages", () => {
  it("links each physical id to its page in the console, as Ref answers it", () => {
    expect(resourceHref("AWS::ECS::Cluster", "shop-Cluster-AbC")).toBe("#/clusters/shop-Cluster-AbC/services");
    expect(resourceHref("AWS::ECS::Service", "arn:aws:ecs:eu-west-1:111122223333:service/shop-Cluster-AbC/shop-Web-XyZ")).toBe("#/clusters/shop-Cluster-AbC/services/shop-Web-XyZ");
    expect(resourceHref("AWS::ECS::TaskDefinition", "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:7")).toBe("#/task-definitions/web/7");
    expect(resourceHref("AWS::IAM::Role", "shop-TaskRole-1A2B")).toBe("#/roles/shop-TaskRole-1A2B");
    expect(resourceHref("AWS::SSM::Parameter", "/shop/flag")).toBe("#/parameters/%2Fshop%2Fflag");
    expect(resourceHref("AWS::ApplicationAutoScaling::ScalableTarget", "service/shop/web|ecs:service:DesiredCount|ecs")).toBe("#/clusters/shop/services/web");
    expect(resourceHref("AWS::CloudFormation::Stack", "arn:aws:cloudformation:eu-west-1:111122223333:stack/shop-Nested-1/uuid")).toBe(`#/stacks/${encodeURIComponent("arn:aws:cloudformation:eu-west-1:111122223333:stack/shop-Nested-1/uuid")}/events`);
  });

  it("gives no link where the console has no page, or the id cannot be placed", () => {
    expect(resourceHref("AWS::Logs::LogGroup", "/ecs/shop")).toBeUndefined();
    expect(resourceHref("AWS::ElasticLoadBalancingV2::LoadBalancer", "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/shop/50dc6c495c0c9188")).toBeUndefined();
    // The old service ARN format has no cluster in it.
    expect(resourceHref("AWS::ECS::Service", "arn:aws:ecs:eu-west-1:111122223333:service/web")).toBeUndefined();
    expect(resourceHref("AWS::ECS::Cluster", undefined)).toBeUndefined();
  });
});
