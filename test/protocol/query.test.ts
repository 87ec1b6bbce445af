// The query protocols through the app: routing (SigV4 scope, else Action and Version), and every
// error in its protocol's own envelope, with AWS's codes and texts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { checkErrorEnvelope, queryCaller, signature } from "../helpers/query.js";

let t: TestLocal;
beforeAll(async () => {
  t = await startLocal();
});
afterAll(async () => t.close());

const form = (action: string, version: string, extra: Record<string, string> = {}) => ({ Action: action, Version: version, ...extra });

describe("routing", () => {
  it("sends a request to the service its SigV4 credential scope names", async () => {
    const sts = queryCaller(t, "sts");
    const res = await sts.raw(form("GetCallerIdentity", "2011-06-15"));
    expect(res.status).toBe(200);
    expect(res.text).toContain("<GetCallerIdentityResponse");
  });

  it("routes an unsigned request by its Action and Version", async () => {
    const sts = queryCaller(t, "sts");
    const res = await sts.raw(form("GetCallerIdentity", "2011-06-15"), { signingName: null });
    expect(res.status).toBe(200);
    expect(res.text).toContain("<Account>000000000000</Account>");
    // DescribeTags is both ELBv2's and EC2's: the Version tells them apart (each answers in its own envelope).
    const elb = await sts.raw(form("DescribeTags", "2015-12-01"), { signingName: null });
    expect(elb.text).toContain('xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"');
    const ec2 = await sts.raw(form("DescribeTags", "2016-11-15"), { signingName: null });
    expect(ec2.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>(<Response><Errors>|<DescribeTagsResponse xmlns="http:\/\/ec2.amazonaws.com\/doc\/2016-11-15\/">)/);
  });

  it("answers a service ecs-local does not serve (SNS) with a query XML error a client can parse", async () => {
    const res = await queryCaller(t, "sts").raw(form("Publish", "2010-03-31"), { signingName: "sns" });
    expect(res.status).toBe(400);
    const err = await checkErrorEnvelope(res, "query");
    expect(err.code).toBe("InvalidAction");
    expect(err.message).toBe(
      "ecs-local does not serve sns (action Publish); it serves ecs, logs, ssm, secretsmanager, application-autoscaling, servicediscovery, ecr, sts, iam, elasticloadbalancing, ec2, autoscaling, cloudformation, s3.",
    );
    const unsigned = await queryCaller(t, "sts").raw(form("Publish", "2010-03-31"), { signingName: null });
    expect((await checkErrorEnvelope(unsigned, "query")).code).toBe("InvalidAction");
  });

  it("keeps awsJson requests without a target on the JSON path", async () => {
    const res = await t.raw(undefined, "{}");
    expect(res.status).toBe(400);
    expect(res.body.__type).toBe("UnknownOperationException");
    // A form signed for ECS is still ECS's: the JSON protocol refuses its content type.
    const form = await t.raw(undefined, "Action=ListClusters", { "Content-Type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    expect(form.body.__type).toBe("UnsupportedMediaTypeException");
  });

  it("serves the query protocol on GET /?Action=… too", async () => {
    const res = await fetch(`${t.url}/?Action=GetCallerIdentity&Version=2011-06-15`, { headers: { Authorization: signature("123456789012", "us-east-1", "sts") } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<Account>123456789012</Account>");
  });
});

describe("query errors (STS, ELBv2)", () => {
  it("an unknown Action is InvalidAction, with AWS's text", async () => {
    const res = await queryCaller(t, "sts").raw(form("GetCallerIdentityy", "2011-06-15"));
    const err = await checkErrorEnvelope(res, "query");
    expect(res.status).toBe(400);
    expect(err).toMatchObject({ type: "Sender", code: "InvalidAction", message: "Could not find operation GetCallerIdentityy for version 2011-06-15" });
  });

  it("a missing Action is MissingAction", async () => {
    const res = await queryCaller(t, "sts").raw({ Version: "2011-06-15" });
    expect((await checkErrorEnvelope(res, "query")).code).toBe("MissingAction");
  });

  it("an operation ecs-local lacks is UnsupportedOperation, in the service's namespace", async () => {
    const err = await queryCaller(t, "elbv2").error("CreateTrustStore", { Name: "web" });
    expect(err).toMatchObject({ status: 400, root: "ErrorResponse", type: "Sender", code: "UnsupportedOperation", message: "ecs-local does not support the elasticloadbalancing action CreateTrustStore yet." });
    const res = await queryCaller(t, "elbv2").raw(form("CreateTrustStore", "2015-12-01"));
    expect(res.text).toContain('<ErrorResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">');
  });

  it("a body over the limit is refused before it is read", async () => {
    const res = await queryCaller(t, "sts").raw(form("GetCallerIdentity", "2011-06-15", { Pad: "x".repeat(t.local.config.maxBodyBytes) }));
    expect(res.status).toBe(413);
    expect((await checkErrorEnvelope(res, "query")).code).toBe("RequestEntityTooLarge");
  });
});

describe("EC2 errors", () => {
  it("an unknown Action is InvalidAction in EC2's envelope, with EC2's text", async () => {
    const res = await queryCaller(t, "ec2").raw(form("DescribeUnicorns", "2016-11-15"));
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Errors><Error><Code>InvalidAction<\/Code>/);
    const err = await checkErrorEnvelope(res, "ec2");
    expect(err.message).toBe("The action DescribeUnicorns is not valid for this web service.");
  });

  it("an operation ecs-local lacks is UnsupportedOperation", async () => {
    const err = await queryCaller(t, "ec2").error("DescribeSpotPriceHistory", {});
    expect(err).toMatchObject({ status: 400, root: "Response", code: "UnsupportedOperation", message: "ecs-local does not support the ec2 action DescribeSpotPriceHistory yet." });
  });
});

describe("service registry", () => {
  it("reports every service's operations in health", async () => {
    const body = await (await fetch(`${t.url}/_ecs-local/health`)).json();
    expect(body.services.sts).toEqual({ operations: 11, supported: 5 });
    expect(body.services.ec2.operations).toBe(765);
    expect(body.services.elbv2.operations).toBe(51);
    expect(body.services.ecs.operations).toBe(77);
  });
});

describe("the SDK v3 clients", () => {
  const creds = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" };

  it("expose an EC2 operation ecs-local lacks as UnsupportedOperation", async () => {
    const { EC2Client, DescribeSpotPriceHistoryCommand } = await import("@aws-sdk/client-ec2");
    const err = await new EC2Client({ endpoint: t.url, region: "us-east-1", credentials: creds }).send(new DescribeSpotPriceHistoryCommand({ InstanceTypes: ["m5.large"] })).catch((e) => e);
    expect(err.name).toBe("UnsupportedOperation");
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("expose an ELBv2 operation ecs-local lacks as UnsupportedOperation", async () => {
    const { ElasticLoadBalancingV2Client, DescribeSSLPoliciesCommand } = await import("@aws-sdk/client-elastic-load-balancing-v2");
    const err = await new ElasticLoadBalancingV2Client({ endpoint: t.url, region: "us-east-1", credentials: creds }).send(new DescribeSSLPoliciesCommand({})).catch((e) => e);
    expect(err.name).toBe("UnsupportedOperation");
    expect(err.message).toBe("ecs-local does not support the elasticloadbalancing action DescribeSSLPolicies yet.");
  });
});
