// The cluster's capacity providers, as the Infrastructure tab of the AWS console lists them above
// the container instances: each provider's Auto Scaling group (minimum, maximum, desired, its
// instances with lifecycle state and scale-in protection), its managed scaling settings, its
// reservation, and the tasks waiting in PROVISIONING for capacity from it. Read through
// DescribeClusters, DescribeCapacityProviders, Auto Scaling's DescribeAutoScalingGroups, the tasks
// and container instances the tab already holds, and ECS managed scaling's own view where the
// server offers it (capacityView.ts).
import type { AutoScalingGroup } from "../../../services/autoscaling/generated/types.js";
import type { CapacityProvider, CapacityProviderStrategyItem, ContainerInstance, Task } from "../../../services/ecs/generated/types.js";
import type { App } from "../app.js";
import { groupName, groups } from "../autoscaling.js";
import * as data from "../data.js";
import { capacityView, percent, type ProviderView } from "../capacityView.js";
import { badge, h, link, shortId, summaryList, table, time, type Child } from "../dom.js";
import { href } from "../router.js";
import { errorText } from "../ui.js";

/** A task that waits for capacity: placed through the provider, not yet on any instance. */
export function waitingFor(provider: string, tasks: Task[]): Task[] {
  return tasks.filter((t) => t.capacityProviderName === provider && t.lastStatus === "PROVISIONING" && !t.containerInstanceArn);
}

/**
 * Without ECS's view: the provider's CapacityProviderReservation by the Developer Guide's formula,
 * instances needed over instances running × 100, where the API state alone settles it: with nothing
 * waiting, the instances that run tasks are the ones needed. With tasks waiting, more instances are
 * needed than run (above 100 %), how many more is ECS's packing to know.
 */
export function reservation(g: AutoScalingGroup, busy: number, waiting: number): string {
  const running = (g.Instances ?? []).filter((i) => i.LifecycleState === "InService").length;
  if (waiting > 0) return running ? `above 100 % (${busy} of ${running} running instances busy, ${waiting} task${waiting === 1 ? "" : "s"} waiting)` : `above 100 % (no running instances, ${waiting} task${waiting === 1 ? "" : "s"} waiting)`;
  if (running === 0) return "— (no running instances, no tasks waiting)";
  return `${Math.round((busy / running) * 100)} % (${busy} of ${running} running instances run tasks)`;
}

function strategyText(item: CapacityProviderStrategyItem | undefined): string {
  return item ? `base ${item.base ?? 0}, weight ${item.weight ?? 0}` : "Not in the default strategy";
}

function managedSettings(cp: CapacityProvider): [string, string][] {
  const asg = cp.autoScalingGroupProvider!;
  const ms = asg.managedScaling;
  const on = ms?.status === "ENABLED";
  return [
    ["Managed scaling", ms?.status ?? "DISABLED"],
    ["Target capacity", on ? `${ms?.targetCapacity ?? 100} %` : "—"],
    ["Scaling step", on ? `${ms?.minimumScalingStepSize ?? 1} to ${ms?.maximumScalingStepSize ?? 10000} instances` : "—"],
    ["Instance warm-up", on ? `${ms?.instanceWarmupPeriod ?? 300} s` : "—"],
    ["Managed termination protection", asg.managedTerminationProtection ?? "DISABLED"],
    ["Managed draining", asg.managedDraining ?? "—"],
  ];
}

function instancesTable(g: AutoScalingGroup, byEc2: Map<string, ContainerInstance>, cluster: string): HTMLElement {
  return table(
    `Instances of ${g.AutoScalingGroupName}`,
    ["Instance", "Zone", "Type", "Lifecycle state", "Health", "Protected from scale-in", "Container instance"],
    (g.Instances ?? []).map((i) => {
      const ci = byEc2.get(i.InstanceId);
      return [
        h("code", {}, i.InstanceId),
        i.AvailabilityZone,
        i.InstanceType ?? "—",
        badge(i.LifecycleState),
        i.HealthStatus,
        i.ProtectedFromScaleIn ? "Yes" : "No",
        ci ? h("span", {}, link(href.cluster(cluster, "infrastructure"), h("code", {}, shortId(ci.containerInstanceArn).slice(0, 12))), " ", badge(ci.status), ` ${ci.runningTasksCount ?? 0} running`) : "Not registered",
      ];
    }),
    "The group has no instances.",
  );
}

function waitingList(cluster: string, waiting: Task[]): HTMLElement {
  if (waiting.length === 0) return h("p", { class: "empty" }, "No tasks are waiting for capacity.");
  return h("ul", { class: "waiting" }, ...waiting.map((t) => h("li", {}, link(href.task(cluster, shortId(t.taskArn)), h("code", {}, shortId(t.taskArn).slice(0, 12))), " ", badge(t.lastStatus), ` ${shortId(t.taskDefinitionArn)} · ${t.group ?? ""} · since ${time(t.createdAt)}`)));
}

interface CardData {
  cluster: string;
  cp: CapacityProvider;
  strategy?: CapacityProviderStrategyItem;
  group?: AutoScalingGroup | string;
  tasks: Task[];
  byEc2: Map<string, ContainerInstance>;
  /** What ECS managed scaling sees of the provider, where the server shows it. */
  managed?: ProviderView;
}

