// The AWS managed policies of the catalog (awsManagedPolicies.ts), found by ARN. This module and the
// catalog load with the first operation that needs them, never at start-up.
import { awsPolicyArn } from "../arns.js";
import { awsLayout } from "../documents.js";
import { AWS_MANAGED_DOCUMENTS } from "./awsManagedDocuments.js";
import { AWS_MANAGED_POLICIES } from "./awsManagedPolicies.js";

export interface ManagedPolicyEntry {
  name: string;
  path: string;
  /** `ANPA…`, AWS's. */
  id: string;
  /** The default version: the only one ecs-local keeps. */
  version: string;
  /** ISO 8601. */
  created: string;
  updated: string;
  versionCreated: string;
  description?: string;
}

export interface AwsManagedPolicy extends ManagedPolicyEntry {
  arn: string;
  /** Where it stands in AWS's list (ListPolicies answers in this order). */
  index: number;
}

let byArn: Map<string, AwsManagedPolicy> | undefined;

function catalog(): Map<string, AwsManagedPolicy> {
  byArn ??= new Map(AWS_MANAGED_POLICIES.map((p, index) => [awsPolicyArn(p.path, p.name), { ...p, arn: awsPolicyArn(p.path, p.name), index }]));
  return byArn;
}

export const awsManagedPolicy = (arn: string): AwsManagedPolicy | undefined => catalog().get(arn);

export const awsManagedPolicies = (): AwsManagedPolicy[] => [...catalog().values()];

/** The policy's default version's document, in the layout AWS shows its own documents in. */
export const awsManagedDocument = (p: ManagedPolicyEntry): string => awsLayout(JSON.parse(AWS_MANAGED_DOCUMENTS[p.name]));

export const seconds = (iso: string): number => Date.parse(iso) / 1000;
