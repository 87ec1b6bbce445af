// Identifiers in the forms ECS uses.
import { randomBytes, randomUUID } from "node:crypto";

/** 32 lowercase hex digits: the id of tasks and container instances. */
export function hexId(): string {
  return randomBytes(16).toString("hex");
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
