// Load balancers: every ELBv2 load balancer of the account and region; a load balancer's listeners
// with the URLs that reach them on this machine, their rules, and the health of every target of the
// groups they forward to, with AWS's reasons.
import type { Page } from "../app.js";
import { badge, h, link, table } from "../dom.js";
import * as elbv2 from "../elbv2.js";
import { href } from "../router.js";
import { localListeners, type LocalListener } from "../traffic.js";
import { swap } from "../ui.js";

export function loadBalancersPage(): Page {
  return {
    title: "Load balancers",
    crumbs: [["Load balancers", href.loadBalancers()]],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      root.append(h("div", { class: "page-head" }, h("h1", {}, "Load balancers")), h("section", { "aria-label": "Load balancers" }, slot));
      return {
        async refresh() {
          const list = await elbv2.allLoadBalancers(app.elbv2);
          swap(
            slot,
            table(
              "Load balancers",
              ["Name", "Type", "Scheme", "State", "DNS name", "VPC"],
              list.map((lb) => [link(href.loadBalancer(lb.LoadBalancerName!), lb.LoadBalancerName!), lb.Type ?? "—", lb.Scheme ?? "—", badge(lb.State?.Code), h("code", {}, lb.DNSName ?? "—"), lb.VpcId ?? "—"]),
              `No load balancers in ${app.ecs.where.region} for account ${app.ecs.where.accountId}.`,
            ),
          );
        },
      };
    },
  };
}

function urls(local: LocalListener | undefined): Node {
  if (!local) return h("span", { class: "muted" }, "—");
  return h(
    "span",
    {},
    local.localUrl ? h("a", { href: local.localUrl.startsWith("http") ? local.localUrl : "#", class: "block" }, local.localUrl) : null,
    local.hostUrl ? h("a", { href: local.hostUrl, class: "block" }, local.hostUrl) : null,
    local.reason ? h("small", { class: "block muted" }, local.reason) : null,
  );
}

export function loadBalancerPage(name: string): Page {
  return {
    title: name,
    crumbs: [
      ["Load balancers", href.loadBalancers()],
      [name, href.loadBalancer(name)],
    ],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      root.append(h("div", { class: "page-head" }, h("h1", {}, "Load balancer ", h("code", {}, name))), slot);
      return {
        async refresh() {
          const lb = (await elbv2.allLoadBalancers(app.elbv2)).find((l) => l.LoadBalancerName === name);
          if (!lb) return swap(slot, h("p", { class: "empty" }, `No load balancer named ${name}.`));
          const [listeners, local] = await Promise.all([elbv2.listenersOf(app.elbv2, lb.LoadBalancerArn!), localListeners()]);
          const facts: [string, Node | string][] = [
            ["State", badge(lb.State?.Code)],
            ["Type", lb.Type ?? "—"],
            ["Scheme", lb.Scheme ?? "—"],
            ["DNS name", h("code", {}, lb.DNSName ?? "—")],
          ];
          const sections: Node[] = [h("dl", { class: "summary" }, ...facts.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))))];
          sections.push(
            h("h2", {}, "Listeners"),
            table(
              "Listeners",
              ["Protocol : port", "Reached at", "ARN"],
              listeners.map((l) => [`${l.protocol} : ${l.port}`, urls(local.find((x) => x.listenerArn === l.arn)), h("code", {}, l.arn.split("/").slice(-3).join("/"))]),
              "No listeners.",
            ),
          );
          const groups = new Set<string>();
          for (const l of listeners) {
            const rules = await elbv2.rulesOf(app.elbv2, l.arn);
            for (const r of rules) r.groups.forEach((g) => groups.add(g));
            sections.push(
              h("h3", {}, `Rules of ${l.protocol} : ${l.port}`),
              table(`Rules of ${l.protocol} : ${l.port}`, ["Priority", "Conditions", "Actions"], rules.map((r) => [r.priority, r.conditions.join("; ") || "—", r.actions.join("; ")]), "No rules."),
            );
          }
          for (const arn of groups) {
            const health = await elbv2.targetHealth(app.elbv2, arn);
            const tgName = arn.split("/").slice(-2, -1)[0];
            sections.push(
              h("h2", {}, "Target group ", h("code", {}, tgName)),
              table(
                `Targets of ${tgName}`,
                ["Target", "Port", "Zone", "Health status", "Health status details"],
                health.map((d) => [h("code", {}, d.Target?.Id ?? "—"), String(d.Target?.Port ?? "—"), d.Target?.AvailabilityZone ?? "—", badge(d.TargetHealth?.State), [d.TargetHealth?.Reason ? h("code", {}, d.TargetHealth.Reason) : null, d.TargetHealth?.Description ? h("small", { class: "block muted" }, d.TargetHealth.Description) : null]]),
                "No targets registered.",
              ),
            );
          }
          swap(slot, h("div", {}, ...sections));
        },
      };
    },
  };
}
