// A deployment made from a request: the template read and checked, parameters resolved, conditions
// evaluated, capabilities checked; what CreateStack, UpdateStack and CreateChangeSet share.
import { MAX_BODY_BYTES, parseBody } from "../template/parse.js";
import { applyLanguageExtensions } from "../template/languageExtensions.js";
import { checkTemplate, checkTypes } from "../template/check.js";
import { listedParameters, resolveParameters } from "../template/parameters.js";
import { evaluateConditions } from "../template/conditions.js";
import { checkRules } from "../template/rules.js";
import { validation } from "../template/errors.js";
import { s3Reader, type UrlReader } from "./templateUrl.js";
import { InsufficientCapabilitiesException } from "../generated/errors.js";
import type { CloudFormationContext, Deployment, StackRecord } from "../context.js";
import type { Parameter, Tag } from "../generated/types.js";
import { parameterValue, pseudoValue } from "../engine/scope.js";
import { checkParameterResources } from "./ec2Parameters.js";
import type { Template } from "../template/types.js";
import { evaluate } from "../template/intrinsics.js";

export interface DeploymentRequest {
  TemplateBody?: string;
  TemplateURL?: string;
  UsePreviousTemplate?: boolean;
  Parameters?: Parameter[];
  Capabilities?: string[];
  Tags?: Tag[];
  NotificationARNs?: string[];
  DisableRollback?: boolean;
}

/** The body a request names: TemplateBody, the object TemplateURL names in S3, or the stack's own with UsePreviousTemplate. */
export function templateBody(input: DeploymentRequest, previous: Deployment | undefined, read: UrlReader): string {
  const given = [input.TemplateBody !== undefined, input.TemplateURL !== undefined, input.UsePreviousTemplate === true].filter(Boolean).length;
  if (given > 1) throw validation("Specify exactly one of TemplateBody, TemplateUrl or UsePreviousTemplate.".replace("TemplateUrl", "TemplateURL"));
  if (input.TemplateURL !== undefined) return read(input.TemplateURL);
  if (input.UsePreviousTemplate) {
    if (!previous) throw validation("UsePreviousTemplate can only be used with an existing stack.");
    return previous.body;
  }
  if (input.TemplateBody === undefined) throw validation("Either Template URL or Template Body must be specified.");
  // The model leaves the limit to the documentation: 51,200 bytes, beyond which AWS wants a TemplateURL.
  if (Buffer.byteLength(input.TemplateBody, "utf8") > MAX_BODY_BYTES) {
    throw validation(`1 validation error detected: Value '${input.TemplateBody}' at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to ${MAX_BODY_BYTES}`);
  }
  return input.TemplateBody;
}

/**
 * Reads and checks a template body: what ValidateTemplate does, and every deployment first. The
 * AWS::LanguageExtensions transform reads parameters (a loop over a list parameter): the given values, else the defaults.
 */
export function readTemplate(body: string, given: Parameter[] = []): Template {
  const raw = parseBody(body);
  const declared = (raw.Parameters ?? {}) as Record<string, { Default?: unknown }>;
  const parameter = (name: string): string | undefined => {
    const p = given.find((g) => g.ParameterKey === name)?.ParameterValue ?? declared[name]?.Default;
    return p === undefined ? undefined : Array.isArray(p) ? p.join(",") : String(p);
  };
  return checkTemplate(applyLanguageExtensions(raw, parameter));
}

/** The transforms a body declares (only AWS::LanguageExtensions is ever applied). */
export function declaredTransforms(body: string): string[] {
  const t = parseBody(body).Transform;
  return (Array.isArray(t) ? t : t === undefined ? [] : [t]).map(String);
}

const IAM_NAMES: Record<string, string> = { "AWS::IAM::Role": "RoleName", "AWS::IAM::User": "UserName", "AWS::IAM::Group": "GroupName", "AWS::IAM::ManagedPolicy": "ManagedPolicyName", "AWS::IAM::InstanceProfile": "InstanceProfileName" };

