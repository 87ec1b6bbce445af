// A stack: its status and the tabs of the CloudFormation console — events (newest first),
// resources (each linked to its page in this console where there is one), outputs and parameters
// (NoEcho ones masked as CloudFormation masks them).
import type { Stack } from "../../../services/cloudformation/generated/types.js";
import type { App, Page } from "../app.js";
import { events, noEchoParameters, resources, stack } from "../cloudformation.js";
import { badge, h, link, summaryList, table, time, type Child } from "../dom.js";
import { resourceHref } from "../links.js";
import { href, STACK_TABS, type StackTab } from "../router.js";
import { errorText, swap } from "../ui.js";

const TAB_LABELS: Record<StackTab, string> = { events: "Events", resources: "Resources", outputs: "Outputs", parameters: "Parameters" };

/** What CloudFormation answers in place of a NoEcho parameter's value. */
export const MASK = "****";

/** A physical id, linked to its page where the console has one (the stack's own id is this page). */
function physical(s: Stack, type: string | undefined, id: string | undefined): Child {
  if (!id) return "—";
  const to = id === s.StackId ? undefined : resourceHref(type, id);
  const code = h("code", { class: "wrap" }, id);
  return to ? link(to, code) : code;
}

const when = (seconds: number | undefined): HTMLElement => h("span", { class: "nowrap" }, time(seconds));

function summary(s: Stack): HTMLElement {
  return summaryList([
    ["Status", badge(s.StackStatus)],
    ["Status reason", s.StackStatusReason ?? "—"],
    ["Created", time(s.CreationTime)],
    ["Updated", time(s.LastUpdatedTime)],
    ["Deleted", time(s.DeletionTime)],
    ["Termination protection", s.EnableTerminationProtection ? "Activated" : "Deactivated"],
    ["Capabilities", (s.Capabilities ?? []).join(", ") || "—"],
    ["Parent stack", s.ParentId ? link(href.stack(s.ParentId), h("code", {}, s.ParentId.split("/")[1] ?? s.ParentId)) : "—"],
    ["Stack ID", h("code", {}, s.StackId ?? "—")],
    ["Description", s.Description ?? "—"],
  ]);
}

async function tabContent(app: App, tab: StackTab, s: Stack): Promise<HTMLElement> {
  const id = s.StackId ?? s.StackName;
  switch (tab) {
    case "events":
      return table(
        "Stack events, newest first",
        ["Timestamp", "Logical ID", "Status", "Status reason", "Type", "Physical ID"],
        (await events(app.cloudFormation, id)).map((e) => [when(e.Timestamp), e.LogicalResourceId ?? "—", badge(e.ResourceStatus), e.ResourceStatusReason ?? "—", e.ResourceType ?? "—", physical(s, e.ResourceType, e.PhysicalResourceId)]),
        "No events.",
      );
    case "resources":
      return table(
        "Stack resources",
        ["Logical ID", "Physical ID", "Type", "Status", "Status reason", "Updated"],
        (await resources(app.cloudFormation, id)).map((r) => [r.LogicalResourceId, r.ResourceStatus === "DELETE_COMPLETE" ? (r.PhysicalResourceId ? h("code", { class: "wrap" }, r.PhysicalResourceId) : "—") : physical(s, r.ResourceType, r.PhysicalResourceId), r.ResourceType, badge(r.ResourceStatus), r.ResourceStatusReason ?? "—", when(r.LastUpdatedTimestamp)]),
        "No resources.",
      );
    case "outputs":
      return table("Outputs", ["Key", "Value", "Description", "Export name"], (s.Outputs ?? []).map((o) => [o.OutputKey ?? "—", h("code", {}, o.OutputValue ?? ""), o.Description ?? "—", o.ExportName ?? "—"]), "The stack has no outputs.");
    case "parameters": {
      const noEcho = await noEchoParameters(app.cloudFormation, id);
      return table(
        "Parameters",
        ["Key", "Value", "Resolved value"],
        (s.Parameters ?? []).map((p) => [p.ParameterKey ?? "—", h("code", {}, noEcho.has(p.ParameterKey ?? "") ? MASK : (p.ParameterValue ?? "")), p.ResolvedValue !== undefined ? h("code", {}, noEcho.has(p.ParameterKey ?? "") ? MASK : p.ResolvedValue) : "—"]),
        "The stack has no parameters.",
      );
    }
  }
}

export function stackPage(name: string, tab: StackTab): Page {
  // A deleted stack is addressed by its id (arn:…:stack/<name>/<uuid>); the name is its second part.
  const label = name.startsWith("arn:") ? (name.split(":").pop()!.split("/")[1] ?? name) : name;
  return {
    title: `${label} · ${TAB_LABELS[tab]}`,
    crumbs: [
      ["Stacks", href.stacks()],
      [label, href.stack(name, tab)],
    ],
    mount(root, app) {
      const head = h("div", { class: "live-slot" });
      const body = h("div", { class: "tab-body live-slot", id: `stack-${tab}` });
      root.append(
        h("div", { class: "page-head" }, h("h1", {}, `Stack ${label}`)),
        head,
        h("nav", { class: "tabs", "aria-label": "Stack sections" }, ...STACK_TABS.map((t) => h("a", { href: href.stack(name, t), "aria-current": t === tab ? "page" : undefined }, TAB_LABELS[t]))),
        body,
      );
      return {
        async refresh() {
          let s: Stack | undefined;
          try {
            s = await stack(app.cloudFormation, name);
          } catch (e) {
            // CloudFormation's own answer (ValidationError: Stack with id … does not exist) is the page.
            swap(head, h("p", { class: "form-error" }, errorText(e)));
            swap(body, h("div"));
            return;
          }
          if (!s) return;
          swap(head, summary(s));
          swap(body, await tabContent(app, tab, s));
        },
      };
    },
  };
}
