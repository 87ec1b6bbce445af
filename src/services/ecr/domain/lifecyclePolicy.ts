// What ECR checks of a lifecycle policy before keeping it (the ECR User Guide's "Lifecycle policy
// properties"): rules with a unique rulePriority, a selection (tagStatus, countType and its unit,
// countNumber) and an expire action. A refusal is worded as ECR words it: "Invalid parameter at
// 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: …'"
// (cloudposse/terraform-aws-ecr#158); the detail after the colon is chosen.
import { InvalidParameterException } from "../generated/errors.js";

const refuse = (why: string) => new InvalidParameterException(`Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ${why}'`);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const positiveInt = (v: unknown): boolean => Number.isInteger(v) && (v as number) > 0;

function checkRule(rule: unknown, priorities: Set<number>): void {
  if (!isObject(rule)) throw refuse("a rule must be an object");
  const priority = rule.rulePriority;
  if (!positiveInt(priority)) throw refuse("rulePriority must be a positive integer");
  if (priorities.has(priority as number)) throw refuse(`rulePriority ${priority} is used by more than one rule`);
  priorities.add(priority as number);
  const sel = rule.selection;
  if (!isObject(sel)) throw refuse("object has missing required properties ([\"selection\"])");
  if (!["tagged", "untagged", "any"].includes(sel.tagStatus as string)) throw refuse("tagStatus must be one of tagged, untagged, any");
  if (sel.tagStatus === "tagged" && !Array.isArray(sel.tagPrefixList) && !Array.isArray(sel.tagPatternList)) throw refuse("a tagged selection needs tagPrefixList or tagPatternList");
  if (sel.countType === "sinceImagePushed") {
    if (sel.countUnit !== "days") throw refuse("countUnit must be days for countType sinceImagePushed");
  } else if (sel.countType === "imageCountMoreThan") {
    if (sel.countUnit !== undefined) throw refuse("instance failed to match exactly one schema (matched 0 out of 2)");
  } else throw refuse("countType must be one of imageCountMoreThan, sinceImagePushed");
  if (!positiveInt(sel.countNumber)) throw refuse("countNumber must be a positive integer");
  if (!isObject(rule.action) || rule.action.type !== "expire") throw refuse("action type must be expire");
}

export function checkLifecyclePolicy(text: string): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw refuse("the policy is not valid JSON");
  }
  if (!isObject(doc) || !Array.isArray(doc.rules) || doc.rules.length === 0) throw refuse("object has missing required properties ([\"rules\"])");
  const priorities = new Set<number>();
  for (const rule of doc.rules) checkRule(rule, priorities);
}
