// The ECS API of the server that serves this page, called as an SDK would: POST / with the
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
    const { accountId, region } = this.where;
    let res: Response;
    try {
      res = await fetch("/", {
        method: "POST",
        headers: {
          "Content-Type": "application/x-amz-json-1.1",
          "X-Amz-Target": `${TARGET_PREFIX}.${op}`,
          Authorization: `AWS4-HMAC-SHA256 Credential=${accountId}/20260101/${region}/ecs/aws4_request, SignedHeaders=host, Signature=0`,
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
      const code = String(res.headers.get("x-amzn-ErrorType") ?? body.__type ?? "Error").split(":")[0];
      throw new ApiError(code, String(body.message ?? body.Message ?? text), res.status);
    }
    return body as Output<Op>;
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

/** Splits a list into groups of at most n, for Describe* operations that take a limited number of ids. */
export function chunks<T>(items: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}
