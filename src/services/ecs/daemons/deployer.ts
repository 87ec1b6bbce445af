// Moves daemon deployments on after each batch of due work in which something of their cluster
// changed (a daemon task, an instance gone): on the clock, never because someone called Describe.
import type { EcsBackend } from "../context.js";
import type { EcsState } from "../store.js";
import { ownContext } from "../capacity/autoScaling.js";
import { advance } from "./deployments.js";

export class DaemonDeployer {
  private dirty = new Map<string, EcsState>();

  constructor(private readonly backend: EcsBackend) {
    backend.timeline.onAfterRun(() => this.run());
  }

  /** Something changed in a cluster: its daemons' deployments look again. */
  changed(state: EcsState, cluster: string): void {
    if (state.daemons.size === 0) return;
    this.dirty.set(`${state.accountId}/${state.region}/${cluster}`, state);
    this.backend.timeline.wake();
  }

  clear(): void {
    this.dirty.clear();
  }

  private run(): void {
    if (!this.dirty.size) return;
    const batch = [...this.dirty];
    this.dirty.clear();
    for (const [key, state] of batch) {
      const cluster = key.split("/").slice(2).join("/");
      const ctx = ownContext(this.backend, state);
      for (const d of state.daemons.values()) {
        if (d.clusterName !== cluster || d.deleted) continue;
        const dep = state.daemonDeployments.get(d.deploymentArn);
        if (dep) advance(ctx, dep);
      }
    }
  }
}
