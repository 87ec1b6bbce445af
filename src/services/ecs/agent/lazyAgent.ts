// The instance agent (instanceAgent.ts, with the ECS operations it runs: registration and the
// instance types' tables), loaded with EC2's operations rather than compiled by every start
// (README, "Start-up"). Instances change only through EC2's operations and the timers they set, and
// whatever runs one of those loads it first (a request, the in-process client, a journal's replay):
// the registry loads the agent with them. Its listener is added when the backends are made, in the
// same place among EC2's instance listeners.
import type { Ec2Backend, InstanceListener } from "../../ec2/context.js";
import type { EcsBackend } from "../context.js";
import { lazyCode } from "../../lazy.js";

const agent = lazyCode(() => import("./instanceAgent.js").then((m) => m.instanceAgent));

/** Loads the agent's code; undefined once loaded (await only then). */
export const loadInstanceAgent = (): Promise<void> | undefined => agent.load();

/** Runs the agent on every instance EC2 starts, stops and terminates, once its code is loaded. */
export function connectInstanceAgent(ecs: EcsBackend, ec2: Ec2Backend): void {
  let listener: InstanceListener | undefined;
  ec2.instanceListeners.push((state, rec, previous) => {
    const make = agent.get();
    if (make) (listener ??= make(ecs, ec2))(state, rec, previous);
  });
}
