// A server on the wall clock for the browser tests (the page lives in real time), and API calls
// that check every answer against the model, as test/helpers/local.ts does.
import type { AddressInfo } from "node:net";
import { createServer } from "node:http";
import { createApp } from "../../src/app.js";
import { TARGET_PREFIX, type Input, type Operation, type Output } from "../../src/services/ecs/generated/operations.js";
import { validatorFor } from "../../src/protocol/validate.js";

export const ACCOUNT = "123456789012";
export const REGION = "eu-west-1";

export interface LiveServer {
  url: string;
  /** An API call from account ACCOUNT in REGION; answers the status and parsed body. */
  call<Op extends Operation>(op: Op, input: Input<Op>): Promise<{ status: number; body: any }>;
  ecs<Op extends Operation>(op: Op, input: Input<Op>): Promise<Output<Op>>;
  close(): Promise<void>;
}

export async function startLiveServer(): Promise<LiveServer> {
  const local = createApp({ config: { validateOutput: true, accountId: ACCOUNT, region: REGION } });
  const server = createServer(local.handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call: LiveServer["call"] = async (op, input) => {
    const res = await fetch(url + "/", {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": `${TARGET_PREFIX}.${op}`, Authorization: `AWS4-HMAC-SHA256 Credential=${ACCOUNT}/20260101/${REGION}/ecs/aws4_request, SignedHeaders=host, Signature=0` },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: await res.json() };
  };
  return {
    url,
    call,
    async ecs(op, input) {
      const r = await call(op, input);
      if (r.status !== 200) throw new Error(`${op} failed with ${r.status}: ${JSON.stringify(r.body)}`);
      const validate = validatorFor("ecs", op, "output");
      if (!validate(r.body)) throw new Error(`${op} output breaks the model: ${JSON.stringify(validate.errors)}`);
      return r.body as Output<typeof op>;
    },
    close: () =>
      new Promise<void>((resolve) => {
        local.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function registerInstance(s: LiveServer, cluster: string, n: number, zone: string): Promise<string> {
  const doc = JSON.stringify({ instanceId: `i-0${String(n).padStart(16, "0")}`, instanceType: "t3.medium", availabilityZone: zone, region: REGION });
  const r = await s.ecs("RegisterContainerInstance", {
    cluster,
    instanceIdentityDocument: doc,
    totalResources: [
      { name: "CPU", type: "INTEGER", integerValue: 2048 },
      { name: "MEMORY", type: "INTEGER", integerValue: 3904 },
    ],
  });
  return r.containerInstance!.containerInstanceArn!;
}
