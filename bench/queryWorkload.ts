// Phases of the query services moto also serves on the same port: EC2 RunInstances and
// DescribeInstances, STS GetCallerIdentity. Requests are form bodies signed for the service, as the
// SDK v3 clients send them (content type, Action, Version, members in the model's order).
import { amzDate, sha256Hex, Signer } from "./sigv4.js";
import { errorCode, type OpOutcome } from "./driver.js";
import { CREDENTIALS, REGION } from "./targets.js";
import type { Bench, Phase } from "./workload.js";
import type { WireRequest } from "./wire.js";

const AMI = "ami-0123456789abcdef0";
const ZONES = ["a", "b", "c"].map((z) => `${REGION}${z}`);

export function buildQuery(host: string, service: "ec2" | "sts", params: [string, string][]): WireRequest {
  const body = new URLSearchParams(params).toString();
  const date = amzDate();
  const signed: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    "content-length": String(Buffer.byteLength(body)),
    host,
    "x-amz-date": date,
    "x-amz-content-sha256": sha256Hex(body),
  };
  const authorization = new Signer(CREDENTIALS).authorization({ method: "POST", path: "/", headers: signed, body, region: REGION, service, amzDate: date });
  const headers = { ...signed, authorization };
  const head = `POST / HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}Connection: keep-alive\r\n\r\n`;
  return { operation: params[0][1], headers, body, raw: Buffer.from(head + body) };
}

const runInstances = (host: string, count: number, zone: string) =>
  buildQuery(host, "ec2", [
    ["Action", "RunInstances"],
    ["Version", "2016-11-15"],
    ["ImageId", AMI],
    ["InstanceType", "m5.large"],
    ["MaxCount", String(count)],
    ["MinCount", String(count)],
    ["Placement.AvailabilityZone", zone],
  ]);

/** A success is a 200 whose body holds what the operation answers (checked without parsing the XML). */
async function sendChecked(b: Bench, req: WireRequest, expect: RegExp): Promise<OpOutcome> {
  const reply = await b.driver.send(req, true);
  if (reply.status !== 200) return { requests: 1, error: /<Code>([^<]+)<\/Code>/.exec(reply.text ?? "")?.[1] ?? errorCode(reply) };
  return expect.test(reply.text!) ? { requests: 1 } : { requests: 1, error: `unexpected answer: ${reply.text!.slice(0, 120)}` };
}

export function queryPhases(bench: () => Bench): Phase[] {
  let runs: WireRequest[] = [];
  let describes: WireRequest[] = [];
  let identity: WireRequest | undefined;
  // Each RunInstances takes an address of a default subnet (three /20s): the phase stops short of filling them.
  const RUN_MAX = 10_000;
  return [
    {
      name: "RunInstances (count 1)",
      unit: "request",
      maxOps: RUN_MAX,
      writes: true,
      prepare: async () => {
        runs = Array.from({ length: RUN_MAX }, (_, i) => runInstances(bench().target.host, 1, ZONES[i % 3]));
      },
      op: (b, i) => sendChecked(b, runs[i], /<instanceId>i-[0-9a-f]+<\/instanceId>/),
      // Not kept for the rest of the run (see workload.ts's prepared).
      done: () => void (runs = []),
    },
    {
      name: "DescribeInstances (10 ids)",
      unit: "request",
      maxOps: 1_000_000,
      prepare: async () => {
        const b = bench();
        const reply = await b.driver.send(runInstances(b.target.host, 10, ZONES[0]), true);
        const ids = [...new Set([...(reply.text ?? "").matchAll(/<instanceId>(i-[0-9a-f]+)<\/instanceId>/g)].map((m) => m[1]))];
        if (ids.length !== 10) throw new Error(`RunInstances for DescribeInstances answered ${reply.status}: ${(reply.text ?? "").slice(0, 200)}`);
        const params: [string, string][] = [["Action", "DescribeInstances"], ["Version", "2016-11-15"], ...ids.map((id, k): [string, string] => [`InstanceId.${k + 1}`, id])];
        describes = Array.from({ length: 1000 }, () => buildQuery(b.target.host, "ec2", params));
      },
      op: (b, i) => sendChecked(b, describes[i % describes.length], /<reservationSet>\s*<item>/),
    },
    {
      name: "GetCallerIdentity",
      unit: "request",
      maxOps: 1_000_000,
      prepare: async () => {
        identity = buildQuery(bench().target.host, "sts", [["Action", "GetCallerIdentity"], ["Version", "2011-06-15"]]);
      },
      op: (b) => sendChecked(b, identity!, /<Account>\d{12}<\/Account>/),
    },
  ];
}
