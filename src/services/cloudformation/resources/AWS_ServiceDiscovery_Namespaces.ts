// AWS::ServiceDiscovery::HttpNamespace, PrivateDnsNamespace and PublicDnsNamespace (cloudMap.ts).
import { namespaceProvider } from "./cloudMap.js";

export const httpNamespace = namespaceProvider("Http");
export const privateDnsNamespace = namespaceProvider("PrivateDns");
export const publicDnsNamespace = namespaceProvider("PublicDns");
