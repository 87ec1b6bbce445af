// XML answers written by the model, read by the real SDK v3 clients: wrapped and flattened lists,
// EC2's locationNames and item lists, timestamps in ISO 8601, booleans; and validation failures in
// each protocol's words. The services here are stand-ins that return fixed data through the real
// protocol layer and generated tables; the real services have their own tests.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateSecurityGroupCommand, CreateTagsCommand, DescribeInstancesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { CreateTargetGroupCommand, DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client, TargetGroupNotFoundException } from "@aws-sdk/client-elastic-load-balancing-v2";
import { TargetGroupNotFoundException as LocalTargetGroupNotFound } from "../../src/services/elbv2/generated/errors.js";
import { createLogger } from "../../src/log.js";
import { handleQuery, type QueryService } from "../../src/protocol/query.js";
import { schemaFor, validatorFor } from "../../src/protocol/validate.js";
import { readAnswer } from "../../src/protocol/xmlRead.js";
import { queryCaller } from "../helpers/query.js";

const LAUNCH = 1767225600.5; // 2026-01-01T00:00:00.500Z

const instances = {
  Reservations: [
    {
      ReservationId: "r-0123456789abcdef0",
      OwnerId: "123456789012",
      Groups: [],
      Instances: [
        {
          InstanceId: "i-0123456789abcdef0",
          InstanceType: "t3.micro",
          LaunchTime: LAUNCH,
          State: { Code: 16, Name: "running" },
          EbsOptimized: false,
          PrivateIpAddress: "172.31.16.10",
          SecurityGroups: [{ GroupId: "sg-1", GroupName: "default" }],
          Tags: [
            { Key: "Name", Value: "web & <api>" },
            { Key: "env", Value: "lab 😀" },
          ],
        },
      ],
    },
  ],
};

const loadBalancers = {
  LoadBalancers: [
    {
      LoadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188",
      LoadBalancerName: "web",
      CreatedTime: LAUNCH,
      Type: "application",
      State: { Code: "provisioning" },
      AvailabilityZones: [{ ZoneName: "us-east-1a", SubnetId: "subnet-1" }],
      SecurityGroups: ["sg-1", "sg-2"],
    },
  ],
};

const seen: Record<string, unknown>[] = [];

function standIn(name: "ec2" | "elbv2", outputs: Record<string, unknown>): QueryService {
  const ec2 = name === "ec2";
  return {
    name,
    protocol: ec2 ? "ec2" : "query",
    signingName: ec2 ? "ec2" : "elasticloadbalancing",
    apiVersion: ec2 ? "2016-11-15" : "2015-12-01",
    xmlNamespace: ec2 ? "http://ec2.amazonaws.com/doc/2016-11-15/" : "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
    operations: Object.keys(outputs),
    has: (op) => op in outputs,
    implemented: (op) => op in outputs,
    reset: () => {},
    invoke: (op, input) => {
      seen.push(input);
      const out = outputs[op];
      if (out instanceof Error) throw out;
      return out;
    },
  };
}

let server: Server;
let url: string;
const creds = { accessKeyId: "123456789012", secretAccessKey: "x" };

