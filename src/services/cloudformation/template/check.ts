// The checks every template passes before anything is made (CreateStack, UpdateStack, CreateChangeSet,
// ValidateTemplate): its sections, its resources' declarations, its references and its graph.
import { commonErrors } from "../../../protocol/errors.js";
import { formatError, templateError } from "./errors.js";
import { checkAcyclic } from "./graph.js";
import { referencesIn, resourceDependencies, dependsOn } from "./references.js";
import { PSEUDO_PARAMETERS } from "./pseudo.js";
import { checkParameterDeclarations } from "./parameterTypes.js";
import type { Template } from "./types.js";
import { providerFor } from "../resources/index.js";

const SECTIONS = new Set(["AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs", "Hooks"]);
const isObject = (v: unknown): v is Record<string, any> => typeof v === "object" && v !== null && !Array.isArray(v);

export function checkTemplate(raw: Record<string, unknown>): Template {
  const unknown = Object.keys(raw).filter((k) => !SECTIONS.has(k));
  if (unknown.length) throw formatError(`Invalid template property or properties [${unknown.join(", ")}]`);
  if (raw.AWSTemplateFormatVersion !== undefined && String(raw.AWSTemplateFormatVersion) !== "2010-09-09") {
    throw formatError(`'${String(raw.AWSTemplateFormatVersion)}' is not a valid template version`);
  }
  if (raw.Transform !== undefined) {
    const names = Array.isArray(raw.Transform) ? raw.Transform : [raw.Transform];
    throw commonErrors.unsupported(`ecs-local does not process template transforms (${names.map((n) => (isObject(n) ? n.Name : n)).join(", ")}).`);
  }
  if (raw.Description !== undefined && typeof raw.Description !== "string") throw formatError("Every Description member must be a string.");
  const resources = raw.Resources;
  if (!isObject(resources) || Object.keys(resources).length === 0) throw formatError("At least one Resources member must be defined.");
  for (const [name, decl] of Object.entries(resources)) {
    if (!/^[A-Za-z0-9]+$/.test(name)) throw formatError(`Resource name ${name} is non alphanumeric.`);
    if (!isObject(decl)) throw formatError(`[/Resources/${name}] resource definition is malformed`);
    if (typeof decl.Type !== "string") throw formatError(`[/Resources/${name}] Every Resources object must contain a Type member.`);
    if (decl.Properties !== undefined && !isObject(decl.Properties)) throw formatError(`[/Resources/${name}/Properties] Every Properties member must be an object.`);
  }
  const template = raw as unknown as Template;
  checkParameterDeclarations(template);
  checkSections(template);
  checkReferences(template);
  return template;
}

function checkSections(t: Template): void {
  for (const [name, map] of Object.entries(t.Mappings ?? {})) {
    if (!isObject(map)) throw formatError(`Mappings attribute ${name} must be a JSON object`);
  }
  for (const [name, out] of Object.entries(t.Outputs ?? {})) {
    if (!isObject(out) || !("Value" in out)) throw formatError(`Every Outputs member must contain a Value object, the Outputs member ${name} does not have a Value object`);
  }
  const conditions = new Set(Object.keys(t.Conditions ?? {}));
  const used = [
    ...Object.entries(t.Resources).map(([n, d]) => [n, d.Condition] as const),
    ...Object.entries(t.Outputs ?? {}).map(([n, o]) => [n, o.Condition] as const),
  ];
  for (const [name, c] of used) {
    if (c !== undefined && !conditions.has(String(c))) throw formatError(`Unresolved condition dependency ${String(c)} in ${name}`);
  }
}

function checkReferences(t: Template): void {
  const resources = new Set(Object.keys(t.Resources));
  const params = new Set(Object.keys(t.Parameters ?? {}));
  const known = (n: string) => resources.has(n) || params.has(n) || PSEUDO_PARAMETERS.has(n);
  for (const decl of Object.values(t.Resources)) {
    const missing = [...dependsOn(decl).filter((d) => !resources.has(d)), ...referencesIn(decl.Properties ?? {}).filter((r) => !known(r.name)).map((r) => r.name)];
    if (missing.length) throw formatError(`Unresolved resource dependencies [${[...new Set(missing)].join(", ")}] in the Resources block of the template`);
    for (const r of referencesIn(decl.Properties ?? {})) if (r.attribute !== undefined && !resources.has(r.name)) throw templateError(`instance of Fn::GetAtt references undefined resource ${r.name}`);
  }
  for (const out of Object.values(t.Outputs ?? {})) {
    const missing = referencesIn(out).filter((r) => !known(r.name)).map((r) => r.name);
    if (missing.length) throw formatError(`Unresolved resource dependencies [${[...new Set(missing)].join(", ")}] in the Outputs block of the template`);
  }
  for (const c of Object.values(t.Conditions ?? {})) {
    const bad = referencesIn(c).filter((r) => !params.has(r.name) && !PSEUDO_PARAMETERS.has(r.name));
    if (bad.length) throw formatError(`Unresolved dependencies [${bad.map((r) => r.name).join(", ")}]. Cannot reference resources in the Conditions block of the template`);
  }
  const deps = new Map(Object.entries(t.Resources).map(([n, d]) => [n, resourceDependencies(d, resources)]));
  checkAcyclic(deps);
}

/** At create and update: every type must be one ecs-local can make, and every Fn::GetAtt one its type documents. */
export function checkTypes(t: Template): void {
  const unknown = [...new Set(Object.values(t.Resources).map((d) => d.Type))].filter((type) => !providerFor(type));
  if (unknown.length) throw formatError(`Unrecognized resource types: [${unknown.join(", ")}]`);
  const everything = [...Object.values(t.Resources).map((d) => d.Properties ?? {}), ...Object.values(t.Outputs ?? {})];
  for (const r of referencesIn(everything)) {
    if (r.attribute === undefined || !t.Resources[r.name]) continue;
    const p = providerFor(t.Resources[r.name].Type)!;
    if (!p.refuse && !p.attributes.includes(r.attribute)) throw templateError(`resource ${r.name} does not support attribute type ${r.attribute} in Fn::GetAtt`);
  }
}
