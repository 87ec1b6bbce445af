// The task metadata documents against the Developer Guide's shapes (v4 for EC2 and Fargate, v3),
// the containers' environment, and the console's view of a task (GET /_ecs-local/task-metadata),
// built from ECS's state where no container runs (the simulated runtime).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TaskView } from "../../src/services/ecs/domain/taskEndpoints.js";
import { containerDocument, endpointId, taskDocument, type MetadataFacts } from "../../src/dataplane/metadata.js";
import { containerEnvironment, credentialsDocument } from "../../src/dataplane/environment.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { SUBNETS } from "../helpers/fixtures.js";

const ARN = "arn:aws:ecs:us-west-2:111122223333:task/default/158d1c8083dd49d6b527399fd6414f5c";
const NOW = Date.parse("2026-01-02T03:04:05.678Z");

function view(launchType: "EC2" | "FARGATE"): TaskView {
  return {
    accountId: "111122223333",
    region: "us-west-2",
    clusterName: "default",
    clusterArn: "arn:aws:ecs:us-west-2:111122223333:cluster/default",
    serviceName: "MyService",
    task: {
      taskArn: ARN,
      launchType,
      desiredStatus: "RUNNING",
      lastStatus: "RUNNING",
      availabilityZone: "us-west-2d",
      pullStartedAt: 1601599386.202,
      pullStoppedAt: 1601599386.312,
      ...(launchType === "FARGATE" ? { cpu: "256", memory: "512" } : {}),
      attachments: [{ id: "a", type: "ElasticNetworkInterface", status: "ATTACHED", details: [{ name: "subnetId", value: "subnet-1" }, { name: "networkInterfaceId", value: "eni-1" }, { name: "macAddress", value: "0e:10:e2:01:bd:91" }, { name: "privateDnsName", value: "ip-10-0-2-61.us-west-2.compute.internal" }, { name: "privateIPv4Address", value: "10.0.2.61" }] }],
      containers: [
        { name: "curl", containerArn: "arn:aws:ecs:us-west-2:111122223333:container/abb51bdd-11b4-467f-8f6c-adcfe1fe059d", lastStatus: "RUNNING", runtimeId: "ee08", image: "curltest:latest" },
        { name: "init", containerArn: "arn:aws:ecs:us-west-2:111122223333:container/0206b271-b33f-47ab-86c6-a0ba208a70a9", lastStatus: "STOPPED", exitCode: 3, image: "busybox" },
      ],
    },
    td: {
      family: "curltest",
      revision: 26,
      networkMode: "awsvpc",
      containerDefinitions: [
        { name: "curl", image: "curltest:latest", cpu: 10, memory: 128, logConfiguration: { logDriver: "awslogs", options: { "awslogs-create-group": "true", "awslogs-group": "/ecs/metadata", "awslogs-region": "us-west-2", "awslogs-stream-prefix": "ecs" } } },
        { name: "init", image: "busybox", essential: false },
      ],
    },
  };
}

const facts = (): MetadataFacts => ({
  now: NOW,
  subnetCidr: "10.0.2.0/24",
  vpcId: "vpc-0123",
  containers: new Map([["curl", { dockerId: "ee08638adaaf009d78c248913f629e38299471d45fe7dc944d1039077e3424ca", dockerName: "ecs-curltest-26-curl-a0e7dba5aca6d8cb2e00", imageId: "sha256:d691", createdAt: "2020-10-02T00:43:06.326590752Z", startedAt: "2020-10-02T00:43:06.767535449Z", sizeRw: 5 * 1024 * 1024 }]]),
});

