// What every page is given: the API clients for the chosen account and region (ECS, and what the
// server serves beside it; CloudWatch Logs is called per log stream's region), and a way to ask for
// an immediate refresh after an action.
import { Ecs, type Where } from "./api.js";
import { ec2Client } from "./ec2.js";
import { elbv2Client } from "./elbv2.js";
import { iamClient } from "./iam.js";
import { ssmClient, type Ssm } from "./ssm.js";
import { secretsClient, type Secrets } from "./secrets.js";
import { appScalingClient, type AppScaling } from "./appscaling.js";
import { autoScalingClient } from "./autoscaling.js";
import { cloudFormationClient } from "./cloudformation.js";
import { ecrClient, type Ecr } from "./ecr.js";
import type { Query } from "./query.js";

export interface App {
  ecs: Ecs;
  /** EC2 and ELBv2 of the same server, account and region: the instances behind container instances, target health. */
  ec2: Query;
  elbv2: Query;
  /** IAM is global: one per account, whatever the region. */
  iam: Query;
  ssm: Ssm;
  secrets: Secrets;
  appScaling: AppScaling;
  autoScaling: Query;
  cloudFormation: Query;
  ecr: Ecr;
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

export type Clients = Omit<App, "refresh">;

/** The clients of every service the pages read, for one account and region. */
export function clients(where: Where): Clients {
  return {
    ecs: new Ecs(where),
    ec2: ec2Client(where),
    elbv2: elbv2Client(where),
    iam: iamClient(where),
    ssm: ssmClient(where),
    secrets: secretsClient(where),
    appScaling: appScalingClient(where),
    autoScaling: autoScalingClient(where),
    cloudFormation: cloudFormationClient(where),
    ecr: ecrClient(where),
  };
}
