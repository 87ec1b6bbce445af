// CloudFormation stacks: every stack of the account and region with its status, as the
// CloudFormation console lists them (active ones by default; deleted ones are kept 90 days).
import type { StackSummary } from "../../../services/cloudformation/generated/types.js";
import type { Page } from "../app.js";
import { stacks } from "../cloudformation.js";
import { badge, h, link, table, time } from "../dom.js";
import { href } from "../router.js";
import { field, select, swap } from "../ui.js";

const FILTERS: [string, string][] = [
  ["active", "Active"],
  ["deleted", "Deleted"],
  ["all", "All"],
];

function shown(s: StackSummary, filter: string): boolean {
  const deleted = s.StackStatus === "DELETE_COMPLETE";
  return filter === "all" || (filter === "deleted") === deleted;
}

export function stacksPage(): Page {
  return {
    title: "Stacks",
    crumbs: [["Stacks", href.stacks()]],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      const filter = select("filter", FILTERS, "active");
      filter.addEventListener("change", () => app.refresh());
      root.append(
        h("div", { class: "page-head" }, h("h1", {}, "Stacks")),
        h("p", { class: "muted" }, "CloudFormation stacks. Deploy with ", h("code", {}, "aws cloudformation deploy"), " or ", h("code", {}, "cdk deploy"), " against this endpoint; the console reads them."),
        h("div", { class: "filters" }, field("Filter status", filter)),
        h("section", { "aria-label": "Stacks" }, slot),
      );
      return {
        async refresh() {
          const list = (await stacks(app.cloudFormation)).filter((s) => shown(s, filter.value));
          swap(
            slot,
            table(
              "Stacks",
              ["Stack name", "Status", "Status reason", "Created", "Updated or deleted", "Description"],
              list.map((s) => [
                // A deleted stack is found only by its id; a live one by name.
                h("span", {}, link(href.stack(s.StackStatus === "DELETE_COMPLETE" ? s.StackId! : s.StackName), s.StackName), s.ParentId ? h("small", { class: "block muted" }, "Nested") : null),
                badge(s.StackStatus),
                s.StackStatusReason ?? "—",
                time(s.CreationTime),
                time(s.DeletionTime ?? s.LastUpdatedTime),
                s.TemplateDescription ?? "—",
              ]),
              filter.value === "deleted" ? "No deleted stacks." : `No stacks in ${app.cloudFormation.where.region} for account ${app.cloudFormation.where.accountId}.`,
            ),
          );
        },
      };
    },
  };
}
