// The ECS API (and the other awsJson services) of the server that serves this page, called as an SDK would: POST / with the
// operation in X-Amz-Target and a SigV4-shaped credential scope that names account and region.
// Nothing is signed: ecs-local reads the scope and ignores the signature.
import type { Input, Operation, Output } from "../../services/ecs/generated/operations.js";

const TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";

/** An error answered by the API, shown as the API wrote it. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface Where {
  accountId: string;
  region: string;
}

export class Ecs {
  constructor(readonly where: Where) {}

  async call<Op extends Operation>(op: Op, input: Input<Op>): Promise<Output<Op>> {
    return (await postJson(this.where, "ecs", `${TARGET_PREFIX}.${op}`, "1.1", input)) as Output<Op>;
  }

  /** Every page of a List* operation, following nextToken. */
  async all<Op extends Operation, K extends keyof Output<Op>>(op: Op, input: Input<Op>, key: K): Promise<NonNullable<Output<Op>[K]>> {
    const out: unknown[] = [];
    let nextToken: string | undefined;
    do {
      const page: any = await this.call(op, { ...input, ...(nextToken ? { nextToken } : {}) } as Input<Op>);
      out.push(...(page[key] ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return out as NonNullable<Output<Op>[K]>;
  }
}

/** The operation table of a generated model: each operation's input and output. */
type OperationTable<IO> = { [Op in keyof IO]: { input: unknown; output: unknown } };

/**
 * Another awsJson service of the same server (Systems Manager, Secrets Manager, Application Auto
 * Scaling), typed by its generated operation table; its List and Describe operations page with NextToken.
 */
export class JsonApi<IO extends OperationTable<IO>> {
  constructor(
    readonly where: Where,
    /** The SigV4 signing name, e.g. `ssm`. */
    readonly signingName: string,
    readonly targetPrefix: string,
  ) {}

  async call<Op extends keyof IO & string>(op: Op, input: IO[Op]["input"]): Promise<IO[Op]["output"]> {
    return (await postJson(this.where, this.signingName, `${this.targetPrefix}.${op}`, "1.1", input)) as IO[Op]["output"];
  }

  /** Every page of `op`, following NextToken, gathering the list at `key`. */
  async all<Op extends keyof IO & string, K extends keyof IO[Op]["output"]>(op: Op, input: IO[Op]["input"], key: K): Promise<NonNullable<IO[Op]["output"][K]>> {
    const out: unknown[] = [];
    let NextToken: string | undefined;
    do {
      const page: any = await this.call(op, { ...(input as object), ...(NextToken ? { NextToken } : {}) } as IO[Op]["input"]);
      out.push(...(page[key] ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return out as NonNullable<IO[Op]["output"][K]>;
  }
}

/**
 * One awsJson call: the operation in X-Amz-Target, the JSON body, and a credential scope naming
 * account, region and `service` (the SigV4 signing name). An error is raised as the API's code and message.
 */
export async function postJson(where: Where, service: string, target: string, jsonVersion: string, input: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch("/", {
      method: "POST",
      headers: {
        "Content-Type": `application/x-amz-json-${jsonVersion}`,
        "X-Amz-Target": target,
        Authorization: `AWS4-HMAC-SHA256 Credential=${where.accountId}/20260101/${where.region}/${service}/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: JSON.stringify(input),
    });
  } catch (e) {
    throw new ApiError("NetworkError", `The server did not answer: ${(e as Error).message}`, 0);
  }
  const text = await res.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError("ServerException", `Unreadable answer (${res.status}): ${text.slice(0, 200)}`, res.status);
  }
  if (!res.ok) {
    const code = String(res.headers.get("x-amzn-ErrorType") ?? body.__type ?? "Error").split(":")[0].split("#").pop()!;
    throw new ApiError(code, String(body.message ?? body.Message ?? text), res.status);
  }
  return body;
}

/** Splits a list into groups of at most n, for Describe* operations that take a limited number of ids. */
export function chunks<T>(items: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}
