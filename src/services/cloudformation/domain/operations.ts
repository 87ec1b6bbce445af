// What the stack operations share: loading the other services' operations first, the token rule,
// and the checks that a stack can take a new operation.
import type { CloudFormationContext, StackRecord } from "../context.js";
import { TokenAlreadyExistsException } from "../generated/errors.js";
import { validation } from "../template/errors.js";
import { loadPeers } from "./load.js";

/** Runs `fn` once every operation a resource may call is loaded (awaited only the first time). */
export function withPeers<T>(ctx: CloudFormationContext, fn: () => T): T | Promise<T> {
  const p = loadPeers(ctx);
  return p ? p.then(fn) : fn();
}

/** A ClientRequestToken already used on the stack: the same operation again is a repeat (true); another is refused. */
export function repeated(rec: StackRecord, token: string | undefined, operation: string): boolean {
  if (token === undefined || rec.token?.value !== token) return false;
  if (rec.token.operation === operation) return true;
  throw new TokenAlreadyExistsException(`Another ${rec.token.operation} request with the same ClientRequestToken ${token} has already been submitted.`);
}

export function notUpdatable(rec: StackRecord): Error {
  return validation(`Stack:${rec.stack.StackId} is in ${rec.stack.StackStatus} state and can not be updated.`);
}
