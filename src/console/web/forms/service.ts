// Create service (REPLICA or DAEMON), update its desired count or task definition, delete it.
import type { LaunchType, SchedulingStrategy, Service } from "../../../services/ecs/generated/types.js";
import type { App } from "../app.js";
import { h, shortId } from "../dom.js";
import { href } from "../router.js";
import { checked, errorText, field, input, notify, openDialog, value } from "../ui.js";
import { launchTypeField, networkConfiguration, networkFields, numberOf, placementField, placementStrategy, taskDefinitionField } from "./common.js";

function strategyChoice(): HTMLElement {
  const radio = (v: SchedulingStrategy, label: string, hint: string, on: boolean) =>
    h("div", { class: "field check" }, h("input", { type: "radio", name: "schedulingStrategy", id: `strategy-${v}`, value: v, checked: on, "aria-describedby": `strategy-${v}-hint` }), h("label", { for: `strategy-${v}` }, label), h("small", { id: `strategy-${v}-hint`, class: "hint" }, hint));
  return h("fieldset", {}, h("legend", {}, "Service type"), radio("REPLICA", "Replica", "Keeps the desired number of tasks running.", true), radio("DAEMON", "Daemon", "Runs one task on each active container instance.", false));
}

export async function createServiceDialog(app: App, cluster: string): Promise<void> {
  try {
    const desired = input("desiredCount", { type: "number", min: 0, value: 1, inputmode: "numeric" });
    const dialog = openDialog(
      {
        title: "Create service",
        submitLabel: "Create",
        body: [
          await taskDefinitionField(app),
          field("Service name", input("serviceName", { required: true, autocomplete: "off" })),
          strategyChoice(),
          field("Desired tasks", desired, "Replica services only: a daemon service takes no desired count."),
          launchTypeField(),
          placementField(),
          networkFields(),
        ],
        async submit(form) {
          const strategy = (form.querySelector<HTMLInputElement>("input[name=schedulingStrategy]:checked")?.value ?? "REPLICA") as SchedulingStrategy;
          const name = value(form, "serviceName");
          const r = await app.ecs.call("CreateService", {
            cluster,
            serviceName: name,
            taskDefinition: value(form, "taskDefinition"),
            schedulingStrategy: strategy,
            ...(strategy === "REPLICA" ? { desiredCount: numberOf(form, "desiredCount") } : {}),
            launchType: value(form, "launchType") as LaunchType,
            placementStrategy: strategy === "REPLICA" ? placementStrategy(form) : undefined,
            networkConfiguration: networkConfiguration(form),
          });
          return `Service ${r.service!.serviceName} created (${strategy}).`;
        },
      },
      app.refresh,
    );
    // A daemon's count follows the instances, so the field is off while Daemon is chosen.
    dialog.addEventListener("change", () => {
      desired.disabled = dialog.querySelector<HTMLInputElement>("#strategy-DAEMON")?.checked ?? false;
    });
  } catch (e) {
    notify(errorText(e), "error");
  }
}

export async function updateServiceDialog(app: App, cluster: string, s: Service): Promise<void> {
  try {
    const daemon = s.schedulingStrategy === "DAEMON";
    openDialog(
      {
        title: `Update service ${s.serviceName}`,
        submitLabel: "Update",
        body: [
          await taskDefinitionField(app, shortId(s.taskDefinition)),
          daemon ? h("p", { class: "muted" }, "A daemon service runs one task per instance; it has no desired count.") : field("Desired tasks", input("desiredCount", { type: "number", min: 0, value: s.desiredCount ?? 0, inputmode: "numeric" })),
          h("div", { class: "field check" }, h("input", { type: "checkbox", id: "force-deploy", name: "force" }), h("label", { for: "force-deploy" }, "Force new deployment")),
        ],
        async submit(form) {
          const td = value(form, "taskDefinition");
          await app.ecs.call("UpdateService", {
            cluster,
            service: s.serviceName!,
            ...(td !== shortId(s.taskDefinition) ? { taskDefinition: td } : {}),
            ...(daemon ? {} : { desiredCount: numberOf(form, "desiredCount") }),
            ...(checked(form, "force") ? { forceNewDeployment: true } : {}),
          });
          return `Service ${s.serviceName} updated.`;
        },
      },
      app.refresh,
    );
  } catch (e) {
    notify(errorText(e), "error");
  }
}

export function deleteServiceDialog(app: App, cluster: string, s: Service): void {
  openDialog(
    {
      title: `Delete service ${s.serviceName}?`,
      submitLabel: "Delete",
      danger: true,
      body: [
        h("p", {}, "ECS deletes a replica service only once its desired count is 0, unless you force it; its tasks are then stopped."),
        h("div", { class: "field check" }, h("input", { type: "checkbox", id: "force-delete", name: "force", checked: true }), h("label", { for: "force-delete" }, "Force delete (scale to 0 and stop its tasks)")),
      ],
      async submit(form) {
        await app.ecs.call("DeleteService", { cluster, service: s.serviceName!, ...(checked(form, "force") ? { force: true } : {}) });
        if (location.hash === href.service(cluster, s.serviceName!)) location.hash = href.cluster(cluster, "services");
        return `Service ${s.serviceName} is draining.`;
      },
    },
    app.refresh,
  );
}
