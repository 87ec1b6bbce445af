// Calls from one service to another's operations inside the process: what Auto Scaling launches
// through EC2's RunInstances, what a CloudFormation resource creates through its service. The input
// is validated by the same generated schema and runs through the same handler as on the wire, so a
// caller can never build what the API would refuse, and the error it gets is the API's (a stack
// event's reason, a scaling activity's status message). Calls are synchronous: they run in the
// caller's turn, in timers too, so that a journal replay (persistence) repeats them in order.
import { AwsError } from "../protocol/errors.js";
import { JsonText, type JsonService } from "../protocol/json.js";
import type { QueryService } from "../protocol/query.js";
import type { RestXmlService } from "../protocol/restXml.js";
import { ec2ValidationError, queryValidationError } from "../protocol/queryMessages.js";
import type { RequestContext } from "../protocol/context.js";
import type { ServedService } from "../protocol/service.js";
import { inputErrors, schemaFor } from "../protocol/validate.js";
import { validationError } from "../protocol/messages.js";

export interface InProcessClient {
  /**
   * Loads the code of these operations of a service; undefined when it is loaded already (await it
   * only then, so that a replay, where everything is loaded, stays in one turn).
   */
  load(service: string, operations: readonly string[]): Promise<void> | undefined;
  /** Runs an operation as a request would (validated input, the same handler); it must be loaded. Throws its AwsError. */
  call<T = any>(service: string, operation: string, input: Record<string, unknown>, ctx: RequestContext): T;
}

export function inProcessClient(services: { json: JsonService[]; query: QueryService[]; restXml: RestXmlService[] }): InProcessClient {
  // The services' own invoke, taken before persistence wraps them: a call made inside an operation or
  // a timer is replayed by replaying that operation or timer, never journaled on its own.
  const invokers = new Map<string, { service: ServedService; invoke: ServedService["invoke"]; protocol: "json" | "query" | "ec2" | "rest-xml" }>();
  for (const s of services.json) invokers.set(s.name, { service: s, invoke: s.invoke.bind(s), protocol: "json" });
  for (const s of services.query) invokers.set(s.name, { service: s, invoke: s.invoke.bind(s), protocol: s.protocol });
  for (const s of services.restXml) invokers.set(s.name, { service: s, invoke: s.invoke.bind(s), protocol: "rest-xml" });
  const find = (name: string) => {
    const found = invokers.get(name);
    if (!found) throw new Error(`no service ${name} to call in process`);
    return found;
  };
  // Lists found loaded, by identity: callers pass the same constant lists on every request (Auto
  // Scaling's peers, every operation a stack may call), and code once loaded stays loaded.
  const loaded = new Map<string, WeakSet<readonly string[]>>();
  return {
    load(service, operations) {
      if (loaded.get(service)?.has(operations)) return undefined;
      const { service: s } = find(service);
      const pending = operations.map((op) => s.load?.(op)).filter((p): p is Promise<void> => p !== undefined);
      if (pending.length === 0) (loaded.get(service) ?? loaded.set(service, new WeakSet()).get(service)!).add(operations);
      return pending.length ? Promise.all(pending).then(() => undefined) : undefined;
    },
    call(service, operation, input, ctx) {
      const { service: s, invoke, protocol } = find(service);
      if (!s.implemented(operation)) throw new AwsError("UnsupportedOperation", `ecs-local does not support ${service} ${operation} yet.`, 400);
      const errors = inputErrors(s.name, operation, input);
      if (errors) {
        if (protocol === "json") throw validationError(errors, input, operation, (s as JsonService).enumError, (s as JsonService).constraintError);
        if (protocol === "rest-xml") throw (s as RestXmlService).errors.validation(errors, input, schemaFor(s.name, operation, "input"));
        throw protocol === "ec2" ? ec2ValidationError(errors, input, schemaFor(s.name, operation, "input")) : queryValidationError(errors, input);
      }
      const out = invoke(operation, input, ctx);
      if (out instanceof Promise) throw new Error(`${service} ${operation} answered asynchronously; in-process calls need a synchronous operation`);
      return (out instanceof JsonText ? out.value : (out ?? {})) as never;
    },
  };
}
