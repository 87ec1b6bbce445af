// moto registers a container instance only for an EC2 instance its own EC2 knows, so before the
// workload (untimed) moto gets real instances through EC2's query API; ecs-local takes any id.
import { Http1Pool } from "./http1.js";
import { amzDate, sha256Hex, Signer } from "./sigv4.js";
import { CREDENTIALS, REGION, type Target } from "./targets.js";

/** Launches `count` instances in moto's EC2 and returns their ids. */
export async function motoInstances(target: Target, count: number): Promise<string[]> {
  const body = new URLSearchParams({ Action: "RunInstances", Version: "2016-11-15", ImageId: "ami-0123456789abcdef0", InstanceType: "m5.large", MinCount: String(count), MaxCount: String(count) }).toString();
  const date = amzDate();
  const signed: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    host: target.host,
    "x-amz-date": date,
    "x-amz-content-sha256": sha256Hex(body),
  };
  const authorization = new Signer(CREDENTIALS).authorization({ method: "POST", path: "/", headers: signed, body, region: REGION, service: "ec2", amzDate: date });
  const head = `POST / HTTP/1.1\r\n${Object.entries({ ...signed, authorization }).map(([k, v]) => `${k}: ${v}\r\n`).join("")}Connection: keep-alive\r\n\r\n`;
  const url = new URL(target.origin);
  const pool = new Http1Pool(url.hostname, Number(url.port), 1);
  try {
    const reply = await pool.send(Buffer.from(head + body), 120_000);
    const xml = reply.body.toString("utf8");
    if (reply.status !== 200) throw new Error(`moto RunInstances: HTTP ${reply.status} ${xml.slice(0, 200)}`);
    const ids = [...xml.matchAll(/<instanceId>(i-[0-9a-f]+)<\/instanceId>/g)].map((m) => m[1]);
    return [...new Set(ids)];
  } finally {
    pool.close();
  }
}

/** Instance ids ecs-local is given: the same shape as EC2's, made up. */
export function syntheticInstances(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `i-${(0x100000 + i).toString(16).padStart(17, "0")}`);
}
