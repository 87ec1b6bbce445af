// What every page is given: the API client for the chosen account and region, what the server
// offers beside ECS, and a way to ask for an immediate refresh after an action.
import type { Ecs } from "./api.js";

/**
 * The companion services a page may show data from where the AWS console does: EC2 instances
 * behind container instances, target health for load-balanced services, container logs. Each is
 * false until the server reports that service in /_ecs-local/health; pages then show where the
 * data will appear and never make any up.
 */
export interface Companions {
  ec2: boolean;
  elbv2: boolean;
  logs: boolean;
}

export interface App {
  ecs: Ecs;
  companions: Companions;
  /** Refreshes the current page now instead of at the next tick. */
  refresh(): void;
}

/** A page is mounted once per visit; `refresh` runs on every tick while it is shown. */
export interface Page {
  title: string;
  /** Breadcrumb trail: [label, href] pairs, the last one the current page. */
  crumbs: [string, string][];
  mount(root: HTMLElement, app: App): { refresh(): Promise<void> };
}

export async function companionsFromHealth(): Promise<Companions> {
  try {
    const res = await fetch("/_ecs-local/health");
    const services = ((await res.json()) as { services?: Record<string, unknown> }).services ?? {};
    return { ec2: "ec2" in services, elbv2: "elbv2" in services, logs: "logs" in services };
  } catch {
    return { ec2: false, elbv2: false, logs: false };
  }
}
