// The ELBv2 phase: DescribeTargetHealth of a target group with ten registered instances, behind an
// ALB listener, on ecs-local and on moto (which serves ELBv2 on the same port). Its setup is the
// phase's own (untimed): both take only subnets and instances their EC2 knows, so the default subnets
// are asked of EC2 and the instances launched there first.
import type { OpOutcome } from "./driver.js";
import { amzDate, sha256Hex, Signer } from "./sigv4.js";
import { CREDENTIALS, REGION, type Target } from "./targets.js";
import type { WireRequest } from "./wire.js";
import type { Bench, Phase } from "./workload.js";

const VERSIONS: Record<string, string> = { elasticloadbalancing: "2015-12-01", ec2: "2016-11-15", autoscaling: "2011-01-01", iam: "2010-05-08", cloudformation: "2010-05-15" };
const TARGETS = 10;

/** A signed form POST as the SDK sends one to a query service. */
export function queryRequest(target: Target, service: string, params: Record<string, string>): WireRequest {
  const body = new URLSearchParams({ ...params, Version: VERSIONS[service] }).toString();
  const date = amzDate();
  const signed: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    host: target.host,
    "x-amz-date": date,
    "x-amz-content-sha256": sha256Hex(body),
  };
  const authorization = new Signer(CREDENTIALS).authorization({ method: "POST", path: "/", headers: signed, body, region: REGION, service, amzDate: date });
  const headers = { ...signed, authorization };
  const head = `POST / HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}Connection: keep-alive\r\n\r\n`;
  return { operation: params.Action, headers, body, raw: Buffer.from(head + body) };
}

async function query(b: Bench, service: string, params: Record<string, string>): Promise<string> {
  const reply = await b.driver.send(queryRequest(b.target, service, params), true);
  if (reply.status !== 200) throw new Error(`${params.Action}: HTTP ${reply.status} ${(reply.text ?? "").slice(0, 200)}`);
  return reply.text!;
}

const first = (xml: string, tag: string): string | undefined => new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(xml)?.[1];

/** Two default subnets in different zones and their VPC, as EC2 describes them. */
async function network(b: Bench): Promise<{ subnets: string[]; vpcId: string }> {
  const xml = await query(b, "ec2", { Action: "DescribeSubnets" });
  const byZone = new Map<string, { id: string; vpc: string }>();
  // Each subnet's members follow its <subnetId> (moto's order); the next subnet starts the next chunk.
  for (const chunk of xml.split("<subnetId>").slice(1)) {
    const id = chunk.slice(0, chunk.indexOf("<"));
    const zone = first(chunk, "availabilityZone");
    const vpc = first(chunk, "vpcId");
    if (zone && vpc && !byZone.has(zone)) byZone.set(zone, { id, vpc });
  }
  const two = [...byZone.values()].slice(0, 2);
  if (two.length < 2) throw new Error("DescribeSubnets: fewer than two zones with a subnet");
  return { subnets: two.map((s) => s.id), vpcId: two[0].vpc };
}

/** Running EC2 instances to register: RunInstances, then as many polls of DescribeInstances as it takes. */
async function instances(b: Bench, count: number): Promise<string[]> {
  const xml = await query(b, "ec2", { Action: "RunInstances", ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro", MinCount: String(count), MaxCount: String(count) });
  const ids = [...xml.matchAll(/<instanceId>([^<]+)<\/instanceId>/g)].map((m) => m[1]);
  const unique = [...new Set(ids)];
  for (let i = 0; i < 50; i++) {
    const params: Record<string, string> = { Action: "DescribeInstances", "Filter.1.Name": "instance-state-name", "Filter.1.Value.1": "running" };
    unique.forEach((id, n) => (params[`InstanceId.${n + 1}`] = id));
    const running = new Set([...(await query(b, "ec2", params)).matchAll(/<instanceId>([^<]+)<\/instanceId>/g)].map((m) => m[1]));
    if (unique.every((id) => running.has(id))) return unique;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("RunInstances: the instances did not reach running");
}

export function elbv2Phases(_bench: () => Bench): Phase[] {
  let describe: WireRequest | undefined;
  return [
    {
      name: `DescribeTargetHealth (${TARGETS} targets)`,
      unit: "request",
      maxOps: 1_000_000,
      async prepare(b) {
        const net = await network(b);
        const elb = (params: Record<string, string>) => query(b, "elasticloadbalancing", params);
        const tg = first(await elb({ Action: "CreateTargetGroup", Name: "bench-tg", Protocol: "HTTP", Port: "80", VpcId: net.vpcId, TargetType: "instance" }), "TargetGroupArn")!;
        const lbParams: Record<string, string> = { Action: "CreateLoadBalancer", Name: "bench-lb" };
        net.subnets.forEach((s, i) => (lbParams[`Subnets.member.${i + 1}`] = s));
        const lb = first(await elb(lbParams), "LoadBalancerArn")!;
        await elb({ Action: "CreateListener", LoadBalancerArn: lb, Protocol: "HTTP", Port: "80", "DefaultActions.member.1.Type": "forward", "DefaultActions.member.1.TargetGroupArn": tg });
        const register: Record<string, string> = { Action: "RegisterTargets", TargetGroupArn: tg };
        (await instances(b, TARGETS)).forEach((id, i) => (register[`Targets.member.${i + 1}.Id`] = id));
        await elb(register);
        describe = queryRequest(b.target, "elasticloadbalancing", { Action: "DescribeTargetHealth", TargetGroupArn: tg });
      },
      async op(b): Promise<OpOutcome> {
        const reply = await b.driver.send(describe!, true);
        if (reply.status !== 200) return { requests: 1, error: `HTTP ${reply.status}: ${(reply.text ?? "").slice(0, 120)}` };
        const seen = reply.text!.match(/<Target>/g)?.length ?? 0;
        return seen === TARGETS ? { requests: 1 } : { requests: 1, error: `DescribeTargetHealth answered ${seen} targets, expected ${TARGETS}` };
      },
    },
  ];
}