beforeAll(async () => {
  const services = [standIn("ec2", { DescribeInstances: instances, CreateSecurityGroup: { GroupId: "sg-9" }, CreateTags: {} }), standIn("elbv2", { DescribeLoadBalancers: loadBalancers, CreateTargetGroup: {}, DescribeTargetGroups: new LocalTargetGroupNotFound("One or more target groups not found") })];
  const opts = { defaultAccount: "000000000000", defaultRegion: "us-east-1", maxBodyBytes: 1 << 20, validateOutput: true, logger: createLogger({ level: "silent" }), beforeInvoke: () => {} };
  server = createServer((req, res) => void handleQuery(req, res, services, ["ec2", "elasticloadbalancing"], opts));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("EC2 answers", () => {
  it("are read by the SDK: item lists, locationNames, ISO 8601 timestamps, booleans, escaped text", async () => {
    const ec2 = new EC2Client({ endpoint: url, region: "us-east-1", credentials: creds });
    const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ["i-0123456789abcdef0"] }));
    const i = out.Reservations![0].Instances![0];
    expect(i.LaunchTime).toEqual(new Date("2026-01-01T00:00:00.500Z"));
    expect(i.State).toEqual({ Code: 16, Name: "running" });
    expect(i.EbsOptimized).toBe(false);
    expect(i.Tags).toEqual(instances.Reservations[0].Instances[0].Tags);
    expect(i.SecurityGroups).toEqual([{ GroupId: "sg-1", GroupName: "default" }]);
    expect(out.Reservations![0].Groups).toEqual([]);
    expect(seen.at(-1)).toEqual({ InstanceIds: ["i-0123456789abcdef0"] });
  });

  it("are read back by the model into what the operation returned", async () => {
    const res = await queryCaller({ url }, "ec2").raw({ Action: "DescribeInstances", Version: "2016-11-15" });
    expect(res.text).toContain('<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>');
    expect(res.text).toContain("<reservationSet><item><reservationId>r-0123456789abcdef0</reservationId>");
    expect(res.text).toContain("<launchTime>2026-01-01T00:00:00.500Z</launchTime>");
    const schema = schemaFor("ec2", "DescribeInstances", "output");
    const answer = await readAnswer(res.text, schema, "ec2");
    expect(answer.output).toEqual(instances);
    expect(validatorFor("ec2", "DescribeInstances", "output")(answer.output)).toBe(true);
  });

  it("say <return>true</return> when the operation has no output shape", async () => {
    const ec2 = new EC2Client({ endpoint: url, region: "us-east-1", credentials: creds });
    await ec2.send(new CreateTagsCommand({ Resources: ["i-1"], Tags: [{ Key: "a", Value: "b" }] }));
    const res = await queryCaller({ url }, "ec2").raw({ Action: "CreateTags", Version: "2016-11-15", "ResourceId.1": "i-1", "Tag.1.Key": "a" });
    expect(res.text).toMatch(/<CreateTagsResponse xmlns="http:\/\/ec2.amazonaws.com\/doc\/2016-11-15\/"><requestId>[0-9a-f-]{36}<\/requestId><return>true<\/return><\/CreateTagsResponse>$/);
  });

  it("a missing parameter is MissingParameter, named as the form names it", async () => {
    const ec2 = new EC2Client({ endpoint: url, region: "us-east-1", credentials: creds });
    // GroupName is given, Description (form name GroupDescription) is not: the SDK lets it through.
    const err = await ec2.send(new CreateSecurityGroupCommand({ GroupName: "web" } as never)).catch((e) => e);
    expect(err.name).toBe("MissingParameter");
    expect(err.message).toBe("The request must contain the parameter GroupDescription");
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it("a value of the wrong type is InvalidParameterValue", async () => {
    const res = await queryCaller({ url }, "ec2").raw({ Action: "DescribeInstances", Version: "2016-11-15", MaxResults: "many" });
    expect(res.status).toBe(400);
    expect(res.text).toContain("<Code>InvalidParameterValue</Code><Message>Value (many) for parameter MaxResults is invalid.");
  });
});

describe("query answers (ELBv2)", () => {
  it("are read by the SDK: <member> lists inside <OpResult>, timestamps, nested structures", async () => {
    const elb = new ElasticLoadBalancingV2Client({ endpoint: url, region: "us-east-1", credentials: creds });
    const out = await elb.send(new DescribeLoadBalancersCommand({ Names: ["web"] }));
    const lb = out.LoadBalancers![0];
    expect(lb.CreatedTime).toEqual(new Date("2026-01-01T00:00:00.500Z"));
    expect(lb.SecurityGroups).toEqual(["sg-1", "sg-2"]);
    expect(lb.AvailabilityZones).toEqual([{ ZoneName: "us-east-1a", SubnetId: "subnet-1" }]);
    expect(lb.State).toEqual({ Code: "provisioning" });
    expect(seen.at(-1)).toEqual({ Names: ["web"] });
    const res = await queryCaller({ url }, "elbv2").raw({ Action: "DescribeLoadBalancers", Version: "2015-12-01" });
    const answer = await readAnswer(res.text, schemaFor("elbv2", "DescribeLoadBalancers", "output"), "query");
    expect(answer.output).toEqual(loadBalancers);
    expect(res.text).toContain("<DescribeLoadBalancersResult><LoadBalancers><member>");
  });

  it("validation failures are one ValidationError listing each, with AWS's member paths", async () => {
    const elb = new ElasticLoadBalancingV2Client({ endpoint: url, region: "us-east-1", credentials: creds });
    const err = await elb.send(new CreateTargetGroupCommand({ Name: "web", Port: 70000, Tags: [{ Key: "" }] } as never)).catch((e) => e);
    expect(err.name).toBe("ValidationError");
    expect(err.message).toBe(
      "2 validation errors detected: Value '70000' at 'port' failed to satisfy constraint: Member must have value less than or equal to 65535; " +
        "Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    const missing = await queryCaller({ url }, "elbv2").raw({ Action: "CreateTargetGroup", Version: "2015-12-01" });
    expect(missing.text).toContain("<Code>ValidationError</Code><Message>1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null</Message>");
  });

  it("an operation's modelled error reaches the SDK as its exception class", async () => {
    const elb = new ElasticLoadBalancingV2Client({ endpoint: url, region: "us-east-1", credentials: creds });
    const err = await elb.send(new DescribeTargetGroupsCommand({ Names: ["nope"] })).catch((e) => e);
    expect(err).toBeInstanceOf(TargetGroupNotFoundException);
    expect(err.message).toBe("One or more target groups not found");
    const e = await queryCaller({ url }, "elbv2").error("DescribeTargetGroups", {});
    expect(e).toMatchObject({ status: 400, type: "Sender", code: "TargetGroupNotFound" });
  });
});
