// Proof that the driver sends what the SDK sends: both send the same operation to a local capture
// server, and the raw header lists (names, order, values) and body bytes must be equal. With the
// SDK's own date and invocation id, our signature must equal the SDK's to the last hex digit.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import * as ecs from "@aws-sdk/client-ecs";
import { Driver } from "./driver.js";
import { Signer } from "./sigv4.js";
import { CREDENTIALS, HOST, REGION } from "./targets.js";
import { EcsWire, type UserAgent } from "./wire.js";
import { CLUSTERS, CONTAINER, INSTANCE_RESOURCES, TASK_FAMILY, instanceDocument } from "./workload.js";

interface Captured {
  rawHeaders: string[];
  body: string;
}

export interface FidelityCheck {
  operation: string;
  ok: boolean;
  differences: string[];
}

/** Each operation the workload sends, with the input it sends. */
export const SAMPLES: [string, Record<string, unknown>][] = [
  ["ListClusters", {}],
  ["CreateCluster", { clusterName: CLUSTERS.run }],
  ["RegisterTaskDefinition", { family: TASK_FAMILY, containerDefinitions: [CONTAINER] }],
  ["RegisterContainerInstance", { cluster: CLUSTERS.instances, instanceIdentityDocument: instanceDocument(["i-0123456789abcdef0"], 0), totalResources: INSTANCE_RESOURCES }],
  ["RunTask", { taskDefinition: TASK_FAMILY, cluster: CLUSTERS.run, count: 10, clientToken: "0b5e8a52-5f43-4a8e-9d0c-1b7e3b1f2a11" }],
  ["DescribeTasks", { tasks: ["arn:aws:ecs:us-east-1:000000000000:task/bench-list/0123456789abcdef0123456789abcdef"], cluster: CLUSTERS.list }],
  ["ListTasks", { cluster: CLUSTERS.list, nextToken: "abc", maxResults: 100 }],
  ["CreateService", { serviceName: "svc", cluster: CLUSTERS.services, taskDefinition: TASK_FAMILY, desiredCount: 1, launchType: "EC2" }],
  ["DescribeServices", { services: ["svc"], cluster: CLUSTERS.services }],
  ["UpdateService", { service: "svc", cluster: CLUSTERS.services, desiredCount: 0 }],
  ["DeleteService", { service: "svc", cluster: CLUSTERS.services }],
];

async function captureServer(): Promise<{ host: string; origin: string; next(): Promise<Captured>; close(): void }> {
  const waiting: ((c: Captured) => void)[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      res.end("{}");
      waiting.shift()?.({ rawHeaders: req.rawHeaders, body });
    });
  });
  await new Promise<void>((r) => server.listen(0, HOST, () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    host: `${HOST}:${port}`,
    origin: `http://${HOST}:${port}`,
    next: () => new Promise((r) => waiting.push(r)),
    close: () => server.close(),
  };
}

function sdkClient(origin: string): ecs.ECSClient {
  return new ecs.ECSClient({ endpoint: origin, region: REGION, credentials: CREDENTIALS, maxAttempts: 3 });
}

async function sdkSend(client: ecs.ECSClient, operation: string, input: object): Promise<void> {
  const Command = (ecs as unknown as Record<string, new (i: object) => Parameters<ecs.ECSClient["send"]>[0]>)[`${operation}Command`];
  await client.send(new Command(input));
}

function header(raw: string[], name: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === name) return raw[i + 1];
  return undefined;
}

/** The user agent strings of the installed SDK, so the driver sends the same ones. */
export async function sdkUserAgent(): Promise<UserAgent> {
  const cap = await captureServer();
  const client = sdkClient(cap.origin);
  const got = cap.next();
  await sdkSend(client, "ListClusters", {});
  const c = await got;
  client.destroy();
  cap.close();
  return { userAgent: header(c.rawHeaders, "user-agent") ?? "", amzUserAgent: header(c.rawHeaders, "x-amz-user-agent") ?? "" };
}

function compare(sdk: Captured, ours: Captured): string[] {
  const diffs: string[] = [];
  if (sdk.body !== ours.body) diffs.push(`body: SDK ${sdk.body.slice(0, 200)} | driver ${ours.body.slice(0, 200)}`);
  const pairs = (raw: string[]) => Array.from({ length: raw.length / 2 }, (_, i) => `${raw[2 * i]}: ${raw[2 * i + 1]}`);
  const a = pairs(sdk.rawHeaders);
  const b = pairs(ours.rawHeaders);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) diffs.push(`header ${i}: SDK "${a[i] ?? "(none)"}" | driver "${b[i] ?? "(none)"}"`);
  }
  return diffs;
}

export async function checkFidelity(agent: UserAgent): Promise<FidelityCheck[]> {
  const cap = await captureServer();
  const client = sdkClient(cap.origin);
  const driver = new Driver(cap.origin, 1);
  const wire = new EcsWire(new Signer(CREDENTIALS), REGION, cap.host, agent);
  const out: FidelityCheck[] = [];
  for (const [operation, input] of SAMPLES) {
    const fromSdk = cap.next();
    await sdkSend(client, operation, input);
    const sdk = await fromSdk;
    const req = wire.build(operation, input, { date: header(sdk.rawHeaders, "x-amz-date"), invocationId: header(sdk.rawHeaders, "amz-sdk-invocation-id") });
    const fromDriver = cap.next();
    await driver.send(req);
    const differences = compare(sdk, await fromDriver);
    out.push({ operation, ok: differences.length === 0, differences });
  }
  client.destroy();
  await driver.close();
  cap.close();
  return out;
}
