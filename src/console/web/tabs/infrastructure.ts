// The Infrastructure tab: the cluster's capacity providers (tabs/capacity.ts), then container
// instances with registered against remaining CPU, memory and ports, their zone, agent and status,
// the EC2 instance behind each (read from EC2), the tasks on each; Drain and Set active.
import type { Instance } from "../../../services/ec2/generated/types.js";
import type { ContainerInstance, Resource, Task } from "../../../services/ecs/generated/types.js";
import type { App } from "../app.js";
import type { Tab } from "../pages/cluster.js";
import * as data from "../data.js";
import { instancesById } from "../ec2.js";
import { append, badge, h, link, shortId, time } from "../dom.js";
import { href } from "../router.js";
import { notify, errorText, swap } from "../ui.js";
import { capacitySection } from "./capacity.js";

function resource(list: Resource[] | undefined, name: string): Resource | undefined {
  return list?.find((r) => r.name === name);
}

function attribute(ci: ContainerInstance, name: string): string | undefined {
  return ci.attributes?.find((a) => a.name === name)?.value;
}

/** A used-of-registered bar; the numbers are in the text, the bar only draws them. */
function bar(label: string, unit: string, ci: ContainerInstance): HTMLElement {
  const total = resource(ci.registeredResources, label)?.integerValue ?? 0;
  const left = resource(ci.remainingResources, label)?.integerValue ?? 0;
  const used = total - left;
  const pct = total > 0 ? Math.round((used / total) * 100) : 0;
  const name = label === "CPU" ? "CPU" : "Memory";
  return h(
    "div",
    { class: "meter" },
    h("span", { class: "meter-label" }, name),
    h("span", { class: "meter-bar", role: "meter", "aria-label": `${name} in use`, "aria-valuemin": 0, "aria-valuemax": total, "aria-valuenow": used, "aria-valuetext": `${used} of ${total} ${unit} in use, ${left} remaining` }, h("span", { class: pct > 85 ? "fill high" : "fill", style: `width:${pct}%` })),
    h("span", { class: "meter-text" }, `${used} / ${total} ${unit} used · ${left} remaining`),
  );
}

function ports(ci: ContainerInstance): HTMLElement {
  const reserved = new Set(resource(ci.registeredResources, "PORTS")?.stringSetValue ?? []);
  const inUse = resource(ci.remainingResources, "PORTS")?.stringSetValue ?? [];
  const byTasks = inUse.filter((p) => !reserved.has(p)).sort((a, b) => Number(a) - Number(b));
  const udp = resource(ci.remainingResources, "PORTS_UDP")?.stringSetValue ?? [];
  return h(
    "div",
    { class: "meter" },
    h("span", { class: "meter-label" }, "Ports"),
    h("span", { class: "ports" }, ...[...reserved].map((p) => h("span", { class: "port reserved", title: "reserved at registration" }, p)), ...byTasks.map((p) => h("span", { class: "port used", title: "taken by a task" }, p)), ...udp.map((p) => h("span", { class: "port used", title: "UDP, taken by a task" }, `${p}/udp`))),
    h("span", { class: "meter-text" }, `${reserved.size} reserved · ${byTasks.length + udp.length} taken by tasks`),
  );
}

async function setState(app: App, cluster: string, ci: ContainerInstance, status: "DRAINING" | "ACTIVE"): Promise<void> {
  try {
    const r = await app.ecs.call("UpdateContainerInstancesState", { cluster, containerInstances: [ci.containerInstanceArn!], status });
    if (r.failures?.length) notify(`${r.failures[0].reason}: ${r.failures[0].detail ?? r.failures[0].arn}`, "error");
    else notify(`Container instance ${shortId(ci.containerInstanceArn)} is ${status}.`);
  } catch (e) {
    notify(errorText(e), "error");
  }
  app.refresh();
}

