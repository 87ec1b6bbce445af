// The dispatch table (written by `npm run handlers -- cloudformation` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { cancelUpdateStack } from "./cancelUpdateStack.js";
import { continueUpdateRollback } from "./continueUpdateRollback.js";
import { createChangeSet } from "./createChangeSet.js";
import { createStack } from "./createStack.js";
import { deleteChangeSet } from "./deleteChangeSet.js";
import { deleteStack } from "./deleteStack.js";
import { describeChangeSet } from "./describeChangeSet.js";
import { describeStackEvents } from "./describeStackEvents.js";
import { describeStackResource } from "./describeStackResource.js";
import { describeStackResources } from "./describeStackResources.js";
import { describeStacks } from "./describeStacks.js";
import { executeChangeSet } from "./executeChangeSet.js";
import { getStackPolicy } from "./getStackPolicy.js";
import { getTemplate } from "./getTemplate.js";
import { getTemplateSummary } from "./getTemplateSummary.js";
import { listChangeSets } from "./listChangeSets.js";
import { listExports } from "./listExports.js";
import { listImports } from "./listImports.js";
import { listStackResources } from "./listStackResources.js";
import { listStacks } from "./listStacks.js";
import { rollbackStack } from "./rollbackStack.js";
import { setStackPolicy } from "./setStackPolicy.js";
import { updateStack } from "./updateStack.js";
import { updateTerminationProtection } from "./updateTerminationProtection.js";
import { validateTemplate } from "./validateTemplate.js";

export const handlers: Handlers = {
  ActivateOrganizationsAccess: null,
  ActivateType: null,
  BatchDescribeTypeConfigurations: null,
  CancelUpdateStack: cancelUpdateStack,
  ContinueUpdateRollback: continueUpdateRollback,
  CreateChangeSet: createChangeSet,
  CreateGeneratedTemplate: null,
  CreateStack: createStack,
  CreateStackInstances: null,
  CreateStackRefactor: null,
  CreateStackSet: null,
  DeactivateOrganizationsAccess: null,
  DeactivateType: null,
  DeleteChangeSet: deleteChangeSet,
  DeleteGeneratedTemplate: null,
  DeleteStack: deleteStack,
  DeleteStackInstances: null,
  DeleteStackSet: null,
  DeregisterType: null,
  DescribeAccountLimits: null,
  DescribeChangeSet: describeChangeSet,
  DescribeChangeSetHooks: null,
  DescribeEvents: null,
  DescribeGeneratedTemplate: null,
  DescribeOrganizationsAccess: null,
  DescribePublisher: null,
  DescribeResourceScan: null,
  DescribeStackDriftDetectionStatus: null,
  DescribeStackEvents: describeStackEvents,
  DescribeStackInstance: null,
  DescribeStackRefactor: null,
  DescribeStackResource: describeStackResource,
  DescribeStackResourceDrifts: null,
  DescribeStackResources: describeStackResources,
  DescribeStackSet: null,
  DescribeStackSetOperation: null,
  DescribeStacks: describeStacks,
  DescribeType: null,
  DescribeTypeRegistration: null,
  DetectStackDrift: null,
  DetectStackResourceDrift: null,
  DetectStackSetDrift: null,
  EstimateTemplateCost: null,
  ExecuteChangeSet: executeChangeSet,
  ExecuteStackRefactor: null,
  GetGeneratedTemplate: null,
  GetHookResult: null,
  GetStackPolicy: getStackPolicy,
  GetTemplate: getTemplate,
  GetTemplateSummary: getTemplateSummary,
  ImportStacksToStackSet: null,
  ListChangeSets: listChangeSets,
  ListExports: listExports,
  ListGeneratedTemplates: null,
  ListHookResults: null,
  ListImports: listImports,
  ListResourceScanRelatedResources: null,
  ListResourceScanResources: null,
  ListResourceScans: null,
  ListStackInstanceResourceDrifts: null,
  ListStackInstances: null,
  ListStackRefactorActions: null,
  ListStackRefactors: null,
  ListStackResources: listStackResources,
  ListStackSetAutoDeploymentTargets: null,
  ListStackSetOperationResults: null,
  ListStackSetOperations: null,
  ListStackSets: null,
  ListStacks: listStacks,
  ListTypeRegistrations: null,
  ListTypeVersions: null,
  ListTypes: null,
  PublishType: null,
  RecordHandlerProgress: null,
  RegisterPublisher: null,
  RegisterType: null,
  RollbackStack: rollbackStack,
  SetStackPolicy: setStackPolicy,
  SetTypeConfiguration: null,
  SetTypeDefaultVersion: null,
  SignalResource: null,
  StartResourceScan: null,
  StopStackSetOperation: null,
  TestType: null,
  UpdateGeneratedTemplate: null,
  UpdateStack: updateStack,
  UpdateStackInstances: null,
  UpdateStackSet: null,
  UpdateTerminationProtection: updateTerminationProtection,
  ValidateTemplate: validateTemplate,
};
