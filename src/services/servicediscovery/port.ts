// What ECS (tasks of services with serviceRegistries) and the DNS server for containers ask of Cloud
// Map, reached through `peers.servicediscovery.registry`: the same registrations, operations and
// health as RegisterInstance, DeregisterInstance and UpdateInstanceCustomHealthStatus.
import type { DnsRecord } from "./generated/types.js";
import type { InstanceHealth } from "./store.js";

export interface RegistryService {
  serviceArn: string;
  serviceId: string;
  serviceName: string;
  namespaceName: string;
  namespaceType: string;
  records: DnsRecord[];
  customHealth: boolean;
}

/** One name's answer for DNS: the records of the service it names and its healthy instances' attributes. */
export interface NameAnswer {
  records: DnsRecord[];
  instances: Record<string, string>[];
}

export interface RegistryPort {
  find(accountId: string, region: string, serviceArn: string): RegistryService | undefined;
  /** Registers an instance; answers the error text when its attributes do not fit the service. */
  register(accountId: string, region: string, serviceArn: string, instanceId: string, attributes: Record<string, string>): string | undefined;
  deregister(accountId: string, region: string, serviceArn: string, instanceId: string): void;
  setHealth(accountId: string, region: string, serviceArn: string, instanceId: string, health: InstanceHealth): void;
  /**
   * What `<service>.<namespace>` names in DNS, in any account and region (services with DNS records
   * in DNS namespaces): its healthy instances, or all when none is.
   */
  resolve(name: string): NameAnswer | undefined;
  /** Whether a DNS namespace (its hosted zone) holds the name: a name there that resolve() misses does not exist. */
  inZone(name: string): boolean;
  /** A namespace's name by its ARN (Service Connect's default DNS names); undefined when there is none. */
  namespaceName(accountId: string, region: string, arn: string): string | undefined;
}
