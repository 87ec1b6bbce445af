// CloudFormation as the console reads it: stacks, and a stack's events, resources, outputs and
// parameters (NoEcho parameters as DescribeStacks masks them).
import type { Output, Parameter, Stack, StackEvent, StackResourceSummary, StackSummary, Tag } from "../../services/cloudformation/generated/types.js";
import { API_VERSION, SIGNING_NAME } from "../../services/cloudformation/generated/operations.js";
import type { Where } from "./api.js";
import { allItems, child, el, items, Query, seconds } from "./query.js";

export function cloudFormationClient(where: Where): Query {
  return new Query(where, SIGNING_NAME, API_VERSION);
}

type Status = Stack["StackStatus"];

/** Every stack ListStacks answers, deleted ones (kept 90 days) included; newest first. */
export async function stacks(cf: Query): Promise<StackSummary[]> {
  const list = await allItems(cf, "ListStacks", [], "StackSummaries");
  return list
    .map((m) => ({
      StackId: child(m, "StackId"),
      StackName: child(m, "StackName") ?? "",
      TemplateDescription: child(m, "TemplateDescription"),
      CreationTime: seconds(child(m, "CreationTime")) ?? 0,
      LastUpdatedTime: seconds(child(m, "LastUpdatedTime")),
      DeletionTime: seconds(child(m, "DeletionTime")),
      StackStatus: child(m, "StackStatus") as Status,
      StackStatusReason: child(m, "StackStatusReason"),
      ParentId: child(m, "ParentId"),
    }))
    .sort((a, b) => b.CreationTime - a.CreationTime);
}

/** DescribeStacks for one stack (by name, or by stack id for a deleted one). */
export async function stack(cf: Query, name: string): Promise<Stack | undefined> {
  const root = await cf.call("DescribeStacks", [["StackName", name]]);
  const m = items(el(root, "DescribeStacksResult"), "Stacks")[0];
  if (!m) return undefined;
  return {
    StackId: child(m, "StackId"),
    StackName: child(m, "StackName") ?? "",
    Description: child(m, "Description"),
    Parameters: items(m, "Parameters").map((p): Parameter => ({ ParameterKey: child(p, "ParameterKey"), ParameterValue: child(p, "ParameterValue"), ResolvedValue: child(p, "ResolvedValue") })),
    CreationTime: seconds(child(m, "CreationTime")) ?? 0,
    LastUpdatedTime: seconds(child(m, "LastUpdatedTime")),
    DeletionTime: seconds(child(m, "DeletionTime")),
    StackStatus: child(m, "StackStatus") as Status,
    StackStatusReason: child(m, "StackStatusReason"),
    Capabilities: items(m, "Capabilities").map((c) => c.textContent as NonNullable<Stack["Capabilities"]>[number]),
    Outputs: items(m, "Outputs").map((o): Output => ({ OutputKey: child(o, "OutputKey"), OutputValue: child(o, "OutputValue"), Description: child(o, "Description"), ExportName: child(o, "ExportName") })),
    RoleARN: child(m, "RoleARN"),
    Tags: items(m, "Tags").map((t): Tag => ({ Key: child(t, "Key") ?? "", Value: child(t, "Value") ?? "" })),
    EnableTerminationProtection: child(m, "EnableTerminationProtection") === "true",
    ParentId: child(m, "ParentId"),
    RootId: child(m, "RootId"),
  };
}

/** The stack's events, newest first, as DescribeStackEvents pages them. */
export async function events(cf: Query, name: string): Promise<StackEvent[]> {
  return (await allItems(cf, "DescribeStackEvents", [["StackName", name]], "StackEvents")).map((m) => ({
    StackId: child(m, "StackId") ?? "",
    EventId: child(m, "EventId") ?? "",
    StackName: child(m, "StackName") ?? "",
    LogicalResourceId: child(m, "LogicalResourceId"),
    PhysicalResourceId: child(m, "PhysicalResourceId"),
    ResourceType: child(m, "ResourceType"),
    Timestamp: seconds(child(m, "Timestamp")) ?? 0,
    ResourceStatus: child(m, "ResourceStatus") as StackEvent["ResourceStatus"],
    ResourceStatusReason: child(m, "ResourceStatusReason"),
  }));
}

export async function resources(cf: Query, name: string): Promise<StackResourceSummary[]> {
  return (await allItems(cf, "ListStackResources", [["StackName", name]], "StackResourceSummaries")).map((m) => ({
    LogicalResourceId: child(m, "LogicalResourceId") ?? "",
    PhysicalResourceId: child(m, "PhysicalResourceId"),
    ResourceType: child(m, "ResourceType") ?? "",
    LastUpdatedTimestamp: seconds(child(m, "LastUpdatedTimestamp")) ?? 0,
    ResourceStatus: child(m, "ResourceStatus") as StackResourceSummary["ResourceStatus"],
    ResourceStatusReason: child(m, "ResourceStatusReason"),
  }));
}

/**
 * The template's NoEcho parameters (GetTemplateSummary), so that a value is masked even if an
 * answer carried it; none when the summary cannot be read (a deleted stack's template is gone).
 */
export async function noEchoParameters(cf: Query, name: string): Promise<Set<string>> {
  try {
    const root = await cf.call("GetTemplateSummary", [["StackName", name]]);
    const declared = items(el(root, "GetTemplateSummaryResult"), "Parameters");
    return new Set(declared.filter((p) => child(p, "NoEcho") === "true").map((p) => child(p, "ParameterKey") ?? ""));
  } catch {
    return new Set();
  }
}
