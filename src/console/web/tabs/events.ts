// The Events tab: every service's events in one list, newest first.
import type { Tab } from "../pages/cluster.js";
import * as data from "../data.js";
import { h, link, table, time } from "../dom.js";
import { href } from "../router.js";
import { swap } from "../ui.js";

export const eventsTab: Tab = {
  mount(root, app, cluster) {
    const slot = h("div", { class: "live-slot" });
    root.append(h("h2", { class: "sr-only" }, "Events"), slot);
    return {
      async refresh() {
        const services = await data.services(app.ecs, cluster);
        const events = services.flatMap((s) => (s.events ?? []).map((e) => ({ ...e, service: s.serviceName! })));
        events.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
        swap(
          slot,
          table(
            "Service events",
            ["Time", "Service", "Message"],
            events.map((e) => [time(e.createdAt), link(href.service(cluster, e.service), e.service), e.message ?? ""]),
            "No events yet: services write them as they start, stop and settle.",
          ),
        );
      },
    };
  },
};
