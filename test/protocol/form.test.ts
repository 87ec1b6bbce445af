// The query protocols' form, read by the model: lists, maps, nested structures, EC2's own naming.
import { describe, expect, it } from "vitest";
import { decodeForm, encodeForm, parseForm, parseTimestamp } from "../../src/protocol/form.js";
import { schemaFor, validatorFor } from "../../src/protocol/validate.js";

const decode = (service: string, op: string, form: string) => decodeForm(parseForm(form), schemaFor(service, op, "input"));
const roundTrip = (service: string, op: string, input: Record<string, unknown>) =>
  decodeForm(parseForm(new URLSearchParams(encodeForm(input, schemaFor(service, op, "input"))).toString()), schemaFor(service, op, "input"));

describe("query form (ELBv2, STS)", () => {
  it("reads Name.member.N lists in numeric order, whatever order they come in", () => {
    const input = decode("elbv2", "DescribeLoadBalancers", "Action=DescribeLoadBalancers&Names.member.2=b&Names.member.10=j&Names.member.1=a&PageSize=5");
    expect(input).toEqual({ Names: ["a", "b", "j"], PageSize: 5 });
  });

  it("reads nested structures inside lists", () => {
    const input = decode(
      "elbv2",
      "AddTags",
      "ResourceArns.member.1=arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A1%3Aloadbalancer%2Fapp%2Fa%2F1&Tags.member.1.Key=env&Tags.member.1.Value=prod&Tags.member.2.Key=team",
    );
    expect(input).toEqual({ ResourceArns: ["arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/a/1"], Tags: [{ Key: "env", Value: "prod" }, { Key: "team" }] });
  });

  it("reads maps as entry.N.key / entry.N.value", () => {
    const input = roundTrip("elbv2", "CreateRule", {
      ListenerArn: "l",
      Priority: 3,
      Conditions: [{ Field: "path-pattern", Values: ["/api/*"] }],
      Actions: [{ Type: "authenticate-oidc", AuthenticateOidcConfig: { Issuer: "i", AuthorizationEndpoint: "a", TokenEndpoint: "t", UserInfoEndpoint: "u", ClientId: "c", AuthenticationRequestExtraParams: { prompt: "login", display: "page" } } }],
    });
    expect((input.Actions as any)[0].AuthenticateOidcConfig.AuthenticationRequestExtraParams).toEqual({ prompt: "login", display: "page" });
    const form = new URLSearchParams(
      encodeForm({ Actions: [{ Type: "x", AuthenticateOidcConfig: { AuthenticationRequestExtraParams: { prompt: "login" } } }] }, schemaFor("elbv2", "CreateRule", "input")),
    );
    expect(form.get("Actions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.key")).toBe("prompt");
    expect(form.get("Actions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.value")).toBe("login");
  });

  it("reads an empty list sent as the bare name, and leaves out what was not sent", () => {
    expect(decode("elbv2", "DescribeLoadBalancers", "Names=")).toEqual({ Names: [] });
    expect(decode("elbv2", "DescribeLoadBalancers", "Action=DescribeLoadBalancers")).toEqual({});
  });

  it("types scalars by the model: integers, booleans; a text of the wrong type is kept for validation to refuse", () => {
    expect(decode("elbv2", "DescribeLoadBalancers", "PageSize=abc")).toEqual({ PageSize: "abc" });
    const v = validatorFor("elbv2", "DescribeLoadBalancers", "input");
    expect(v({ PageSize: "abc" })).toBe(false);
    expect(decode("sts", "AssumeRole", "RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&RoleSessionName=s&DurationSeconds=900")).toEqual({ RoleArn: "arn:aws:iam::1:role/r", RoleSessionName: "s", DurationSeconds: 900 });
  });

  it("turns + and percent escapes back into the characters sent", () => {
    expect(decode("sts", "AssumeRole", "RoleSessionName=a+b%2Fc%26d%3D")).toEqual({ RoleSessionName: "a b/c&d=" });
  });
});

