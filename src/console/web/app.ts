// What every page is given: the API client for the chosen account and region, what the server
// offers beside ECS (EC2, ELBv2; CloudWatch Logs is called per log stream's region), and a way to ask for an immediate refresh after an action.
import { Ecs, type Where } from "./api.js";
import { ec2Client } from "./ec2.js";
import { elbv2Client } from "./elbv2.js";
import type { Query } from "./query.js";

export interface App {
  ecs: Ecs;
  /** EC2 and ELBv2 of the same server, account and region: the instances behind container instances, target health. */
  ec2: Query;
  elbv2: Query;
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

/** The clients of every service the pages read, for one account and region. */
export function clients(where: Where): Pick<App, "ecs" | "ec2" | "elbv2"> {
  return { ecs: new Ecs(where), ec2: ec2Client(where), elbv2: elbv2Client(where) };
}