/** EC2's view of the instance behind a container instance, or why there is none (an EC2 error as Code: message). */
function ec2Facts(ci: ContainerInstance, ec2: Map<string, Instance> | string): HTMLElement {
  const id = ci.ec2InstanceId;
  const title = h("h4", {}, "EC2 instance");
  if (typeof ec2 === "string") return h("div", { class: "ec2" }, title, h("p", { class: "form-error" }, ec2));
  const i = id ? ec2.get(id) : undefined;
  if (!i) {
    return h(
      "div",
      { class: "ec2" },
      title,
      h("p", { class: "empty" }, id ? ["No EC2 instance behind this container instance: EC2 has no instance ", h("code", {}, id), " in this account and region. It was registered by hand (RegisterContainerInstance), not by an agent on an EC2 instance."] : "No EC2 instance behind this container instance: it was registered by hand, without an instance identity document."),
    );
  }
  const rows: [string, Node | string][] = [
    ["Instance ID", h("code", {}, i.InstanceId ?? "—")],
    ["Instance state", badge(i.State?.Name)],
    ["Instance type", i.InstanceType ?? "—"],
    ["Private IP address", i.PrivateIpAddress ?? "—"],
    ["Availability Zone", i.Placement?.AvailabilityZone ?? "—"],
    ["Launch time", time(i.LaunchTime)],
    ["AMI ID", i.ImageId ? h("code", {}, i.ImageId) : "—"],
  ];
  return h("div", { class: "ec2" }, title, h("dl", { class: "facts" }, ...rows.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v)))));
}

function card(app: App, cluster: string, ci: ContainerInstance, tasks: Task[], ec2: Map<string, Instance> | string): HTMLElement {
  const id = shortId(ci.containerInstanceArn);
  const draining = ci.status === "DRAINING";
  return h(
    "article",
    { class: "instance", "aria-labelledby": `ci-${id}` },
    h(
      "header",
      {},
      h("h3", { id: `ci-${id}` }, h("code", {}, id)),
      badge(ci.status),
      h("span", { class: ci.agentConnected ? "agent ok" : "agent bad" }, ci.agentConnected ? "Agent connected" : "Agent disconnected"),
      h(
        "button",
        { type: "button", class: draining ? "" : "danger-outline", "data-key": `state-${id}`, "aria-label": `${draining ? "Set active" : "Drain"} container instance ${id}`, onclick: () => setState(app, cluster, ci, draining ? "ACTIVE" : "DRAINING") },
        draining ? "Set active" : "Drain",
      ),
    ),
    h(
      "dl",
      { class: "facts" },
      h("div", {}, h("dt", {}, "Instance type"), h("dd", {}, attribute(ci, "ecs.instance-type") ?? "—")),
      h("div", {}, h("dt", {}, "Availability zone"), h("dd", {}, attribute(ci, "ecs.availability-zone") ?? "—")),
      h("div", {}, h("dt", {}, "Running tasks"), h("dd", {}, String(ci.runningTasksCount ?? 0))),
      h("div", {}, h("dt", {}, "Pending tasks"), h("dd", {}, String(ci.pendingTasksCount ?? 0))),
      h("div", {}, h("dt", {}, "Agent"), h("dd", {}, ci.versionInfo?.agentVersion ?? "—")),
    ),
    ec2Facts(ci, ec2),
    bar("CPU", "units", ci),
    bar("MEMORY", "MiB", ci),
    ports(ci),
    h(
      "div",
      { class: "instance-tasks" },
      h("h4", {}, `Tasks on this instance (${tasks.length})`),
      tasks.length ? h("ul", {}, ...tasks.map((t) => h("li", {}, link(href.task(cluster, shortId(t.taskArn)), h("code", {}, shortId(t.taskArn).slice(0, 12))), " ", badge(t.lastStatus), " ", t.group ?? ""))) : h("p", { class: "empty" }, "None."),
    ),
  );
}

export const infrastructureTab: Tab = {
  mount(root, app, cluster) {
    const slot = h("div", { class: "live-slot" });
    const providers = h("div", { class: "live-slot" });
    append(root, [h("h2", {}, "Capacity providers"), providers, h("h2", {}, "Container instances"), slot]);
    return {
      async refresh() {
        const [list, tasks] = await Promise.all([data.instances(app.ecs, cluster), data.tasks(app.ecs, cluster, { desiredStatus: "RUNNING" })]);
        // An EC2 error is shown in each card; the ECS part of the tab stays.
        const ec2 = await instancesById(app.ec2, list.map((ci) => ci.ec2InstanceId).filter((id): id is string => !!id)).catch((e: unknown) => errorText(e));
        swap(providers, await capacitySection(app, cluster, tasks, list));
        const byInstance = new Map<string, Task[]>();
        for (const t of tasks) if (t.containerInstanceArn) byInstance.set(t.containerInstanceArn, [...(byInstance.get(t.containerInstanceArn) ?? []), t]);
        swap(
          slot,
          list.length
            ? h("div", { class: "instances" }, ...list.map((ci) => card(app, cluster, ci, byInstance.get(ci.containerInstanceArn!) ?? [], ec2)))
            : h("p", { class: "empty" }, "No container instances. Register EC2 instances with the agent's RegisterContainerInstance (see the README), or run Fargate tasks."),
        );
      },
    };
  },
};
