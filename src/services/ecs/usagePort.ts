// What Application Auto Scaling asks of ECS to track a service's CPU and memory utilization: what the
// service's running tasks use, as the container runtime measures it. Reached through
// `peers.ecs.usage`, so neither service imports the other's code.

/** A service's utilization: percentages of what its tasks reserve, averaged over `tasks` running tasks. */
export interface ServiceUsage {
  cpu?: number;
  memory?: number;
  tasks: number;
}

export interface ServiceUsagePort {
  /**
   * Measures the service's running tasks; undefined at once when the runtime measures nothing (the
   * simulated runtime) or the service runs no task, so that nothing waits.
   */
  measure(accountId: string, region: string, cluster: string, service: string): Promise<ServiceUsage | undefined> | undefined;
}
