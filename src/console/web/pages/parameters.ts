// Systems Manager parameters: the account's parameters by path and name, and a parameter's view
// (type, version, last change). Never a value: the console reads metadata only.
import type { ParameterMetadata } from "../../../services/ssm/generated/types.js";
import type { Page } from "../app.js";
import { h, link, summaryList, table, time } from "../dom.js";
import { sourceOf, samePlace } from "../references.js";
import { href } from "../router.js";
import { parameter, parameters, ssmClient } from "../ssm.js";
import { errorText, field, input, swap } from "../ui.js";

export const NO_VALUES = "Values are not shown: the console reads names, types and versions, never a value.";

export function parametersPage(): Page {
  return {
    title: "Parameters",
    crumbs: [["Parameters", href.parameters()]],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      const path = input("path", { type: "search", autocomplete: "off", placeholder: "/prod" });
      const contains = input("contains", { type: "search", autocomplete: "off" });
      for (const i of [path, contains]) i.addEventListener("change", () => app.refresh());
      root.append(
        h("div", { class: "page-head" }, h("h1", {}, "Parameters")),
        h("p", { class: "muted" }, "Systems Manager Parameter Store. ", NO_VALUES),
        h("div", { class: "filters", role: "group", "aria-label": "Filter parameters" }, field("Path", path, "A hierarchy and everything below it"), field("Name contains", contains)),
        h("section", { "aria-label": "Parameters" }, slot),
      );
      return {
        async refresh() {
          let list: ParameterMetadata[];
          try {
            list = await parameters(app.ssm, path.value.trim(), contains.value.trim());
          } catch (e) {
            // A filter SSM refuses (a path under /aws, say) is answered in SSM's words.
            swap(slot, h("p", { class: "form-error" }, errorText(e)));
            return;
          }
          swap(
            slot,
            table(
              "Parameters",
              ["Name", "Tier", "Type", "Data type", "Version", "Last modified", "Last modified by", "Description"],
              list.map((p) => [link(href.parameter(p.Name!), p.Name!), p.Tier ?? "—", p.Type ?? "—", p.DataType ?? "—", String(p.Version ?? "—"), time(p.LastModifiedDate), p.LastModifiedUser ? h("code", {}, p.LastModifiedUser) : "—", p.Description ?? "—"]),
              path.value || contains.value ? "No parameter matches." : `No parameters in ${app.ssm.where.region} for account ${app.ssm.where.accountId}.`,
            ),
          );
        },
      };
    },
  };
}

function parameterView(p: ParameterMetadata): HTMLElement {
  return h(
    "div",
    {},
    summaryList([
      ["Name", h("code", {}, p.Name ?? "—")],
      ["Type", p.Type ?? "—"],
      ["Version", String(p.Version ?? "—")],
      ["Last modified", time(p.LastModifiedDate)],
      ["Last modified by", p.LastModifiedUser ? h("code", {}, p.LastModifiedUser) : "—"],
      ["Tier", p.Tier ?? "—"],
      ["Data type", p.DataType ?? "—"],
      ["KMS key", p.KeyId ? h("code", {}, p.KeyId) : "—"],
      ["Allowed pattern", p.AllowedPattern ? h("code", {}, p.AllowedPattern) : "—"],
      ["ARN", p.ARN ? h("code", {}, p.ARN) : "—"],
      ["Description", p.Description ?? "—"],
    ]),
    h("p", { class: "muted" }, NO_VALUES),
  );
}

/** A parameter by name (in the page's account and region) or by ARN (in the ARN's). */
export function parameterPage(ref: string): Page {
  return {
    title: `Parameter ${ref}`,
    crumbs: [
      ["Parameters", href.parameters()],
      [ref, href.parameter(ref)],
    ],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      root.append(h("div", { class: "page-head" }, h("h1", {}, "Parameter ", h("code", {}, ref))), slot);
      return {
        async refresh() {
          const source = sourceOf(ref, app.ssm.where);
          if (source.kind !== "ssm") return swap(slot, h("p", { class: "empty" }, `${ref} is not a Systems Manager parameter.`));
          const ssm = samePlace(source.where, app.ssm.where) ? app.ssm : ssmClient(source.where);
          let p: ParameterMetadata | undefined;
          try {
            p = await parameter(ssm, source.name);
          } catch (e) {
            return swap(slot, h("p", { class: "form-error" }, errorText(e)));
          }
          if (p) return swap(slot, parameterView(p));
          swap(
            slot,
            h("p", { class: "empty" }, source.public ? `${source.name} is one of AWS's public parameters: Parameter Store reads it, but DescribeParameters does not describe it.` : `No parameter named ${source.name} in account ${source.where.accountId}, ${source.where.region}.`),
          );
        },
      };
    },
  };
}
