// What a task definition names elsewhere: its task and execution roles by name (linking to the
// role's view), and every secret its containers read — the variable, where it comes from (a
// Parameter Store parameter or a Secrets Manager secret, linking to its view) with that source's
// type, version and last change. Never a value: only metadata is read.
import type { TaskDefinition } from "../../../services/ecs/generated/types.js";
import type { Where } from "../api.js";
import type { App } from "../app.js";
import { h, link, table, time, type Child } from "../dom.js";
import { parseArn, roleName, samePlace, sourceOf, type Source } from "../references.js";
import { href } from "../router.js";
import { parameter, ssmClient } from "../ssm.js";
import { secret, secretsClient, secretType, versionAt } from "../secrets.js";
import { errorText } from "../ui.js";

/** A role ARN as its name, linked to the role's view when the role is in the page's account. */
export function roleCell(arn: string | undefined, where: Where): Child {
  if (!arn) return "—";
  const a = parseArn(arn);
  if (a && a.accountId !== where.accountId) return h("code", {}, arn);
  return h("a", { href: href.role(roleName(arn)), title: arn }, roleName(arn));
}

interface SecretUse {
  container: string;
  name: string;
  /** How the container gets it. */
  use: string;
  valueFrom: string;
  /** Registry credentials are always a Secrets Manager secret, named by ARN or name. */
  only?: "secretsmanager";
}

function uses(td: TaskDefinition): SecretUse[] {
  const out: SecretUse[] = [];
  for (const c of td.containerDefinitions ?? []) {
    const container = c.name ?? "—";
    for (const s of c.secrets ?? []) out.push({ container, name: s.name, use: "Environment variable", valueFrom: s.valueFrom });
    for (const s of c.logConfiguration?.secretOptions ?? []) out.push({ container, name: s.name, use: "Log driver option", valueFrom: s.valueFrom });
    const credentials = c.repositoryCredentials?.credentialsParameter;
    if (credentials) out.push({ container, name: "—", use: "Registry credentials", valueFrom: credentials, only: "secretsmanager" });
  }
  return out;
}

/** The link to the source's view: by name in the page's account and region, else by ARN. */
function sourceLink(source: Source, valueFrom: string, page: Where): Child {
  const here = samePlace(source.where, page);
  // Elsewhere, a parameter is named by its ARN (without the selector, which names a version).
  if (source.kind === "ssm") return link(href.parameter(here ? source.name : valueFrom.slice(0, valueFrom.length - (source.selector?.length ?? 0))), source.name);
  return link(href.secret(here ? source.name : source.secretId), source.name);
}

/** What the reference picks inside its source: a version or label, a JSON key, a stage. */
function selection(source: Source): string {
  if (source.kind === "ssm") return source.selector ? `version or label ${source.selector.slice(1)}` : "latest version";
  const parts = [source.jsonKey ? `JSON key ${source.jsonKey}` : "", source.versionStage ? `stage ${source.versionStage}` : "", source.versionId ? `version ${source.versionId}` : ""].filter(Boolean);
  return parts.join(", ") || "AWSCURRENT";
}

/** Type, version and last change of the source, from its metadata; the API's error when it cannot be read. */
async function details(app: App, source: Source): Promise<[Child, Child, Child]> {
  try {
    if (source.kind === "ssm") {
      if (source.public) return ["Public parameter", "—", "—"];
      const ssm = samePlace(source.where, app.ssm.where) ? app.ssm : ssmClient(source.where);
      const p = await parameter(ssm, source.name);
      if (!p) return [h("span", { class: "bad-text" }, "No such parameter"), "—", "—"];
      return [p.Type ?? "—", String(p.Version ?? "—"), time(p.LastModifiedDate)];
    }
    const sm = samePlace(source.where, app.secrets.where) ? app.secrets : secretsClient(source.where);
    const s = await secret(sm, source.secretId);
    return [secretType(s), h("code", {}, source.versionId ?? versionAt(s.VersionIdsToStages, source.versionStage) ?? "—"), time(s.LastChangedDate)];
  } catch (e) {
    return [h("span", { class: "bad-text" }, errorText(e)), "—", "—"];
  }
}

export async function secretsTable(app: App, td: TaskDefinition): Promise<HTMLElement> {
  const page = app.ecs.where;
  const rows = await Promise.all(
    uses(td).map(async (u) => {
      const source = sourceOf(u.valueFrom, page, u.only);
      const [type, version, changed] = await details(app, source);
      return [u.container, h("code", {}, u.name), u.use, source.kind === "ssm" ? "Parameter Store" : "Secrets Manager", sourceLink(source, u.valueFrom, page), selection(source), type, version, changed];
    }),
  );
  return table("Secrets", ["Container", "Name", "Used as", "Source", "Parameter or secret", "Reads", "Type", "Version", "Last changed"], rows, "No container reads secrets.");
}
