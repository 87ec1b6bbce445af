import type { Handler } from "../context.js";

/** The numbered hostnames ECS hands the agent for its control, telemetry and Service Connect sessions. */
export const discoverPollEndpoint: Handler<"DiscoverPollEndpoint"> = (_input, ctx) => {
  const region = ctx.request.region;
  const domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return {
    endpoint: `https://ecs-a-1.${region}.${domain}/`,
    telemetryEndpoint: `https://ecs-t-1.${region}.${domain}/`,
    serviceConnectEndpoint: `https://ecs-sc-1.${region}.${domain}/`,
  };
};
