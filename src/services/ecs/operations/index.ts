// The dispatch table: every operation of the model, each with its handler or null while ecs-local lacks it.
// A new operation in the model is a compile error here until it is listed.
import type { Handlers } from "../context.js";
import { createService } from "./createService.js";
import { describeServices } from "./describeServices.js";
import { listServices } from "./listServices.js";
import { updateService } from "./updateService.js";
import { deleteService } from "./deleteService.js";
import { listServicesByNamespace } from "./listServicesByNamespace.js";
import { listServiceDeployments } from "./listServiceDeployments.js";
import { describeServiceDeployments } from "./describeServiceDeployments.js";
import { describeServiceRevisions } from "./describeServiceRevisions.js";
import { stopServiceDeployment } from "./stopServiceDeployment.js";
import { continueServiceDeployment } from "./continueServiceDeployment.js";
import { executeCommand } from "./executeCommand.js";
import { startTask } from "./startTask.js";
import { deleteTaskDefinitions } from "./deleteTaskDefinitions.js";
import { deregisterTaskDefinition } from "./deregisterTaskDefinition.js";
import { describeTaskDefinition } from "./describeTaskDefinition.js";
import { listTaskDefinitionFamilies } from "./listTaskDefinitionFamilies.js";
import { listTaskDefinitions } from "./listTaskDefinitions.js";
import { registerTaskDefinition } from "./registerTaskDefinition.js";
import { listTasks } from "./listTasks.js";
import { describeTasks } from "./describeTasks.js";
import { stopTask } from "./stopTask.js";
import { runTask } from "./runTask.js";
import { createCluster } from "./createCluster.js";
import { deleteCluster } from "./deleteCluster.js";
import { describeClusters } from "./describeClusters.js";
import { listClusters } from "./listClusters.js";
import { updateCluster } from "./updateCluster.js";
import { updateClusterSettings } from "./updateClusterSettings.js";
import { putAccountSetting } from "./putAccountSetting.js";
import { putAccountSettingDefault } from "./putAccountSettingDefault.js";
import { deleteAccountSetting } from "./deleteAccountSetting.js";
import { listAccountSettings } from "./listAccountSettings.js";
import { registerContainerInstance } from "./registerContainerInstance.js";
import { describeContainerInstances } from "./describeContainerInstances.js";
import { listContainerInstances } from "./listContainerInstances.js";
import { deregisterContainerInstance } from "./deregisterContainerInstance.js";
import { tagResource } from "./tagResource.js";
import { untagResource } from "./untagResource.js";
import { listTagsForResource } from "./listTagsForResource.js";
import { updateContainerInstancesState } from "./updateContainerInstancesState.js";
import { putAttributes } from "./putAttributes.js";
import { deleteAttributes } from "./deleteAttributes.js";
import { listAttributes } from "./listAttributes.js";
import { discoverPollEndpoint } from "./discoverPollEndpoint.js";
import { getTaskProtection } from "./getTaskProtection.js";
import { updateTaskProtection } from "./updateTaskProtection.js";
import { submitAttachmentStateChanges } from "./submitAttachmentStateChanges.js";
import { submitContainerStateChange } from "./submitContainerStateChange.js";
import { submitTaskStateChange } from "./submitTaskStateChange.js";
import { updateContainerAgent } from "./updateContainerAgent.js";
import { createCapacityProvider } from "./createCapacityProvider.js";
import { describeCapacityProviders } from "./describeCapacityProviders.js";
import { updateCapacityProvider } from "./updateCapacityProvider.js";
import { deleteCapacityProvider } from "./deleteCapacityProvider.js";
import { putClusterCapacityProviders } from "./putClusterCapacityProviders.js";
import { createTaskSet } from "./createTaskSet.js";
import { describeTaskSets } from "./describeTaskSets.js";
import { updateTaskSet } from "./updateTaskSet.js";
import { deleteTaskSet } from "./deleteTaskSet.js";
import { updateServicePrimaryTaskSet } from "./updateServicePrimaryTaskSet.js";

export const handlers: Handlers = {
  ContinueServiceDeployment: continueServiceDeployment,
  CreateCapacityProvider: createCapacityProvider,
  CreateCluster: createCluster,
  CreateDaemon: null,
  CreateExpressGatewayService: null,
  CreateService: createService,
  CreateTaskSet: createTaskSet,
  DeleteAccountSetting: deleteAccountSetting,
  DeleteAttributes: deleteAttributes,
  DeleteCapacityProvider: deleteCapacityProvider,
  DeleteCluster: deleteCluster,
  DeleteDaemon: null,
  DeleteDaemonTaskDefinition: null,
  DeleteExpressGatewayService: null,
  DeleteService: deleteService,
  DeleteTaskDefinitions: deleteTaskDefinitions,
  DeleteTaskSet: deleteTaskSet,
  DeregisterContainerInstance: deregisterContainerInstance,
  DeregisterTaskDefinition: deregisterTaskDefinition,
  DescribeCapacityProviders: describeCapacityProviders,
  DescribeClusters: describeClusters,
  DescribeContainerInstances: describeContainerInstances,
  DescribeDaemon: null,
  DescribeDaemonDeployments: null,
  DescribeDaemonRevisions: null,
  DescribeDaemonTaskDefinition: null,
  DescribeExpressGatewayService: null,
  DescribeServiceDeployments: describeServiceDeployments,
  DescribeServiceRevisions: describeServiceRevisions,
  DescribeServices: describeServices,
  DescribeTaskDefinition: describeTaskDefinition,
  DescribeTaskSets: describeTaskSets,
  DescribeTasks: describeTasks,
  DiscoverPollEndpoint: discoverPollEndpoint,
  ExecuteCommand: executeCommand,
  GetTaskProtection: getTaskProtection,
  ListAccountSettings: listAccountSettings,
  ListAttributes: listAttributes,
  ListClusters: listClusters,
  ListContainerInstances: listContainerInstances,
  ListDaemonDeployments: null,
  ListDaemonTaskDefinitions: null,
  ListDaemons: null,
  ListServiceDeployments: listServiceDeployments,
  ListServices: listServices,
  ListServicesByNamespace: listServicesByNamespace,
  ListTagsForResource: listTagsForResource,
  ListTaskDefinitionFamilies: listTaskDefinitionFamilies,
  ListTaskDefinitions: listTaskDefinitions,
  ListTasks: listTasks,
  PutAccountSetting: putAccountSetting,
  PutAccountSettingDefault: putAccountSettingDefault,
  PutAttributes: putAttributes,
  PutClusterCapacityProviders: putClusterCapacityProviders,
  RegisterContainerInstance: registerContainerInstance,
  RegisterDaemonTaskDefinition: null,
  RegisterTaskDefinition: registerTaskDefinition,
  RunTask: runTask,
  StartTask: startTask,
  StopServiceDeployment: stopServiceDeployment,
  StopTask: stopTask,
  SubmitAttachmentStateChanges: submitAttachmentStateChanges,
  SubmitContainerStateChange: submitContainerStateChange,
  SubmitTaskStateChange: submitTaskStateChange,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateCapacityProvider: updateCapacityProvider,
  UpdateCluster: updateCluster,
  UpdateClusterSettings: updateClusterSettings,
  UpdateContainerAgent: updateContainerAgent,
  UpdateContainerInstancesState: updateContainerInstancesState,
  UpdateDaemon: null,
  UpdateExpressGatewayService: null,
  UpdateService: updateService,
  UpdateServicePrimaryTaskSet: updateServicePrimaryTaskSet,
  UpdateTaskProtection: updateTaskProtection,
  UpdateTaskSet: updateTaskSet,
};
