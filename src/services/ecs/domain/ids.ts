// Identifiers in the forms ECS uses.
import { randomBytes, randomUUID } from "node:crypto";

// Random bytes drawn in blocks: one call per id would cost a trip into the random source each time.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

/** 32 lowercase hex digits: the id of tasks and container instances. */
export function hexId(): string {
  if (offset + 16 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  offset += 16;
  return pool.toString("hex", offset - 16, offset);
}

export function uuid(): string {
  return randomUUID();
}

/** "ecs-svc/" and 19 digits: deployment ids and a service task's startedBy. */
export function deploymentId(): string {
  let digits = String(1 + Math.floor(Math.random() * 9));
  while (digits.length < 19) digits += String(Math.floor(Math.random() * 10));
  return `ecs-svc/${digits}`;
}
