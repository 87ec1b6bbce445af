// A task as its containers see it through the metadata endpoint, with its roles and their current
// sessions (never the secret parts), for the console's task page: GET /_ecs-local/task-metadata?task=<arn>.
// Built from the same port and documents as the endpoint itself; for a task whose containers do not
// run (the simulated runtime, or stopped), from ECS's state alone.
import type { ServerResponse } from "node:http";
import type { Backends } from "../services/backends.js";
import type { ContainerRuntime } from "../runtime/runtime.js";
import { taskRolesOf } from "../services/ecs/domain/taskEndpoints.js";
import { endpointId, taskDocument } from "./metadata.js";
import { gatherFacts } from "./routes.js";

export interface ConsoleViewContext {
  backends: Backends;
  runtime: () => ContainerRuntime;
  now: () => number;
}

export async function taskMetadataView(ctx: ConsoleViewContext, taskArn: string, res: ServerResponse): Promise<void> {
  const send = (status: number, body: unknown): void => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const m = /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):task\/[^/]+\/([0-9a-f]{32})$/.exec(taskArn);
  const v = m ? ctx.backends.ecs.endpoints.task(m[3]) : undefined;
  if (!m || !v || v.accountId !== m[2] || v.region !== m[1]) return send(404, { message: `No task ${taskArn}` });
  const facts = await gatherFacts(ctx, v);
  const roles = taskRolesOf(v).map((r) => {
    const session = r.accessKeyId ? ctx.backends.sts.session(r.accessKeyId) : undefined;
    return { kind: r.kind, roleArn: r.roleArn, ...(session ? { sessionArn: session.principal?.arn, accessKeyId: session.accessKeyId, expiration: new Date(session.expiration).toISOString() } : {}) };
  });
  const endpoints = (v.task.containers ?? []).map((c) => ({ container: c.name, path: `/v4/${endpointId(v.task.taskArn!, c.name!)}` }));
  send(200, { metadata: taskDocument(v, 4, facts), endpoints, roles });
}
