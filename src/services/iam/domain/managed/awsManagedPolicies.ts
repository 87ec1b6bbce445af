// AWS managed policies every account has from the start, under arn:aws:iam::aws:policy<path><name>:
// the ones ECS deployments attach, the ones behind the service-linked roles ecs-local creates, and
// the two job-function policies tools use most. Names, paths, ids, default versions and dates are
// AWS's, as `list-policies --scope AWS` answered them (MAMIP's policies-list.json, snapshot of
// 2026-03-07); descriptions are the AWS managed policy reference pages' where they were read, else
// none. Data only, in creation order (the order ListPolicies answers); loaded with the operations that use it.
import type { ManagedPolicyEntry } from "./managedPolicy.js";

export const AWS_MANAGED_POLICIES: readonly ManagedPolicyEntry[] = [
  { name: "AdministratorAccess", path: "/", id: "ANPAIWMBCKSKIEE64ZLYK", version: "v1", created: "2015-02-06T18:39:46Z", updated: "2015-02-06T18:39:46Z", versionCreated: "2015-02-06T18:39:46Z" },
  { name: "ReadOnlyAccess", path: "/", id: "ANPAILL3HVNFSB6DCOWYQ", version: "v178", created: "2015-02-06T18:39:48Z", updated: "2026-02-12T18:01:33Z", versionCreated: "2026-02-12T18:01:33Z" },
  // The CDK bootstrap stack's deploy role attaches it. From an older snapshot than the others (v1 of
  // 2015-02-06, as moto's managed-policy data records it): AWS's current default version may be later.
  { name: "AWSCloudFormationReadOnlyAccess", path: "/", id: "ANPAJWVBEE4I2POWLODLW", version: "v1", created: "2015-02-06T18:39:49Z", updated: "2015-02-06T18:39:49Z", versionCreated: "2015-02-06T18:39:49Z" },
  { name: "CloudWatchLogsFullAccess", path: "/", id: "ANPAJ3ZGNWK2R5HW5BQFO", version: "v8", created: "2015-02-06T18:40:02Z", updated: "2026-02-12T18:00:33Z", versionCreated: "2026-02-12T18:00:33Z" },
  { name: "AmazonEC2ContainerServiceforEC2Role", path: "/service-role/", id: "ANPAJLYJCVHC7TQHCSQDS", version: "v10", created: "2015-03-19T18:45:18Z", updated: "2026-02-12T17:59:52Z", versionCreated: "2026-02-12T17:59:52Z" },
  { name: "AmazonEC2ContainerServiceRole", path: "/service-role/", id: "ANPAJO53W2XHNACG7V77Q", version: "v2", created: "2015-04-09T16:14:19Z", updated: "2016-08-11T13:08:01Z", versionCreated: "2016-08-11T13:08:01Z", description: "Default policy for Amazon ECS service role." },
  { name: "AmazonSSMReadOnlyAccess", path: "/", id: "ANPAJODSKQGGJTHRYZ5FC", version: "v1", created: "2015-05-29T17:44:19Z", updated: "2015-05-29T17:44:19Z", versionCreated: "2015-05-29T17:44:19Z", description: "Provides read only access to Amazon SSM." },
  { name: "AmazonEC2ContainerRegistryReadOnly", path: "/", id: "ANPAIFYZPA37OOHVIH7KQ", version: "v3", created: "2015-12-21T17:04:15Z", updated: "2019-12-10T20:56:32Z", versionCreated: "2019-12-10T20:56:32Z", description: "Provides read-only access to Amazon EC2 Container Registry repositories." },
  { name: "AmazonEC2ContainerServiceAutoscaleRole", path: "/service-role/", id: "ANPAIUAP3EGGGXXCPDQKK", version: "v2", created: "2016-05-12T23:25:44Z", updated: "2018-02-05T19:15:15Z", versionCreated: "2018-02-05T19:15:15Z", description: "Policy to enable Task Autoscaling for Amazon EC2 Container Service" },
  { name: "AmazonEC2ContainerServiceEventsRole", path: "/service-role/", id: "ANPAITKFNIUAG27VSYNZ4", version: "v3", created: "2017-05-30T16:51:35Z", updated: "2023-03-06T22:25:12Z", versionCreated: "2023-03-06T22:25:12Z", description: "Policy to enable CloudWatch Events for EC2 Container Service" },
  { name: "AWSElasticLoadBalancingServiceRolePolicy", path: "/aws-service-role/", id: "ANPAIMHWGGSRHLOQUICJQ", version: "v14", created: "2017-09-19T22:19:04Z", updated: "2026-02-12T17:58:08Z", versionCreated: "2026-02-12T17:58:08Z" },
  { name: "AmazonECSServiceRolePolicy", path: "/aws-service-role/", id: "ANPAIVUWKCAI7URU4WUEI", version: "v23", created: "2017-10-14T01:18:58Z", updated: "2026-02-12T17:58:05Z", versionCreated: "2026-02-12T17:58:05Z", description: "Policy to enable Amazon ECS to manage your cluster." },
  { name: "AWSApplicationAutoscalingECSServicePolicy", path: "/aws-service-role/", id: "ANPAJFXLLV7AKH5PSFOYG", version: "v2", created: "2017-10-25T23:53:08Z", updated: "2024-10-24T20:05:50Z", versionCreated: "2024-10-24T20:05:50Z", description: "Policy granting permissions to Application Auto Scaling to access EC2 Container Service and CloudWatch." },
  { name: "AmazonECS_FullAccess", path: "/", id: "ANPAJ7S7AN6YQPTJC7IFS", version: "v21", created: "2017-11-07T21:36:54Z", updated: "2024-08-13T19:39:37Z", versionCreated: "2024-08-13T19:39:37Z", description: "Provides administrative access to Amazon ECS resources and enables ECS features through access to other AWS service resources, including VPCs, Auto Scaling groups, and CloudFormation stacks." },
  { name: "AmazonECSTaskExecutionRolePolicy", path: "/service-role/", id: "ANPAJG4T4G4PV56DE72PY", version: "v1", created: "2017-11-16T18:48:22Z", updated: "2017-11-16T18:48:22Z", versionCreated: "2017-11-16T18:48:22Z" },
  { name: "AutoScalingServiceRolePolicy", path: "/aws-service-role/", id: "ANPAIC5D2V7MRWBMHGD7G", version: "v10", created: "2018-01-08T23:10:55Z", updated: "2025-11-12T18:19:06Z", versionCreated: "2025-11-12T18:19:06Z" },
  { name: "AmazonSSMManagedInstanceCore", path: "/", id: "ANPAIXSHM2BNB2D3AXXRU", version: "v2", created: "2019-03-15T17:22:12Z", updated: "2019-05-23T16:54:21Z", versionCreated: "2019-05-23T16:54:21Z" },
  { name: "AWSAppRunnerServicePolicyForECRAccess", path: "/service-role/", id: "ANPAZKAPJZG4LYM3IT6IY", version: "v1", created: "2021-05-14T19:17:21Z", updated: "2021-05-14T19:17:21Z", versionCreated: "2021-05-14T19:17:21Z" },
  { name: "AmazonECSInfrastructureRolePolicyForVolumes", path: "/service-role/", id: "ANPAZKAPJZG4JRAUMLGMS", version: "v5", created: "2024-01-10T22:56:41Z", updated: "2026-02-12T18:02:34Z", versionCreated: "2026-02-12T18:02:34Z" },
  { name: "AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity", path: "/service-role/", id: "ANPAZKAPJZG4OIQQFRIAH", version: "v4", created: "2024-01-19T20:08:36Z", updated: "2026-02-12T18:02:05Z", versionCreated: "2026-02-12T18:02:05Z" },
  { name: "AmazonECSInfrastructureRolePolicyForVpcLattice", path: "/", id: "ANPAZKAPJZG4LAY36SJ4I", version: "v1", created: "2024-11-15T20:02:55Z", updated: "2024-11-15T20:02:55Z", versionCreated: "2024-11-15T20:02:55Z" },
  { name: "AmazonECSInfrastructureRolePolicyForLoadBalancers", path: "/", id: "ANPAZKAPJZG4D6JFMQCSN", version: "v6", created: "2025-07-17T16:37:07Z", updated: "2026-02-12T18:01:05Z", versionCreated: "2026-02-12T18:01:05Z" },
  { name: "AmazonECSInfrastructureRolePolicyForManagedInstances", path: "/", id: "ANPAZKAPJZG4KN4F4RUVF", version: "v11", created: "2025-09-26T18:04:07Z", updated: "2026-02-26T18:27:10Z", versionCreated: "2026-02-26T18:27:10Z" },
  { name: "AmazonECSInstanceRolePolicyForManagedInstances", path: "/", id: "ANPAZKAPJZG4HILO25VPF", version: "v3", created: "2025-09-26T23:49:07Z", updated: "2026-02-12T17:58:24Z", versionCreated: "2026-02-12T17:58:24Z" },
  { name: "AmazonECSInfrastructureRoleforExpressGatewayServices", path: "/service-role/", id: "ANPAZKAPJZG4CC3NUMV6O", version: "v6", created: "2025-11-12T20:34:08Z", updated: "2026-02-12T18:01:54Z", versionCreated: "2026-02-12T18:01:54Z" },
];
