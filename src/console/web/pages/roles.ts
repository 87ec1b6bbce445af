// IAM roles: the account's roles, and a role's view — its trust policy decoded (who may assume it)
// and the policies attached to it. Read-only: the console changes nothing in IAM.
import type { Role } from "../../../services/iam/generated/types.js";
import type { Page } from "../app.js";
import { h, link, section, summaryList, table, time } from "../dom.js";
import { attachedPolicies, decodePolicy, getRole, inlinePolicyNames, roles, trustedPrincipals } from "../iam.js";
import { href } from "../router.js";
import { errorText, field, input, swap } from "../ui.js";

/** Who may assume the role, in a few words: "ecs-tasks.amazonaws.com", "Account 123…". */
export function trustSummary(role: Role): string {
  const who = trustedPrincipals(decodePolicy(role.AssumeRolePolicyDocument)).filter((p) => p.effect === "Allow");
  return [...new Set(who.map((p) => (p.kind === "Service" ? p.value : `${p.kind}: ${p.value}`)))].join(", ") || "—";
}

export function rolesPage(): Page {
  return {
    title: "Roles",
    crumbs: [["Roles", href.roles()]],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      const find = input("find", { type: "search", autocomplete: "off" });
      find.addEventListener("input", () => app.refresh());
      root.append(
        h("div", { class: "page-head" }, h("h1", {}, "Roles")),
        h("p", { class: "muted" }, "IAM is global: the account's roles, whatever the region."),
        h("div", { class: "filters" }, field("Find roles", find, "Part of a role name")),
        h("section", { "aria-label": "Roles" }, slot),
      );
      return {
        async refresh() {
          const wanted = find.value.trim().toLowerCase();
          const list = (await roles(app.iam)).filter((r) => r.RoleName.toLowerCase().includes(wanted));
          swap(
            slot,
            table(
              "Roles",
              ["Role name", "Trusted entities", "Path", "Created", "Description"],
              list.map((r) => [link(href.role(r.RoleName), r.RoleName), trustSummary(r), h("code", {}, r.Path), time(r.CreateDate), r.Description ?? "—"]),
              wanted ? "No role matches." : `No roles in account ${app.iam.where.accountId}.`,
            ),
          );
        },
      };
    },
  };
}

function sessionDuration(s: number | undefined): string {
  if (s === undefined) return "—";
  return s % 3600 === 0 ? `${s / 3600} hour${s === 3600 ? "" : "s"}` : `${s} seconds`;
}

const AWS_MANAGED = /^arn:[^:]+:iam::aws:policy\//;

function roleView(r: Role, attached: { PolicyName?: string; PolicyArn?: string }[], inline: string[]): HTMLElement {
  const policy = decodePolicy(r.AssumeRolePolicyDocument);
  const rows = [
    ...attached.map((p) => [p.PolicyName ?? "—", AWS_MANAGED.test(p.PolicyArn ?? "") ? "AWS managed" : "Customer managed", h("code", {}, p.PolicyArn ?? "—")]),
    ...inline.map((n) => [n, "Customer inline", "—"]),
  ];
  return h(
    "div",
    {},
    summaryList([
      ["Role name", r.RoleName],
      ["ARN", h("code", {}, r.Arn)],
      ["Role ID", h("code", {}, r.RoleId)],
      ["Path", h("code", {}, r.Path)],
      ["Created", time(r.CreateDate)],
      ["Maximum session duration", sessionDuration(r.MaxSessionDuration)],
      ["Last used", r.RoleLastUsed?.LastUsedDate ? `${time(r.RoleLastUsed.LastUsedDate)}${r.RoleLastUsed.Region ? ` in ${r.RoleLastUsed.Region}` : ""}` : "—"],
      ["Permissions boundary", r.PermissionsBoundary?.PermissionsBoundaryArn ? h("code", {}, r.PermissionsBoundary.PermissionsBoundaryArn) : "—"],
      ["Description", r.Description ?? "—"],
    ]),
    section(
      "role-trust",
      "Trusted entities",
      table(
        "Trusted entities",
        ["Effect", "Principal type", "Principal", "Actions"],
        trustedPrincipals(policy).map((p) => [p.effect, p.kind, h("code", {}, p.value), p.actions.join(", ") || "—"]),
        "The trust policy names no principal.",
      ),
      h("h3", { id: "role-trust-json" }, "Trust policy"),
      h("pre", { class: "json", tabindex: 0, "aria-labelledby": "role-trust-json" }, typeof policy === "string" ? policy : JSON.stringify(policy, null, 2)),
    ),
    section("role-policies", `Permissions policies (${rows.length})`, table("Permissions policies", ["Policy name", "Type", "ARN"], rows, "No policies are attached to this role.")),
  );
}

export function rolePage(name: string): Page {
  return {
    title: `Role ${name}`,
    crumbs: [
      ["Roles", href.roles()],
      [name, href.role(name)],
    ],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      root.append(h("div", { class: "page-head" }, h("h1", {}, `Role ${name}`)), slot);
      return {
        async refresh() {
          let r: Role;
          try {
            r = await getRole(app.iam, name);
          } catch (e) {
            // IAM's own answer (NoSuchEntity: The role with name … cannot be found.) is the page.
            swap(slot, h("p", { class: "form-error" }, errorText(e)));
            return;
          }
          const [attached, inline] = await Promise.all([attachedPolicies(app.iam, name), inlinePolicyNames(app.iam, name)]);
          swap(slot, roleView(r, attached, inline));
        },
      };
    },
  };
}
