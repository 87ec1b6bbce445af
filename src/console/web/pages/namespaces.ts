// Cloud Map namespaces of the account and region; a namespace's services with their DNS records and
// every registered instance with its attributes and health.
import type { Page } from "../app.js";
import { CloudMap } from "../cloudmap.js";
import { badge, h, link, table } from "../dom.js";
import { href } from "../router.js";
import { swap } from "../ui.js";

export function namespacesPage(): Page {
  return {
    title: "Namespaces",
    crumbs: [["Namespaces", href.namespaces()]],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      const sd = new CloudMap(app.ecs.where);
      root.append(h("div", { class: "page-head" }, h("h1", {}, "Cloud Map namespaces")), h("section", { "aria-label": "Namespaces" }, slot));
      return {
        async refresh() {
          const { Namespaces = [] } = await sd.call("ListNamespaces", {});
          swap(
            slot,
            table(
              "Namespaces",
              ["Name", "Type", "Services", "Id", "Hosted zone"],
              Namespaces.map((n) => [link(href.namespace(n.Id!), n.Name!), n.Type ?? "—", String(n.ServiceCount ?? 0), h("code", {}, n.Id ?? "—"), n.Properties?.DnsProperties?.HostedZoneId ?? "—"]),
              `No namespaces in ${app.ecs.where.region} for account ${app.ecs.where.accountId}.`,
            ),
          );
        },
      };
    },
  };
}

export function namespacePage(id: string): Page {
  return {
    title: id,
    crumbs: [
      ["Namespaces", href.namespaces()],
      [id, href.namespace(id)],
    ],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      const sd = new CloudMap(app.ecs.where);
      root.append(slot);
      return {
        async refresh() {
          const { Namespace: ns } = await sd.call("GetNamespace", { Id: id });
          const { Services = [] } = await sd.call("ListServices", { Filters: [{ Name: "NAMESPACE_ID", Values: [id], Condition: "EQ" }] });
          const sections: Node[] = [
            h("div", { class: "page-head" }, h("h1", {}, "Namespace ", h("code", {}, ns?.Name ?? id))),
            h("dl", { class: "summary" }, ...([["Type", ns?.Type ?? "—"], ["Id", id], ["Description", ns?.Description ?? "—"]] as const).map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v)))),
          ];
          for (const s of Services) {
            const [{ Instances = [] }, { Status = {} }] = await Promise.all([sd.call("ListInstances", { ServiceId: s.Id! }), sd.call("GetInstancesHealthStatus", { ServiceId: s.Id! })]);
            const records = (s.DnsConfig?.DnsRecords ?? []).map((r) => `${r.Type} (TTL ${r.TTL})`).join(", ") || "API calls only";
            sections.push(
              h("h2", {}, "Service ", h("code", {}, `${s.Name}${s.DnsConfig ? `.${ns?.Name}` : ""}`)),
              h("p", { class: "muted" }, `Records: ${records}; health: ${s.HealthCheckCustomConfig ? "custom" : s.HealthCheckConfig ? `Route 53 ${s.HealthCheckConfig.Type}` : "none"}`),
              table(
                `Instances of ${s.Name}`,
                ["Instance", "Health", "Attributes"],
                Instances.map((i) => [h("code", {}, i.Id ?? "—"), badge(Status[i.Id!] ?? "UNKNOWN"), h("span", {}, ...Object.entries(i.Attributes ?? {}).map(([k, v]) => h("small", { class: "block" }, h("code", {}, k), ` ${v}`)))]),
                "No instances registered.",
              ),
            );
          }
          if (!Services.length) sections.push(h("p", { class: "empty" }, "No services."));
          swap(slot, h("div", {}, ...sections));
        },
      };
    },
  };
}
