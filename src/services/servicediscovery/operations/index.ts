// The dispatch table (written by `npm run handlers -- servicediscovery` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { createHttpNamespace } from "./createHttpNamespace.js";
import { createPrivateDnsNamespace } from "./createPrivateDnsNamespace.js";
import { createPublicDnsNamespace } from "./createPublicDnsNamespace.js";
import { createService } from "./createService.js";
import { deleteNamespace } from "./deleteNamespace.js";
import { deleteService } from "./deleteService.js";
import { deleteServiceAttributes } from "./deleteServiceAttributes.js";
import { deregisterInstance } from "./deregisterInstance.js";
import { discoverInstances } from "./discoverInstances.js";
import { discoverInstancesRevision } from "./discoverInstancesRevision.js";
import { getInstance } from "./getInstance.js";
import { getInstancesHealthStatus } from "./getInstancesHealthStatus.js";
import { getNamespace } from "./getNamespace.js";
import { getOperation } from "./getOperation.js";
import { getService } from "./getService.js";
import { getServiceAttributes } from "./getServiceAttributes.js";
import { listInstances } from "./listInstances.js";
import { listNamespaces } from "./listNamespaces.js";
import { listOperations } from "./listOperations.js";
import { listServices } from "./listServices.js";
import { listTagsForResource } from "./listTagsForResource.js";
import { registerInstance } from "./registerInstance.js";
import { tagResource } from "./tagResource.js";
import { untagResource } from "./untagResource.js";
import { updateHttpNamespace } from "./updateHttpNamespace.js";
import { updateInstanceCustomHealthStatus } from "./updateInstanceCustomHealthStatus.js";
import { updatePrivateDnsNamespace } from "./updatePrivateDnsNamespace.js";
import { updatePublicDnsNamespace } from "./updatePublicDnsNamespace.js";
import { updateService } from "./updateService.js";
import { updateServiceAttributes } from "./updateServiceAttributes.js";

export const handlers: Handlers = {
  CreateHttpNamespace: createHttpNamespace,
  CreatePrivateDnsNamespace: createPrivateDnsNamespace,
  CreatePublicDnsNamespace: createPublicDnsNamespace,
  CreateService: createService,
  DeleteNamespace: deleteNamespace,
  DeleteService: deleteService,
  DeleteServiceAttributes: deleteServiceAttributes,
  DeregisterInstance: deregisterInstance,
  DiscoverInstances: discoverInstances,
  DiscoverInstancesRevision: discoverInstancesRevision,
  GetInstance: getInstance,
  GetInstancesHealthStatus: getInstancesHealthStatus,
  GetNamespace: getNamespace,
  GetOperation: getOperation,
  GetService: getService,
  GetServiceAttributes: getServiceAttributes,
  ListInstances: listInstances,
  ListNamespaces: listNamespaces,
  ListOperations: listOperations,
  ListServices: listServices,
  ListTagsForResource: listTagsForResource,
  RegisterInstance: registerInstance,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateHttpNamespace: updateHttpNamespace,
  UpdateInstanceCustomHealthStatus: updateInstanceCustomHealthStatus,
  UpdatePrivateDnsNamespace: updatePrivateDnsNamespace,
  UpdatePublicDnsNamespace: updatePublicDnsNamespace,
  UpdateService: updateService,
  UpdateServiceAttributes: updateServiceAttributes,
};
