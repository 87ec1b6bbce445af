// Task definitions: the families, then a family's revisions and the JSON of the chosen one.
import type { TaskDefinition, TaskDefinitionFamilyStatus, TaskDefinitionStatus } from "../../../services/ecs/generated/types.js";
import type { Page } from "../app.js";
import { badge, h, link, summaryList, table, time } from "../dom.js";
import { deregisterDialog, registerTaskDefinitionDialog } from "../forms/taskDefinition.js";
import { href } from "../router.js";
import { swap } from "../ui.js";
import { roleCell, secretsTable } from "./taskDefinitionRefs.js";

export function familiesPage(): Page {
  return {
    title: "Task definitions",
    crumbs: [["Task definitions", href.families()]],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      const status = h("select", { id: "family-status", name: "status", onchange: () => app.refresh() }, h("option", { value: "ACTIVE" }, "Active"), h("option", { value: "INACTIVE" }, "Inactive"), h("option", { value: "ALL" }, "All"));
      root.append(
        h("div", { class: "page-head" }, h("h1", {}, "Task definitions"), h("div", { class: "actions" }, h("button", { type: "button", class: "primary", onclick: () => registerTaskDefinitionDialog(app) }, "Create new task definition"))),
        h("div", { class: "filters" }, h("div", { class: "field" }, h("label", { for: "family-status" }, "Status"), status)),
        slot,
      );
      return {
        async refresh() {
          const families = await app.ecs.all("ListTaskDefinitionFamilies", { status: status.value as TaskDefinitionFamilyStatus }, "families");
          const latest = await app.ecs.all("ListTaskDefinitions", { status: "ACTIVE", sort: "DESC" }, "taskDefinitionArns");
          const newest = new Map<string, string>();
          for (const arn of latest) {
            const [family, rev] = arn.split("/").pop()!.split(":");
            if (!newest.has(family)) newest.set(family, rev);
          }
          swap(slot, table("Task definition families", ["Family", "Latest active revision"], families.sort().map((f) => [link(href.family(f), f), newest.get(f) ?? "—"]), "No task definitions. Create one from a form or from JSON."));
        },
      };
    },
  };
}

function containerSummary(td: TaskDefinition): HTMLElement {
  return table(
    "Containers",
    ["Container", "Image", "CPU", "Memory (MiB)", "Ports", "Essential", "Logs"],
    (td.containerDefinitions ?? []).map((c) => [
      c.name ?? "—",
      h("code", {}, c.image ?? "—"),
      String(c.cpu ?? 0),
      c.memory !== undefined ? String(c.memory) : c.memoryReservation !== undefined ? `${c.memoryReservation} (soft)` : "—",
      (c.portMappings ?? []).map((p) => `${p.hostPort ?? "—"}:${p.containerPort}/${p.protocol ?? "tcp"}`).join(", ") || "—",
      c.essential === false ? "No" : "Yes",
      c.logConfiguration?.logDriver ?? "—",
    ]),
    "No containers.",
  );
}

export function familyPage(family: string, revision?: number): Page {
  return {
    title: `${family}${revision ? `:${revision}` : ""}`,
    crumbs: [
      ["Task definitions", href.families()],
      [family, href.family(family)],
      ...(revision ? ([[`Revision ${revision}`, href.family(family, revision)]] as [string, string][]) : []),
    ],
    mount(root, app) {
      const list = h("div", { class: "live-slot" });
      const detail = h("div", { class: "live-slot" });
      root.append(
        h("div", { class: "page-head" }, h("h1", {}, `Task definition ${family}`), h("div", { class: "actions" }, h("button", { type: "button", class: "primary", onclick: () => registerTaskDefinitionDialog(app, family) }, "Create new revision"))),
        h("section", { "aria-label": "Revisions" }, h("h2", {}, "Revisions"), list),
        h("section", { "aria-label": "Revision detail" }, detail),
      );
      return {
        async refresh() {
          const listed = async (status: TaskDefinitionStatus) =>
            (await app.ecs.all("ListTaskDefinitions", { familyPrefix: family, status, sort: "DESC" }, "taskDefinitionArns"))
              // familyPrefix is a prefix: "web" also lists "web-api".
              .filter((a) => a.split("/").pop()!.split(":")[0] === family)
              .map((arn) => ({ arn, rev: Number(arn.split(":").pop()), status }));
          const revs = [...(await listed("ACTIVE")), ...(await listed("INACTIVE"))].sort((a, b) => b.rev - a.rev);
          const shown = revision ?? revs[0]?.rev;
          const td = shown ? (await app.ecs.call("DescribeTaskDefinition", { taskDefinition: `${family}:${shown}` })).taskDefinition : undefined;
          const secrets = td ? await secretsTable(app, td) : undefined;
          swap(
            list,
            table(
              "Revisions",
              ["Revision", "Status", "Actions"],
              revs.map(({ arn, rev, status }) => [
                rev === shown ? h("strong", {}, `${family}:${rev} (shown)`) : link(href.family(family, rev), `${family}:${rev}`),
                badge(status),
                status === "ACTIVE" ? h("button", { type: "button", class: "danger-outline", "data-key": `dereg-${rev}`, "aria-label": `Deregister ${family}:${rev}`, onclick: () => deregisterDialog(app, arn, `${family}:${rev}`) }, "Deregister") : "—",
              ]),
              `No revisions of ${family}.`,
            ),
          );
          swap(
            detail,
            td
              ? h(
                  "div",
                  {},
                  h("h2", {}, `${family}:${td.revision} `, badge(td.status)),
                  summaryList([
                    ["Compatibilities", (td.requiresCompatibilities ?? td.compatibilities ?? []).join(", ") || "—"],
                    ["Network mode", td.networkMode ?? "default"],
                    ["Task CPU", td.cpu ?? "—"],
                    ["Task memory", td.memory ?? "—"],
                    ["Registered", time(td.registeredAt)],
                    ["Task role", roleCell(td.taskRoleArn, app.ecs.where)],
                    ["Task execution role", roleCell(td.executionRoleArn, app.ecs.where)],
                  ]),
                  h("h3", {}, "Containers"),
                  containerSummary(td),
                  h("h3", {}, "Secrets"),
                  secrets,
                  h("h3", { id: "td-json-title" }, "JSON"),
                  h("pre", { class: "json", tabindex: 0, "aria-labelledby": "td-json-title" }, JSON.stringify(td, null, 2)),
                )
              : h("p", { class: "empty" }, "Choose a revision."),
          );
        },
      };
    },
  };
}
