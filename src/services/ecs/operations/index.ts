// The dispatch table: every operation of the model, each with its handler or null while ecs-local lacks it.
// A new operation in the model is a compile error here until it is listed.
import type { Handlers } from "../context.js";
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
  CreateService: null,
  CreateTaskSet: null,
  DeleteAccountSetting: null,
  DeleteAttributes: deleteAttributes,
  DeleteCapacityProvider: null,
  DeleteCluster: deleteCluster,
  DeleteDaemon: null,
  DeleteDaemonTaskDefinition: null,
  DeleteExpressGatewayService: null,
  DeleteService: null,
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
  DescribeServiceDeployments: null,
  DescribeServiceRevisions: null,
  DescribeServices: null,
  DescribeTaskDefinition: describeTaskDefinition,
  DescribeTaskSets: null,
  DescribeTasks: describeTasks,
  DiscoverPollEndpoint: null,
  ExecuteCommand: null,
  GetTaskProtection: null,
  ListAccountSettings: null,
  ListAttributes: listAttributes,
  ListClusters: listClusters,
  ListContainerInstances: listContainerInstances,
  ListDaemonDeployments: null,
  ListDaemonTaskDefinitions: null,
  ListDaemons: null,
  ListServiceDeployments: null,
  ListServices: null,
  ListServicesByNamespace: null,
  ListTagsForResource: listTagsForResource,
  ListTaskDefinitionFamilies: listTaskDefinitionFamilies,
  ListTaskDefinitions: listTaskDefinitions,
  ListTasks: listTasks,
  PutAccountSetting: null,
  PutAccountSettingDefault: null,
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
  UpdateCluster: null,
  UpdateClusterSettings: null,
  UpdateContainerAgent: null,
  UpdateContainerInstancesState: updateContainerInstancesState,
  UpdateDaemon: null,
  UpdateExpressGatewayService: null,
  UpdateService: null,
  UpdateServicePrimaryTaskSet: null,
  UpdateTaskProtection: null,
  UpdateTaskSet: null,
};