describe("EC2 form", () => {
  it("numbers list items right after the name, with no .member., under the capitalized locationName", () => {
    // InstanceIds has locationName InstanceId: the form says InstanceId.1, InstanceId.2.
    expect(decode("ec2", "DescribeInstances", "InstanceId.1=i-1&InstanceId.2=i-2&MaxResults=5&DryRun=false")).toEqual({ InstanceIds: ["i-1", "i-2"], MaxResults: 5, DryRun: false });
    expect(decode("ec2", "DescribeInstances", "InstanceIds.member.1=i-1")).toEqual({});
  });

  it("reads filters: Filter.N.Name and Filter.N.Value.M", () => {
    expect(decode("ec2", "DescribeVpcs", "Filter.1.Name=tag%3AName&Filter.1.Value.1=lab&Filter.1.Value.2=web&Filter.2.Name=vpc-id&Filter.2.Value.1=vpc-1")).toEqual({
      Filters: [
        { Name: "tag:Name", Values: ["lab", "web"] },
        { Name: "vpc-id", Values: ["vpc-1"] },
      ],
    });
  });

  it("reads nested structures and lists of structures (RunInstances)", () => {
    const input = decode(
      "ec2",
      "RunInstances",
      "ImageId=ami-1&MinCount=2&MaxCount=2&InstanceType=t3.micro&UserData=ZWNobw%3D%3D&SecurityGroupId.1=sg-1&Placement.AvailabilityZone=us-east-1a&TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=web&Monitoring.Enabled=true",
    );
    expect(input).toEqual({
      ImageId: "ami-1",
      MinCount: 2,
      MaxCount: 2,
      InstanceType: "t3.micro",
      UserData: "ZWNobw==",
      SecurityGroupIds: ["sg-1"],
      Placement: { AvailabilityZone: "us-east-1a" },
      TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "web" }] }],
      Monitoring: { Enabled: true },
    });
  });

  it("encodes as the SDKs do, so the encoder and decoder agree", () => {
    const input = { ImageId: "ami-1", MinCount: 1, MaxCount: 1, SecurityGroupIds: ["sg-1", "sg-2"], TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "web" }] }] };
    const form = new URLSearchParams(encodeForm(input, schemaFor("ec2", "RunInstances", "input")));
    expect(form.get("SecurityGroupId.2")).toBe("sg-2");
    expect(form.get("TagSpecification.1.Tag.1.Value")).toBe("web");
    expect(roundTrip("ec2", "RunInstances", input)).toEqual(input);
  });

  it("reads timestamps as ISO 8601 or epoch seconds into epoch seconds", () => {
    expect(parseTimestamp("2026-01-01T00:00:00Z")).toBe(1767225600);
    expect(parseTimestamp("2026-01-01T00:00:00.500Z")).toBe(1767225600.5);
    expect(parseTimestamp("1767225600")).toBe(1767225600);
    expect(parseTimestamp("yesterday")).toBeNaN();
  });
});

describe("the wrong kind of value", () => {
  it("a text where a list belongs stays a text, for validation to refuse", () => {
    expect(decode("elbv2", "DescribeLoadBalancers", "Names=web")).toEqual({ Names: "web" });
    expect(decode("ec2", "DescribeInstances", "InstanceId=i-1")).toEqual({ InstanceIds: "i-1" });
    expect(validatorFor("ec2", "DescribeInstances", "input")({ InstanceIds: "i-1" })).toBe(false);
  });

  it("names that could reach a prototype are plain names", () => {
    const input = decode("elbv2", "CreateRule", "Actions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.key=__proto__&Actions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.value=x&__proto__.polluted=1");
    const params = (input.Actions as any)[0].AuthenticateOidcConfig.AuthenticationRequestExtraParams;
    expect(Object.getOwnPropertyNames(params)).toEqual(["__proto__"]);
    expect(({} as any).polluted).toBeUndefined();
  });
});
