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

export const handlers: Handlers = {
  ContinueServiceDeployment: null,
  CreateCapacityProvider: null,
  CreateCluster: createCluster,
  CreateDaemon: null,
  CreateExpressGatewayService: null,
  CreateService: createService,
  CreateTaskSet: null,
  DeleteAccountSetting: deleteAccountSetting,
  DeleteAttributes: deleteAttributes,
  DeleteCapacityProvider: null,
  DeleteCluster: deleteCluster,
  DeleteDaemon: null,
  DeleteDaemonTaskDefinition: null,
  DeleteExpressGatewayService: null,
  DeleteService: deleteService,
  DeleteTaskDefinitions: deleteTaskDefinitions,
  DeleteTaskSet: null,
  DeregisterContainerInstance: deregisterContainerInstance,
  DeregisterTaskDefinition: deregisterTaskDefinition,
  DescribeCapacityProviders: null,
  DescribeClusters: describeClusters,
  DescribeContainerInstances: describeContainerInstances,
  DescribeDaemon: null,
  DescribeDaemonDeployments: null,
  DescribeDaemonRevisions: null,
  DescribeDaemonTaskDefinition: null,
  DescribeExpressGatewayService: null,
  DescribeServiceDeployments: describeServiceDeployments,
  DescribeServiceRevisions: null,
  DescribeServices: describeServices,
  DescribeTaskDefinition: describeTaskDefinition,
  DescribeTaskSets: null,
  DescribeTasks: describeTasks,
  DiscoverPollEndpoint: null,
  ExecuteCommand: null,
  GetTaskProtection: null,
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
  PutClusterCapacityProviders: null,
  RegisterContainerInstance: registerContainerInstance,
  RegisterDaemonTaskDefinition: null,
  RegisterTaskDefinition: registerTaskDefinition,
  RunTask: runTask,
  StartTask: startTask,
  StopServiceDeployment: null,
  StopTask: stopTask,
  SubmitAttachmentStateChanges: null,
  SubmitContainerStateChange: null,
  SubmitTaskStateChange: null,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateCapacityProvider: null,
  UpdateCluster: updateCluster,
  UpdateClusterSettings: updateClusterSettings,
  UpdateContainerAgent: null,
  UpdateContainerInstancesState: updateContainerInstancesState,
  UpdateDaemon: null,
  UpdateExpressGatewayService: null,
  UpdateService: updateService,
  UpdateServicePrimaryTaskSet: null,
  UpdateTaskProtection: null,
  UpdateTaskSet: null,
};