describe("metadata documents", () => {
  it("answers an EC2 task's v4 document in the documented shape and order, a stopped container with its exit code", () => {
    const doc = taskDocument(view("EC2"), 4, facts());
    expect(Object.keys(doc)).toEqual(["Cluster", "ServiceName", "VPCID", "TaskARN", "Family", "Revision", "DesiredStatus", "KnownStatus", "PullStartedAt", "PullStoppedAt", "AvailabilityZone", "LaunchType", "Containers", "ClockDrift"]);
    expect(doc).toMatchObject({ Cluster: "default", ServiceName: "MyService", VPCID: "vpc-0123", TaskARN: ARN, Family: "curltest", Revision: "26", PullStartedAt: "2020-10-02T00:43:06.202Z", LaunchType: "EC2" });
    expect(doc.ClockDrift).toEqual({ ClockErrorBound: 0, ReferenceTimestamp: "2026-01-02T03:04:05Z", ClockSynchronizationStatus: "SYNCHRONIZED" });
    const [curl, init] = doc.Containers as Record<string, unknown>[];
    expect(curl).toEqual({
      DockerId: "ee08638adaaf009d78c248913f629e38299471d45fe7dc944d1039077e3424ca",
      Name: "curl",
      DockerName: "ecs-curltest-26-curl-a0e7dba5aca6d8cb2e00",
      Image: "curltest:latest",
      ImageID: "sha256:d691",
      Labels: { "com.amazonaws.ecs.cluster": "default", "com.amazonaws.ecs.container-name": "curl", "com.amazonaws.ecs.task-arn": ARN, "com.amazonaws.ecs.task-definition-family": "curltest", "com.amazonaws.ecs.task-definition-version": "26" },
      DesiredStatus: "RUNNING",
      KnownStatus: "RUNNING",
      Limits: { CPU: 10, Memory: 128 },
      CreatedAt: "2020-10-02T00:43:06.326590752Z",
      StartedAt: "2020-10-02T00:43:06.767535449Z",
      Type: "NORMAL",
      LogDriver: "awslogs",
      LogOptions: { "awslogs-create-group": "true", "awslogs-group": "/ecs/metadata", "awslogs-region": "us-west-2", "awslogs-stream": "ecs/curl/158d1c8083dd49d6b527399fd6414f5c" },
      ContainerARN: "arn:aws:ecs:us-west-2:111122223333:container/abb51bdd-11b4-467f-8f6c-adcfe1fe059d",
      Networks: [{ NetworkMode: "awsvpc", IPv4Addresses: ["10.0.2.61"], AttachmentIndex: 0, MACAddress: "0e:10:e2:01:bd:91", IPv4SubnetCIDRBlock: "10.0.2.0/24", PrivateDNSName: "ip-10-0-2-61.us-west-2.compute.internal", SubnetGatewayIpv4Address: "10.0.2.1/24" }],
    });
    expect(init).toMatchObject({ Name: "init", KnownStatus: "STOPPED", ExitCode: 3, Limits: { CPU: 0, Memory: 0 } });
  });

  it("answers a Fargate task with the cluster's ARN, its size in vCPUs, and its ephemeral storage", () => {
    const doc = taskDocument(view("FARGATE"), 4, facts());
    expect(doc.Cluster).toBe("arn:aws:ecs:us-west-2:111122223333:cluster/default");
    expect(doc.VPCID).toBeUndefined();
    expect(doc.Limits).toEqual({ CPU: 0.25, Memory: 512 });
    expect(doc.EphemeralStorageMetrics).toEqual({ Utilized: 5, Reserved: 20480 });
  });

  it("answers version 3 without what version 4 added", () => {
    const v = view("EC2");
    const doc = containerDocument(v, v.task.containers![0], 3, facts());
    expect(Object.keys(doc)).toEqual(["DockerId", "Name", "DockerName", "Image", "ImageID", "Labels", "DesiredStatus", "KnownStatus", "Limits", "CreatedAt", "StartedAt", "Type", "Networks"]);
    expect(doc.Networks).toEqual([{ NetworkMode: "awsvpc", IPv4Addresses: ["10.0.2.61"] }]);
    expect(Object.keys(taskDocument(v, 3, facts()))).not.toContain("LaunchType");
  });

  it("gives each container its endpoints, region and credentials by relative or full URI", () => {
    const run = { accountId: "111122223333", region: "us-west-2", clusterName: "default", task: view("FARGATE").task, td: view("FARGATE").td, service: false };
    const id = endpointId(ARN, "curl");
    expect(id).toMatch(/^158d1c8083dd49d6b527399fd6414f5c-\d{10}$/);
    expect(endpointId(ARN, "init")).not.toBe(id);
    expect(containerEnvironment(run, "curl", { base: "http://169.254.170.2", relative: true }, { id: "c1", token: "t" }, true)).toEqual({
      AWS_EXECUTION_ENV: "AWS_ECS_FARGATE",
      AWS_DEFAULT_REGION: "us-west-2",
      AWS_REGION: "us-west-2",
      ECS_CONTAINER_METADATA_URI: `http://169.254.170.2/v3/${id}`,
      ECS_CONTAINER_METADATA_URI_V4: `http://169.254.170.2/v4/${id}`,
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/v2/credentials/c1",
      AWS_ENDPOINT_URL: "http://169.254.170.2",
    });
    const full = containerEnvironment({ ...run, task: view("EC2").task }, "curl", { base: "http://172.17.0.1:20001", relative: false }, { id: "c1", token: "t" }, false);
    expect(full).toMatchObject({ AWS_EXECUTION_ENV: "AWS_ECS_EC2", AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://172.17.0.1:20001/v2/credentials/c1", AWS_CONTAINER_AUTHORIZATION_TOKEN: "t" });
    expect(full.AWS_ENDPOINT_URL).toBeUndefined();
    expect(containerEnvironment(run, "curl", { base: "http://169.254.170.2", relative: true }, undefined, true).AWS_CONTAINER_CREDENTIALS_RELATIVE_URI).toBeUndefined();
    expect(credentialsDocument({ accessKeyId: "ASIA", secretAccessKey: "s", sessionToken: "tok", expiration: NOW, roleArn: "arn:aws:iam::1:role/r" })).toEqual({ AccessKeyId: "ASIA", Expiration: "2026-01-02T03:04:05Z", RoleArn: "arn:aws:iam::1:role/r", SecretAccessKey: "s", Token: "tok" });
  });
});

describe("the console's view of a task", () => {
  let t: TestLocal;
  beforeAll(async () => {
    t = await startLocal();
  });
  afterAll(() => t.close());

  it("answers a simulated Fargate task's metadata from ECS's state, with its roles (no sessions: nothing runs)", async () => {
    await t.ecs("CreateCluster", { clusterName: "web" });
    await t.ecs("RegisterTaskDefinition", { family: "site", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "512", memory: "1024", taskRoleArn: "arn:aws:iam::000000000000:role/site", containerDefinitions: [{ name: "web", image: "nginx" }] });
    const arn = (await t.ecs("RunTask", { cluster: "web", taskDefinition: "site", launchType: "FARGATE", networkConfiguration: SUBNETS })).tasks![0].taskArn!;
    t.advance(0);
    const res = await fetch(`${t.url}/_ecs-local/task-metadata?task=${encodeURIComponent(arn)}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.roles).toEqual([{ kind: "task", roleArn: "arn:aws:iam::000000000000:role/site" }]);
    expect(body.endpoints).toEqual([{ container: "web", path: `/v4/${endpointId(arn, "web")}` }]);
    expect(body.metadata).toMatchObject({ Cluster: "arn:aws:ecs:us-east-1:000000000000:cluster/web", TaskARN: arn, Family: "site", KnownStatus: "RUNNING", LaunchType: "FARGATE", Limits: { CPU: 0.5, Memory: 1024 } });
    expect(body.metadata.Containers[0].Networks[0]).toMatchObject({ NetworkMode: "awsvpc", IPv4SubnetCIDRBlock: expect.stringMatching(/^172\.31\.\d+\.0\/20$/) });
    const other = await fetch(`${t.url}/_ecs-local/task-metadata?task=${encodeURIComponent(arn.replace(":000000000000:", ":111111111111:"))}`);
    expect(other.status).toBe(404);
  });
});
