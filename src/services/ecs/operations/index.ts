// The dispatch table (written by `npm run handlers -- ecs` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { continueServiceDeployment } from "./continueServiceDeployment.js";
import { createCapacityProvider } from "./createCapacityProvider.js";
import { createCluster } from "./createCluster.js";
import { createDaemon } from "./createDaemon.js";
import { createExpressGatewayService } from "./createExpressGatewayService.js";
import { createService } from "./createService.js";
import { createTaskSet } from "./createTaskSet.js";
import { deleteAccountSetting } from "./deleteAccountSetting.js";
import { deleteAttributes } from "./deleteAttributes.js";
import { deleteCapacityProvider } from "./deleteCapacityProvider.js";
import { deleteCluster } from "./deleteCluster.js";
import { deleteDaemon } from "./deleteDaemon.js";
import { deleteDaemonTaskDefinition } from "./deleteDaemonTaskDefinition.js";
import { deleteExpressGatewayService } from "./deleteExpressGatewayService.js";
import { deleteService } from "./deleteService.js";
import { deleteTaskDefinitions } from "./deleteTaskDefinitions.js";
import { deleteTaskSet } from "./deleteTaskSet.js";
import { deregisterContainerInstance } from "./deregisterContainerInstance.js";
import { deregisterTaskDefinition } from "./deregisterTaskDefinition.js";
import { describeCapacityProviders } from "./describeCapacityProviders.js";
import { describeClusters } from "./describeClusters.js";
import { describeContainerInstances } from "./describeContainerInstances.js";
import { describeDaemon } from "./describeDaemon.js";
import { describeDaemonDeployments } from "./describeDaemonDeployments.js";
import { describeDaemonRevisions } from "./describeDaemonRevisions.js";
import { describeDaemonTaskDefinition } from "./describeDaemonTaskDefinition.js";
import { describeExpressGatewayService } from "./describeExpressGatewayService.js";
import { describeServiceDeployments } from "./describeServiceDeployments.js";
import { describeServiceRevisions } from "./describeServiceRevisions.js";
import { describeServices } from "./describeServices.js";
import { describeTaskDefinition } from "./describeTaskDefinition.js";
import { describeTaskSets } from "./describeTaskSets.js";
import { describeTasks } from "./describeTasks.js";
import { discoverPollEndpoint } from "./discoverPollEndpoint.js";
import { executeCommand } from "./executeCommand.js";
import { getTaskProtection } from "./getTaskProtection.js";
import { listAccountSettings } from "./listAccountSettings.js";
import { listAttributes } from "./listAttributes.js";
import { listClusters } from "./listClusters.js";
import { listContainerInstances } from "./listContainerInstances.js";
import { listDaemonDeployments } from "./listDaemonDeployments.js";
import { listDaemonTaskDefinitions } from "./listDaemonTaskDefinitions.js";
import { listDaemons } from "./listDaemons.js";
import { listServiceDeployments } from "./listServiceDeployments.js";
import { listServices } from "./listServices.js";
import { listServicesByNamespace } from "./listServicesByNamespace.js";
import { listTagsForResource } from "./listTagsForResource.js";
import { listTaskDefinitionFamilies } from "./listTaskDefinitionFamilies.js";
import { listTaskDefinitions } from "./listTaskDefinitions.js";
import { listTasks } from "./listTasks.js";
import { putAccountSetting } from "./putAccountSetting.js";
import { putAccountSettingDefault } from "./putAccountSettingDefault.js";
import { putAttributes } from "./putAttributes.js";
import { putClusterCapacityProviders } from "./putClusterCapacityProviders.js";
import { registerContainerInstance } from "./registerContainerInstance.js";
import { registerDaemonTaskDefinition } from "./registerDaemonTaskDefinition.js";
import { registerTaskDefinition } from "./registerTaskDefinition.js";
import { runTask } from "./runTask.js";
import { startTask } from "./startTask.js";
import { stopServiceDeployment } from "./stopServiceDeployment.js";
import { stopTask } from "./stopTask.js";
import { submitAttachmentStateChanges } from "./submitAttachmentStateChanges.js";
import { submitContainerStateChange } from "./submitContainerStateChange.js";
import { submitTaskStateChange } from "./submitTaskStateChange.js";
import { tagResource } from "./tagResource.js";
import { untagResource } from "./untagResource.js";
import { updateCapacityProvider } from "./updateCapacityProvider.js";
import { updateCluster } from "./updateCluster.js";
import { updateClusterSettings } from "./updateClusterSettings.js";
import { updateContainerAgent } from "./updateContainerAgent.js";
import { updateContainerInstancesState } from "./updateContainerInstancesState.js";
import { updateDaemon } from "./updateDaemon.js";
import { updateExpressGatewayService } from "./updateExpressGatewayService.js";
import { updateService } from "./updateService.js";
import { updateServicePrimaryTaskSet } from "./updateServicePrimaryTaskSet.js";
import { updateTaskProtection } from "./updateTaskProtection.js";
import { updateTaskSet } from "./updateTaskSet.js";

export const handlers: Handlers = {
  ContinueServiceDeployment: continueServiceDeployment,
  CreateCapacityProvider: createCapacityProvider,
  CreateCluster: createCluster,
  CreateDaemon: createDaemon,
  CreateExpressGatewayService: createExpressGatewayService,
  CreateService: createService,
  CreateTaskSet: createTaskSet,
  DeleteAccountSetting: deleteAccountSetting,
  DeleteAttributes: deleteAttributes,
  DeleteCapacityProvider: deleteCapacityProvider,
  DeleteCluster: deleteCluster,
  DeleteDaemon: deleteDaemon,
  DeleteDaemonTaskDefinition: deleteDaemonTaskDefinition,
  DeleteExpressGatewayService: deleteExpressGatewayService,
  DeleteService: deleteService,
  DeleteTaskDefinitions: deleteTaskDefinitions,
  DeleteTaskSet: deleteTaskSet,
  DeregisterContainerInstance: deregisterContainerInstance,
  DeregisterTaskDefinition: deregisterTaskDefinition,
  DescribeCapacityProviders: describeCapacityProviders,
  DescribeClusters: describeClusters,
  DescribeContainerInstances: describeContainerInstances,
  DescribeDaemon: describeDaemon,
  DescribeDaemonDeployments: describeDaemonDeployments,
  DescribeDaemonRevisions: describeDaemonRevisions,
  DescribeDaemonTaskDefinition: describeDaemonTaskDefinition,
  DescribeExpressGatewayService: describeExpressGatewayService,
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
  ListDaemonDeployments: listDaemonDeployments,
  ListDaemonTaskDefinitions: listDaemonTaskDefinitions,
  ListDaemons: listDaemons,
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
  RegisterDaemonTaskDefinition: registerDaemonTaskDefinition,
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
  UpdateDaemon: updateDaemon,
  UpdateExpressGatewayService: updateExpressGatewayService,
  UpdateService: updateService,
  UpdateServicePrimaryTaskSet: updateServicePrimaryTaskSet,
  UpdateTaskProtection: updateTaskProtection,
  UpdateTaskSet: updateTaskSet,
};