/** The capability a template needs: CAPABILITY_NAMED_IAM for named IAM resources, CAPABILITY_IAM for any IAM resource. */
export function requiredCapability(t: Template): "CAPABILITY_IAM" | "CAPABILITY_NAMED_IAM" | undefined {
  let need: "CAPABILITY_IAM" | "CAPABILITY_NAMED_IAM" | undefined;
  for (const decl of Object.values(t.Resources)) {
    if (!decl.Type.startsWith("AWS::IAM::")) continue;
    const nameProp = IAM_NAMES[decl.Type];
    if (nameProp && decl.Properties?.[nameProp] !== undefined) return "CAPABILITY_NAMED_IAM";
    need = "CAPABILITY_IAM";
  }
  return need;
}

export function checkCapabilities(t: Template, given: string[] | undefined): void {
  const need = requiredCapability(t);
  if (!need) return;
  const have = new Set(given ?? []);
  if (have.has(need) || (need === "CAPABILITY_IAM" && have.has("CAPABILITY_NAMED_IAM"))) return;
  throw new InsufficientCapabilitiesException(`Requires capabilities : [${need}]`);
}

export function prepareDeployment(ctx: CloudFormationContext, rec: Pick<StackRecord, "stack">, input: DeploymentRequest, previous?: Deployment): Deployment {
  const body = templateBody(input, previous, s3Reader(ctx));
  const template = readTemplate(body, input.Parameters);
  checkCapabilities(template, input.Capabilities);
  checkTypes(template);
  const { accountId, region } = ctx.state;
  const ssm = (name: string) => ctx.backend.peers.ssm.parameterValue(accountId, region, name)?.value;
  const p = resolveParameters(template, input.Parameters, previous?.values && given(previous), ssm);
  const d: Deployment = {
    body,
    template,
    values: p.values,
    parameters: listedParameters(template, p),
    resolved: p.resolved,
    conditions: {},
    tags: (input.Tags ?? previous?.tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })),
    capabilities: input.Capabilities ?? [],
    notificationArns: input.NotificationARNs ?? previous?.notificationArns ?? [],
    disableRollback: input.DisableRollback ?? false,
  };
  d.given = p.given;
  const env = { state: ctx.state };
  const ref = (name: string) => parameterValue(d, name) ?? pseudoValue(env, rec, d, name) ?? missing(name);
  checkRules(template, ref);
  d.conditions = evaluateConditions(template, ref);
  checkParameterResources(ctx, template, d);
  checkImports(ctx, template, d, rec);
  return d;
}

/** Every Fn::ImportValue whose name follows from parameters must name an export of the region. */
function checkImports(ctx: CloudFormationContext, t: Template, d: Deployment, rec: Pick<StackRecord, "stack">): void {
  const env = { state: ctx.state };
  const scope = {
    ref: (name: string) => parameterValue(d, name) ?? pseudoValue(env, rec, d, name) ?? (() => { throw new Error("not static"); })(),
    getAtt: () => { throw new Error("not static"); },
    condition: (c: string) => d.conditions[c] === true,
    mapping: (m: string, a: string, b: string) => t.Mappings?.[m]?.[a]?.[b],
    importValue: (n: string) => n,
    azs: () => [],
  };
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (typeof v !== "object" || v === null) return;
    const o = v as Record<string, unknown>;
    if (Object.keys(o).length === 1 && "Fn::ImportValue" in o) {
      let name: unknown;
      try {
        name = evaluate(o["Fn::ImportValue"], scope);
      } catch {
        return;
      }
      if (typeof name === "string" && !ctx.state.exports.has(name)) throw validation(`No export named ${name} found`);
      return;
    }
    Object.values(o).forEach(visit);
  };
  visit([Object.values(t.Resources).map((r) => r.Properties ?? {}), Object.values(t.Outputs ?? {})]);
}

function given(previous: Deployment): Record<string, string> {
  return previous.given ?? previous.values;
}

function missing(name: string): never {
  throw validation(`Template format error: Unresolved resource dependencies [${name}] in the Conditions block of the template`);
}
