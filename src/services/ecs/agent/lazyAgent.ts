// The instance agent (instanceAgent.ts, with the ECS operations it runs: registration and the
// instance types' tables), loaded with EC2's operations rather than compiled by every start
// (README, "Start-up"). Instances change only through EC2's operations and the timers they set, and
// whatever runs one of those loads it first (a request, the in-process client, a journal's replay):
// the registry loads the agent with them. Its listener is added when the backends are made, in the
// same place among EC2's instance listeners.
import type { Ec2Backend, InstanceListener } from "../../ec2/context.js";
import type { EcsBackend } from "../context.js";

let agent: typeof import("./instanceAgent.js").instanceAgent | undefined;
let loading: Promise<void> | undefined;

/** Loads the agent's code; undefined once loaded (await only then). */
export function loadInstanceAgent(): Promise<void> | undefined {
  if (agent) return undefined;
  return (loading ??= import("./instanceAgent.js").then(
    (m) => void (agent = m.instanceAgent),
    (e: unknown) => {
      // A failed load (a file missing from a broken install) is tried again by the next operation.
      loading = undefined;
      throw e;
    },
  ));
}

/** Runs the agent on every instance EC2 starts, stops and terminates, once its code is loaded. */
export function connectInstanceAgent(ecs: EcsBackend, ec2: Ec2Backend): void {
  let listener: InstanceListener | undefined;
  ec2.instanceListeners.push((state, rec, previous) => {
    if (agent) (listener ??= agent(ecs, ec2))(state, rec, previous);
  });
}
