// The Services tab: each service's counts, its primary deployment's rollout, and its actions.
import type { Service } from "../../../services/ecs/generated/types.js";
import type { Tab } from "../pages/cluster.js";
import * as data from "../data.js";
import { badge, h, link, shortId, table } from "../dom.js";
import { deleteServiceDialog, updateServiceDialog } from "../forms/service.js";
import { href } from "../router.js";
import { swap } from "../ui.js";

export function primaryDeployment(s: Service) {
  return s.deployments?.find((d) => d.status === "PRIMARY");
}

export const servicesTab: Tab = {
  mount(root, app, cluster) {
    const slot = h("div", { class: "live-slot" });
    root.append(h("h2", { class: "sr-only" }, "Services"), slot);
    return {
      async refresh() {
        const list = await data.services(app.ecs, cluster);
        swap(
          slot,
          table(
            "Services",
            ["Service", "Status", "Type", "Launch type", "Task definition", "Desired", "Running", "Pending", "Deployment", "Actions"],
            list.map((s) => {
              const d = primaryDeployment(s);
              const name = s.serviceName!;
              return [
                link(href.service(cluster, name), name),
                badge(s.status),
                s.schedulingStrategy ?? "REPLICA",
                s.launchType ?? (s.capacityProviderStrategy?.length ? "Capacity provider" : "—"),
                link(href.family(shortId(s.taskDefinition).split(":")[0], Number(shortId(s.taskDefinition).split(":")[1])), shortId(s.taskDefinition)),
                String(s.desiredCount ?? 0),
                String(s.runningCount ?? 0),
                String(s.pendingCount ?? 0),
                d ? h("span", {}, badge(d.rolloutState ?? d.status), (s.deployments?.length ?? 0) > 1 ? h("span", { class: "muted" }, ` +${s.deployments!.length - 1} more`) : null) : "—",
                s.status === "ACTIVE"
                  ? h(
                      "span",
                      { class: "row-actions" },
                      h("button", { type: "button", "data-key": `update-${name}`, "aria-label": `Update service ${name}`, onclick: () => updateServiceDialog(app, cluster, s) }, "Update"),
                      h("button", { type: "button", class: "danger-outline", "data-key": `delete-${name}`, "aria-label": `Delete service ${name}`, onclick: () => deleteServiceDialog(app, cluster, s) }, "Delete"),
                    )
                  : "—",
              ];
            }),
            "No services in this cluster. Create one to keep tasks running.",
          ),
        );
      },
    };
  },
};
