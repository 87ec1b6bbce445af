// Reading botocore service models: the one source of shapes, operations and errors.
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface ShapeRef {
  shape: string;
  /** rest-xml: where the member travels (`uri`, `querystring`, `header`, `headers`; absent: the body). */
  location?: string;
  /** Wire names: query/XML element (locationName), EC2 form name (queryName). */
  locationName?: string;
  queryName?: string;
  flattened?: boolean;
  /** On an operation's output: the query protocol's <OpResult> element. */
  resultWrapper?: string;
}

export interface Shape {
  type: string;
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  exception?: boolean;
  fault?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  document?: boolean;
  flattened?: boolean;
  locationName?: string;
  /** rest-xml: the member that is the whole body. */
  payload?: string;
  timestampFormat?: string;
}

export interface Operation {
  name: string;
  /** rest-xml: the request's method and path (`/{Bucket}/{Key+}?tagging`), and the status of its answer. */
  http?: { method: string; requestUri: string; responseCode?: number };
  input?: ShapeRef;
  output?: ShapeRef;
  errors?: ShapeRef[];
}

export interface ServiceModel {
  metadata: Record<string, string>;
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

/** The folder that holds the models: `ECS_LOCAL_MODELS`, else ../shared/aws-models beside the repo. */
export function defaultModelsDir(repoRoot: string): string {
  return resolve(process.env.ECS_LOCAL_MODELS ?? join(repoRoot, "..", "shared", "aws-models"));
}

export interface ServiceSource {
  /** Folder of the model under the models directory. */
  path: string;
  /**
   * The operations to generate schemas and types for, when not all: EC2's model has 765 operations
   * and 4,000 shapes, of which ecs-local serves a few. Every operation's name is still listed, so an
   * operation left out answers "not supported" rather than InvalidAction. Add a name here (and run
   * `npm run gen`) before implementing it.
   */
  operations?: readonly string[];
  /**
   * Where AWS's own answers and documentation go beyond its model, applied as the model is read so
   * that they are accepted and answered like the rest: enum values the model does not list yet,
   * members it requires that real answers leave out, smaller minimum lengths (each by shape). Each
   * one's source is in FIDELITY.md.
   */
  /** The model is kept in this repository, under models/ (there is none in the shared models folder). */
  local?: boolean;
  /**
   * rest-xml: the root element of each answer whose members are the body (`ListBucketResult`), which
   * botocore's model leaves out (its parser ignores the root); from the service's API reference.
   */
  outputRoots?: Readonly<Record<string, string>>;
  corrections?: {
    enumValues?: Readonly<Record<string, readonly string[]>>;
    notRequired?: Readonly<Record<string, readonly string[]>>;
    min?: Readonly<Record<string, number>>;
  };
}

/** The services ecs-local serves; a service's folder under src/services and schemas/ is its key. */
const SOURCES = {
  ecs: {
    path: "ecs/2014-11-13",
    // The ECS Developer Guide's "Account settings" page documents dualStackIPv6 (ecs-account-settings.html).
    corrections: { enumValues: { SettingName: ["dualStackIPv6"] } },
  },
  logs: { path: "logs/2014-03-28" },
  sts: { path: "sts/2011-06-15" },
  elbv2: { path: "elbv2/2015-12-01" },
  ec2: {
    path: "ec2/2016-11-15",
    // An attached internet gateway's attachment is `available`, not `attached` (aws/aws-cli
    // `describe-internet-gateways.rst`; Terraform's waitInternetGatewayAttached waits for "available").
    corrections: { enumValues: { AttachmentStatus: ["available"] } },
    operations: [
      "AllocateAddress",
      "AssociateAddress",
      "AssociateRouteTable",
      "AttachInternetGateway",
      "AuthorizeSecurityGroupEgress",
      "AuthorizeSecurityGroupIngress",
      "CreateImage",
      "CreateInternetGateway",
      "CreateKeyPair",
      "CreateLaunchTemplate",
      "CreateLaunchTemplateVersion",
      "CreateNatGateway",
      "CreateRoute",
      "CreateRouteTable",
      "CreateSecurityGroup",
      "CreateSubnet",
      "CreateTags",
      "CreateVpc",
      "DeleteInternetGateway",
      "DeleteKeyPair",
      "DeleteLaunchTemplate",
      "DeleteLaunchTemplateVersions",
      "DeleteNatGateway",
      "DeleteRoute",
      "DeleteRouteTable",
      "DeleteSecurityGroup",
      "DeleteSubnet",
      "DeleteTags",
      "DeleteVpc",
      "DeregisterImage",
      "DescribeAccountAttributes",
      "DescribeAddresses",
      "DescribeAddressesAttribute",
      "DescribeAvailabilityZones",
      "DescribeImageAttribute",
      "DescribeImages",
      "DescribeInstanceAttribute",
      "DescribeInstanceCreditSpecifications",
      "DescribeInstanceStatus",
      "DescribeInstanceTypeOfferings",
      "DescribeInstanceTypes",
      "DescribeInstances",
      "DescribeInternetGateways",
      "DescribeKeyPairs",
      "DescribeLaunchTemplateVersions",
      "DescribeLaunchTemplates",
      "DescribeManagedPrefixLists",
      "DescribeNatGateways",
      "DescribeNetworkAcls",
      "DescribeNetworkInterfaces",
      "DescribePrefixLists",
      "DescribeRegions",
      "DescribeRouteTables",
      "DescribeSecurityGroupRules",
      "DescribeSecurityGroups",
      "DescribeSubnets",
      "DescribeTags",
      "DescribeVolumes",
      "DescribeVpcAttribute",
      "DescribeVpcs",
      "DetachInternetGateway",
      "DisassociateAddress",
      "DisassociateRouteTable",
      "GetLaunchTemplateData",
      "ImportKeyPair",
      "ModifyInstanceAttribute",
      "ModifyInstanceCreditSpecification",
      "ModifyInstanceMetadataOptions",
      "ModifyLaunchTemplate",
      "ModifySecurityGroupRules",
      "ModifySubnetAttribute",
      "ModifyVpcAttribute",
      "RegisterImage",
      "ReleaseAddress",
      "ReplaceRoute",
      "ReplaceRouteTableAssociation",
      "RevokeSecurityGroupEgress",
      "RevokeSecurityGroupIngress",
      "RunInstances",
      "StartInstances",
      "StopInstances",
      "TerminateInstances",
      "UpdateSecurityGroupRuleDescriptionsEgress",
      "UpdateSecurityGroupRuleDescriptionsIngress",
    ],
  },
  iam: {
    path: "iam/2010-05-08",
    // GetUser signed with the account's root credentials answers a User without a name or a path,
    // the account id (12 digits) as its UserId.
    corrections: { notRequired: { User: ["Path", "UserName"] }, min: { idType: 12 } },
    // IAM's model has 176 operations; these are the ones deploy tools call for roles, policies,
    // instance profiles, service-linked roles, users and their keys.
    operations: [
      "AddRoleToInstanceProfile",
      "AttachRolePolicy",
      "AttachUserPolicy",
      "CreateAccessKey",
      "CreateAccountAlias",
      "CreateInstanceProfile",
      "CreatePolicy",
      "CreatePolicyVersion",
      "CreateRole",
      "CreateServiceLinkedRole",
      "CreateUser",
      "DeleteAccessKey",
      "DeleteAccountAlias",
      "DeleteInstanceProfile",
      "DeletePolicy",
      "DeletePolicyVersion",
      "DeleteRole",
      "DeleteRolePermissionsBoundary",
      "DeleteRolePolicy",
      "DeleteServiceLinkedRole",
      "DeleteUser",
      "DeleteUserPolicy",
      "DetachRolePolicy",
      "DetachUserPolicy",
      "GetAccessKeyLastUsed",
      "GetAccountSummary",
      "GetInstanceProfile",
      "GetPolicy",
      "GetPolicyVersion",
      "GetRole",
      "GetRolePolicy",
      "GetServiceLinkedRoleDeletionStatus",
      "GetUser",
      "GetUserPolicy",
      "ListAccessKeys",
      "ListAccountAliases",
      "ListAttachedRolePolicies",
      "ListAttachedUserPolicies",
      "ListEntitiesForPolicy",
      "ListGroupsForUser",
      "ListInstanceProfileTags",
      "ListInstanceProfiles",
      "ListInstanceProfilesForRole",
      "ListPolicies",
      "ListPolicyTags",
      "ListPolicyVersions",
      "ListRolePolicies",
      "ListRoleTags",
      "ListRoles",
      "ListUserPolicies",
      "ListUserTags",
      "ListUsers",
      "PutRolePermissionsBoundary",
      "PutRolePolicy",
      "PutUserPolicy",
      "RemoveRoleFromInstanceProfile",
      "SetDefaultPolicyVersion",
      "TagInstanceProfile",
      "TagPolicy",
      "TagRole",
      "TagUser",
      "UntagInstanceProfile",
      "UntagPolicy",
      "UntagRole",
      "UntagUser",
      "UpdateAccessKey",
      "UpdateAssumeRolePolicy",
      "UpdateRole",
      "UpdateRoleDescription",
      "UpdateUser",
    ],
  },
  ssm: {
    path: "ssm/2014-11-06",
    // Systems Manager is large (146 operations); ecs-local serves Parameter Store.
    operations: [
      "AddTagsToResource",
      "DeleteParameter",
      "DeleteParameters",
      "DescribeParameters",
      "GetParameter",
      "GetParameterHistory",
      "GetParameters",
      "GetParametersByPath",
      "LabelParameterVersion",
      "ListTagsForResource",
      "PutParameter",
      "RemoveTagsFromResource",
      "UnlabelParameterVersion",
    ],
  },
  secretsmanager: { path: "secretsmanager/2017-10-17" },
  autoscaling: { path: "autoscaling/2011-01-01" },
  "application-autoscaling": { path: "application-autoscaling/2016-02-06" },
  cloudformation: { path: "cloudformation/2010-05-15" },
  servicediscovery: { path: "servicediscovery/2017-03-14" },
  ecr: {
    path: "ecr/2015-09-21",
    // Repositories and their images; the layers themselves travel through the registry (src/dataplane/registry/).
    operations: [
      "BatchDeleteImage",
      "BatchGetImage",
      "CreateRepository",
      "DeleteLifecyclePolicy",
      "DeleteRepository",
      "DeleteRepositoryPolicy",
      "DescribeImageScanFindings",
      "DescribeImages",
      "DescribeRegistry",
      "DescribeRepositories",
      "GetAuthorizationToken",
      "GetLifecyclePolicy",
      "GetLifecyclePolicyPreview",
      "GetRepositoryPolicy",
      "ListImages",
      "ListTagsForResource",
      "PutImage",
      "PutImageScanningConfiguration",
      "PutImageTagMutability",
      "PutLifecyclePolicy",
      "SetRepositoryPolicy",
      "StartImageScan",
      "StartLifecyclePolicyPreview",
      "TagResource",
      "UntagResource",
    ],
  },
  s3: {
    // botocore's S3 model (1.43.11) without its documentation strings: models/s3/2006-03-01.
    path: "s3/2006-03-01",
    local: true,
    // The Amazon S3 API Reference's response syntax of each operation.
    outputRoots: {
      CompleteMultipartUpload: "CompleteMultipartUploadResult",
      CreateMultipartUpload: "InitiateMultipartUploadResult",
      DeleteObjects: "DeleteResult",
      GetBucketLifecycleConfiguration: "LifecycleConfiguration",
      GetBucketLocation: "LocationConstraint",
      GetBucketTagging: "Tagging",
      GetBucketVersioning: "VersioningConfiguration",
      ListBuckets: "ListAllMyBucketsResult",
      ListObjectVersions: "ListVersionsResult",
      ListObjects: "ListBucketResult",
      ListObjectsV2: "ListBucketResult",
      ListParts: "ListPartsResult",
    },
    // What the CDK's bootstrap stack and cdk-assets call, and what cleaning a bucket up takes.
    operations: [
      "AbortMultipartUpload",
      "CompleteMultipartUpload",
      "CreateBucket",
      "CreateMultipartUpload",
      "DeleteBucket",
      "DeleteBucketEncryption",
      "DeleteBucketLifecycle",
      "DeleteBucketPolicy",
      "DeleteBucketTagging",
      "DeleteObject",
      "DeleteObjects",
      "DeletePublicAccessBlock",
      "GetBucketEncryption",
      "GetBucketLifecycleConfiguration",
      "GetBucketLocation",
      "GetBucketPolicy",
      "GetBucketTagging",
      "GetBucketVersioning",
      "GetObject",
      "GetPublicAccessBlock",
      "HeadBucket",
      "HeadObject",
      "ListBuckets",
      "ListObjectVersions",
      "ListObjects",
      "ListObjectsV2",
      "ListParts",
      "PutBucketEncryption",
      "PutBucketLifecycleConfiguration",
      "PutBucketPolicy",
      "PutBucketTagging",
      "PutBucketVersioning",
      "PutObject",
      "PutPublicAccessBlock",
      "UploadPart",
    ],
  },
} satisfies Record<string, ServiceSource>;

export const SERVICES: Record<keyof typeof SOURCES, ServiceSource> = SOURCES;

export type ServiceName = keyof typeof SERVICES;

// scripts/ is one folder below the repository root.
const REPO_MODELS = fileURLToPath(new URL("../models", import.meta.url));

export function modelPath(modelsDir: string, service: ServiceName): string {
  const source: ServiceSource = SERVICES[service];
  return join(source.local ? REPO_MODELS : modelsDir, source.path, "service-2.json");
}

/** The operations generated for a service: its list, else every operation of the model. */
export function generatedOperations(model: ServiceModel, service: ServiceName): string[] {
  const all = Object.keys(model.operations).sort();
  const only = SERVICES[service].operations;
  if (!only) return all;
  for (const op of only) if (!model.operations[op]) throw new Error(`${service} has no operation ${op}`);
  return [...only].sort();
}

/** The wire protocol of a model, as the generated tables need it. */
export function protocolOf(model: ServiceModel): "json" | "query" | "ec2" | "rest-xml" {
  const p = model.metadata.protocol;
  return p === "query" || p === "ec2" || p === "rest-xml" ? p : "json";
}

export function modelExists(modelsDir: string, service: ServiceName): boolean {
  const p = modelPath(modelsDir, service);
  return existsSync(p) || existsSync(p + ".gz");
}

export function loadModel(modelsDir: string, service: ServiceName): ServiceModel {
  const p = modelPath(modelsDir, service);
  const text = existsSync(p) ? readFileSync(p, "utf8") : gunzipSync(readFileSync(p + ".gz")).toString("utf8");
  const model = JSON.parse(text) as ServiceModel;
  correct(model, service);
  return model;
}

function correct(model: ServiceModel, service: ServiceName): void {
  const { enumValues = {}, notRequired = {}, min = {} } = (SERVICES[service] as ServiceSource).corrections ?? {};
  for (const [shape, values] of Object.entries(enumValues)) {
    const s = model.shapes[shape];
    if (!s?.enum) throw new Error(`${service}: no enum shape ${shape} to add values to`);
    for (const v of values) if (!s.enum.includes(v)) s.enum.push(v);
  }
  for (const [shape, members] of Object.entries(notRequired)) {
    const s = model.shapes[shape];
    if (!s?.required || members.some((m) => !s.required!.includes(m))) throw new Error(`${service}: ${shape} does not require ${members.join(", ")}`);
    s.required = s.required.filter((m) => !members.includes(m));
  }
  for (const [shape, n] of Object.entries(min)) {
    const s = model.shapes[shape];
    if (s?.min === undefined || s.min <= n) throw new Error(`${service}: ${shape} has no minimum above ${n}`);
    s.min = n;
  }
}

/** Every shape reachable from `root`, in a stable order. */
export function reachableShapes(model: ServiceModel, root: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const s = model.shapes[name];
    if (!s) throw new Error(`shape ${name} is not in the model`);
    for (const ref of Object.values(s.members ?? {})) visit(ref.shape);
    for (const ref of [s.member, s.key, s.value]) if (ref) visit(ref.shape);
  };
  visit(root);
  return [...seen].sort();
}
