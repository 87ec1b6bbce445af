// What a resource type offers the engine: how it is created, updated and deleted through its
// service's own operations, what its Fn::GetAtt attributes are, which property changes replace it.
import type { ResourceRecord } from "../context.js";

export interface ProviderContext {
  accountId: string;
  region: string;
  stackName: string;
  stackId: string;
  logicalId: string;
  /** The stack's tags, which resources that take tags receive. */
  tags: { Key: string; Value: string }[];
  /** The stack's tags when the resource was last made or updated: what an update's tag changes start from. */
  previousTags: { Key: string; Value: string }[];
  /** Runs another service's operation as a request would (src/services/inProcess.ts); throws its AwsError. */
  call<T = any>(service: string, operation: string, input: Record<string, unknown>): T;
  /** A name CloudFormation would generate: `<stack>-<logicalId>-<random>`, cut to `max` characters. */
  generatedName(max?: number, options?: { upper?: boolean }): string;
  now(): number;
  /** A failure reason as CloudFormation's resource handlers word it: `Resource handler returned message: "…" (RequestToken: …, HandlerErrorCode: …)`. */
  handlerMessage(message: string, code: string): string;
  /** A seeded random UUID (the service's id source). */
  uuid(): string;
}

/** What a create or an update made: the physical id (the Ref value, except where `ref` says) and the attributes. */
export interface Made {
  physicalId: string;
  attributes: Record<string, unknown>;
}

/** Where a resource stands after a step: done, still settling, or failed with a reason. */
export type Progress = "done" | "wait" | { failed: string };

export interface ResourceProvider {
  type: string;
  /** The operations to load before the provider runs: service → operation names. */
  operations: Record<string, string[]>;
  /** The documented Fn::GetAtt attributes. */
  attributes: readonly string[];
  /** Properties whose change replaces the resource; "*" when every change does. */
  replaceOn: readonly string[];
  /** Properties the provider takes besides those its create operation names (checked for unsupported ones). */
  create(props: Record<string, any>, pc: ProviderContext): Made;
  /** An update in place; absent when every change replaces. */
  update?(props: Record<string, any>, old: ResourceRecord, pc: ProviderContext): Made;
  delete(record: ResourceRecord, pc: ProviderContext): void;
  /**
   * Checked each step after a create or update until it is done (an ECS service reaching a steady
   * state). With `act` false it only looks (whether a step would make progress) and changes nothing.
   */
  settle?(record: ResourceRecord, pc: ProviderContext, act?: boolean): Progress;
  /** Checked each step after a delete until it is done (a service draining). */
  settleDelete?(record: ResourceRecord, pc: ProviderContext): Progress;
  /** The property that names the resource: a replacement that keeps the name cannot be made (AWS's rule for custom names). */
  nameProperty?: string;
  /** The resource takes the stack's tags: a change of the stack's tags updates it. */
  taggable?: boolean;
  /** Fails every create with this reason (types ecs-local recognizes but cannot run, such as Lambda-backed ones). */
  refuse?: string;
  /** No DeletionPolicy: Snapshot for this type: AWS's answer. */
  snapshot?: boolean;
}

/** Tags in CloudFormation's shape for an API that takes `Key`/`Value` (or `key`/`value` after mapping). */
export function withStackTags(own: { Key: string; Value: string }[] | undefined, pc: ProviderContext, which: "current" | "previous" = "current"): { Key: string; Value: string }[] {
  const merged = new Map((which === "current" ? pc.tags : pc.previousTags).map((t) => [t.Key, t.Value]));
  for (const t of own ?? []) merged.set(t.Key, String(t.Value));
  return [...merged].map(([Key, Value]) => ({ Key, Value }));
}

/** `{ Tags }` with the stack's tags and the resource's own, or nothing when there are none (some APIs refuse an empty list). */
export function tagsMember(own: { Key: string; Value: string }[] | undefined, pc: ProviderContext): { Tags?: { Key: string; Value: string }[] } {
  const tags = withStackTags(own, pc);
  return tags.length ? { Tags: tags } : {};
}
