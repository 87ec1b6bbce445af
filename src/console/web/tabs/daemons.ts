// The Daemons tab: the cluster's managed daemons, each with the revisions its instances run now, and
// its deployments, newest first, with how far each got (instances running the target, draining).
import type { Tab } from "../pages/cluster.js";
import { badge, h, section, shortId, table, time } from "../dom.js";
import { swap } from "../ui.js";
import type { App } from "../app.js";
import type { DaemonDeployment, DaemonDetail } from "../../../services/ecs/generated/types.js";

async function daemonsOf(app: App, cluster: string): Promise<DaemonDetail[]> {
  const arns = (await app.ecs.all("ListDaemons", { clusterArn: cluster }, "daemonSummariesList")) as { daemonArn?: string }[];
  const out: DaemonDetail[] = [];
  for (const d of arns) {
    const r = await app.ecs.call("DescribeDaemon", { daemonArn: d.daemonArn! });
    if (r.daemon) out.push(r.daemon);
  }
  return out;
}

async function deploymentsOf(app: App, daemonArn: string): Promise<DaemonDeployment[]> {
  const list = (await app.ecs.call("ListDaemonDeployments", { daemonArn, maxResults: 20 })).daemonDeployments ?? [];
  if (!list.length) return [];
  return (await app.ecs.call("DescribeDaemonDeployments", { daemonDeploymentArns: list.map((d) => d.daemonDeploymentArn!) })).daemonDeployments ?? [];
}

function daemonSection(d: DaemonDetail, deployments: DaemonDeployment[]): HTMLElement {
  const name = shortId(d.daemonArn);
  const revisions = table(
    `Revisions of daemon ${name}`,
    ["Revision", "Capacity providers", "Running"],
    (d.currentRevisions ?? []).map((r) => [shortId(r.arn), (r.capacityProviders ?? []).map((c) => `${shortId(c.arn)}: ${c.runningCount ?? 0}`).join(", "), String(r.totalRunningCount ?? 0)]),
    "No revision runs yet.",
  );
  const deps = table(
    `Deployments of daemon ${name}`,
    ["Deployment", "Status", "Created", "Target running", "Draining", "Circuit breaker", "Reason"],
    deployments.map((x) => [
      shortId(x.daemonDeploymentArn),
      badge(x.status),
      time(x.createdAt),
      String(x.targetDaemonRevision?.totalRunningInstanceCount ?? 0),
      String((x.sourceDaemonRevisions ?? []).reduce((n, s) => n + (s.totalDrainingInstanceCount ?? 0), x.targetDaemonRevision?.totalDrainingInstanceCount ?? 0)),
      `${x.circuitBreaker?.status ?? "—"} (${x.circuitBreaker?.failureCount ?? 0}/${x.circuitBreaker?.threshold ?? 0})`,
      x.statusReason ?? "",
    ]),
    "No deployments.",
  );
  return section(`daemon-${name}`, h("span", {}, `Daemon ${name} `, badge(d.status)), revisions, deps);
}

export const daemonsTab: Tab = {
  mount(root, app, cluster) {
    const slot = h("div", { class: "live-slot" });
    root.append(h("h2", { class: "sr-only" }, "Daemons"), slot);
    return {
      async refresh() {
        const daemons = await daemonsOf(app, cluster);
        if (!daemons.length) return void swap(slot, h("p", { class: "empty" }, "No managed daemons: they run on the cluster's Managed Instances capacity providers (CreateDaemon)."));
        const parts = await Promise.all(daemons.map(async (d) => daemonSection(d, await deploymentsOf(app, d.daemonArn!))));
        swap(slot, h("div", {}, ...parts));
      },
    };
  },
};