/** ECS's own evaluation of the provider: the last datapoint, the scale-in alarm's count, the next evaluation. */
function managedFacts(v: ProviderView): [string, Child][] {
  const d = v.lastDatapoint;
  const at = (iso: string): string => time(Date.parse(iso) / 1000);
  return [
    ["Reservation", d ? `${percent(d.reservation)} (${d.needed} needed of ${d.running} running instance${d.running === 1 ? "" : "s"}, ${d.waiting} task${d.waiting === 1 ? "" : "s"} waiting)` : "Not evaluated yet"],
    ["Last evaluation", d ? `${at(d.at)}: ${d.action}` : v.nextEvaluationAt ? `First at ${at(v.nextEvaluationAt)}` : "—"],
    ["Scale-in datapoints", v.alarms ? `${v.alarms.lowDatapoints} of ${v.alarms.lowDatapointsToAlarm} below target` : "—"],
    ["Scaling policy", v.scalingPolicyName ? h("code", {}, v.scalingPolicyName) : "—"],
  ];
}

function card({ cluster, cp, strategy, group, tasks, byEc2, managed }: CardData): HTMLElement {
  const name = cp.name ?? "—";
  const id = `cp-${name}`;
  const waiting = waitingFor(name, tasks);
  const head = h("header", {}, h("h3", { id }, name), badge(cp.status), cp.updateStatus ? badge(cp.updateStatus) : null, h("span", { class: "muted" }, strategyText(strategy)));
  const running = tasks.filter((t) => t.capacityProviderName === name && t.lastStatus === "RUNNING").length;
  if (!cp.autoScalingGroupProvider) {
    const provisioning = tasks.filter((t) => t.capacityProviderName === name && t.lastStatus === "PROVISIONING").length;
    return h("article", { class: "provider", "aria-labelledby": id }, head, summaryList([["Type", "Fargate: AWS runs these tasks, there are no instances to manage"], ["Running tasks", String(running)], ["Provisioning tasks", String(provisioning)]], "facts"));
  }
  const asgName = groupName(cp.autoScalingGroupProvider.autoScalingGroupArn);
  const g = typeof group === "object" ? group : undefined;
  const busy = g ? (g.Instances ?? []).filter((i) => (byEc2.get(i.InstanceId)?.runningTasksCount ?? 0) + (byEc2.get(i.InstanceId)?.pendingTasksCount ?? 0) > 0).length : 0;
  return h(
    "article",
    { class: "provider", "aria-labelledby": id },
    head,
    summaryList(
      [
        ["Auto Scaling group", h("code", {}, asgName)],
        ["Minimum / maximum", g ? `${g.MinSize} / ${g.MaxSize}` : "—"],
        ["Desired capacity", g ? String(g.DesiredCapacity) : "—"],
        ...(managed
          ? managedFacts(managed)
          : ([
              ["Reservation", g ? reservation(g, busy, waiting.length) : "—"],
              ["Last evaluation", "None shown by this server: the reservation is worked out in the page"],
            ] as [string, Child][])),
        ["Running tasks", String(running)],
        ...managedSettings(cp),
      ],
      "facts",
    ),
    typeof group === "string" ? h("p", { class: "form-error" }, group) : g ? instancesTable(g, byEc2, cluster) : h("p", { class: "empty" }, `Auto Scaling has no group named ${asgName} in this account and region.`),
    h("h4", {}, `Waiting for capacity (${waiting.length})`),
    waitingList(cluster, waiting),
  );
}

/** The capacity providers part of the Infrastructure tab, from what the tab read this tick. */
export async function capacitySection(app: App, cluster: string, tasks: Task[], instances: ContainerInstance[]): Promise<HTMLElement> {
  const c = await data.cluster(app.ecs, cluster);
  const names = c?.capacityProviders ?? [];
  if (names.length === 0) return h("p", { class: "empty" }, "No capacity providers are associated with this cluster (PutClusterCapacityProviders).");
  const providers = (await app.ecs.call("DescribeCapacityProviders", { capacityProviders: names })).capacityProviders ?? [];
  const asgNames = providers.map((p) => p.autoScalingGroupProvider?.autoScalingGroupArn).filter((a): a is string => !!a).map(groupName);
  // An Auto Scaling error is shown in each provider's card; the ECS part stays.
  const [found, view] = await Promise.all([groups(app.autoScaling, asgNames).catch((e: unknown) => errorText(e)), capacityView(app.ecs.where)]);
  const byEc2 = new Map(instances.filter((ci) => ci.ec2InstanceId).map((ci) => [ci.ec2InstanceId!, ci]));
  const strategy = new Map((c?.defaultCapacityProviderStrategy ?? []).map((s) => [s.capacityProvider, s]));
  return h(
    "div",
    { class: "providers" },
    ...providers
      .sort((a, b) => names.indexOf(a.name ?? "") - names.indexOf(b.name ?? ""))
      .map((cp) => {
        const asg = cp.autoScalingGroupProvider ? groupName(cp.autoScalingGroupProvider.autoScalingGroupArn) : undefined;
        const group = typeof found === "string" ? found : asg ? found.get(asg) : undefined;
        return card({ cluster, cp, strategy: strategy.get(cp.name ?? ""), group, tasks, byEc2, managed: view?.get(cp.name ?? "") });
      }),
  );
}
