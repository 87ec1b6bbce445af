// Secrets Manager secrets: the account's secrets by name, and a secret's view (its versions and
// their staging labels, last change). Never a value: the console reads metadata only.
import type { DescribeSecretResponse } from "../../../services/secretsmanager/generated/types.js";
import type { Page } from "../app.js";
import { h, link, summaryList, table, time } from "../dom.js";
import { samePlace, sourceOf } from "../references.js";
import { href } from "../router.js";
import { secret, secrets, secretsClient, secretType, versionAt } from "../secrets.js";
import { errorText, field, input, swap } from "../ui.js";
import { NO_VALUES } from "./parameters.js";

export function secretsPage(): Page {
  return {
    title: "Secrets",
    crumbs: [["Secrets", href.secrets()]],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      const name = input("name", { type: "search", autocomplete: "off", placeholder: "prod/" });
      name.addEventListener("change", () => app.refresh());
      root.append(
        h("div", { class: "page-head" }, h("h1", {}, "Secrets")),
        h("p", { class: "muted" }, "Secrets Manager. ", NO_VALUES),
        h("div", { class: "filters" }, field("Name begins with", name)),
        h("section", { "aria-label": "Secrets" }, slot),
      );
      return {
        async refresh() {
          const list = await secrets(app.secrets, name.value.trim());
          swap(
            slot,
            table(
              "Secrets",
              ["Secret name", "Type", "Description", "Current version", "Last changed", "Last retrieved", "Created"],
              list.map((s) => [link(href.secret(s.Name!), s.Name!), secretType(s), s.Description ?? "—", h("code", {}, versionAt(s.SecretVersionsToStages) ?? "—"), time(s.LastChangedDate), time(s.LastAccessedDate), time(s.CreatedDate)]),
              name.value ? "No secret matches." : `No secrets in ${app.secrets.where.region} for account ${app.secrets.where.accountId}.`,
            ),
          );
        },
      };
    },
  };
}

function secretView(s: DescribeSecretResponse): HTMLElement {
  const versions = Object.entries(s.VersionIdsToStages ?? {});
  return h(
    "div",
    {},
    summaryList([
      ["Secret name", h("code", {}, s.Name ?? "—")],
      ["Type", secretType(s)],
      ["Current version", h("code", {}, versionAt(s.VersionIdsToStages) ?? "—")],
      ["Last changed", time(s.LastChangedDate)],
      ["Last retrieved", time(s.LastAccessedDate)],
      ["Created", time(s.CreatedDate)],
      ["Encryption key", s.KmsKeyId ? h("code", {}, s.KmsKeyId) : "aws/secretsmanager"],
      ["Rotation", s.RotationEnabled ? "Enabled" : "Disabled"],
      ["Scheduled deletion", s.DeletedDate ? time(s.DeletedDate) : "—"],
      ["ARN", h("code", {}, s.ARN ?? "—")],
      ["Description", s.Description ?? "—"],
    ]),
    h("h2", { id: "secret-versions" }, "Versions"),
    table("Versions", ["Version ID", "Staging labels"], versions.map(([id, stages]) => [h("code", {}, id), stages.join(", ") || "—"]), "The secret has no value yet."),
    s.Tags?.length ? [h("h2", {}, "Tags"), table("Tags", ["Key", "Value"], s.Tags.map((t) => [t.Key ?? "", t.Value ?? ""]), "")] : null,
    h("p", { class: "muted" }, NO_VALUES),
  );
}

/** A secret by name (in the page's account and region) or by ARN (in the ARN's). */
export function secretPage(ref: string): Page {
  const label = ref.startsWith("arn:") ? ref.split(":secret:").pop()! : ref;
  return {
    title: `Secret ${label}`,
    crumbs: [
      ["Secrets", href.secrets()],
      [label, href.secret(ref)],
    ],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      root.append(h("div", { class: "page-head" }, h("h1", {}, "Secret ", h("code", {}, label))), slot);
      return {
        async refresh() {
          const source = sourceOf(ref, app.secrets.where, "secretsmanager");
          const where = source.kind === "secretsmanager" ? source.where : app.secrets.where;
          const sm = samePlace(where, app.secrets.where) ? app.secrets : secretsClient(where);
          try {
            swap(slot, secretView(await secret(sm, source.kind === "secretsmanager" ? source.secretId : ref)));
          } catch (e) {
            // Secrets Manager's own answer (ResourceNotFoundException: …) is the page.
            swap(slot, h("p", { class: "form-error" }, errorText(e)));
          }
        },
      };
    },
  };
}
