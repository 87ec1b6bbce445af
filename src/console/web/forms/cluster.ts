// Create cluster, as the console's form: a name, nothing else required.
import type { App } from "../app.js";
import { field, input, openDialog, value } from "../ui.js";

export function createClusterDialog(app: App): void {
  openDialog(
    {
      title: "Create cluster",
      submitLabel: "Create",
      body: [field("Cluster name", input("clusterName", { required: true, autocomplete: "off" }), "Up to 255 letters, numbers, hyphens and underscores.")],
      async submit(form) {
        const r = await app.ecs.call("CreateCluster", { clusterName: value(form, "clusterName") });
        location.hash = `#/clusters/${encodeURIComponent(r.cluster!.clusterName!)}/services`;
        return `Cluster ${r.cluster!.clusterName} created.`;
      },
    },
    app.refresh,
  );
}
