// An Express service's configuration: the defaults ECS fills in (the model's: 256 CPU units, 512 MiB,
// port 80, /ping, CPU at 60 %), an update replacing what it gives, and the task definition and
// scaling they make.
import type { CreateExpressGatewayServiceRequest, ExpressGatewayServiceConfiguration, RegisterTaskDefinitionRequest, UpdateExpressGatewayServiceRequest } from "../generated/types.js";

export const DEFAULTS = { cpu: "256", memory: "512", containerPort: 80, healthCheckPath: "/ping", metric: "AVERAGE_CPU", targetValue: 60, minTaskCount: 1, maxTaskCount: 20, logStreamPrefix: "ecs" } as const;

/** The container every Express task definition names its primary container (chosen). */
export const CONTAINER_NAME = "Main";

/** A configuration with every default filled in; the log group is the one ECS made when none was named. */
export function completeConfiguration(given: Omit<ExpressGatewayServiceConfiguration, "serviceRevisionArn" | "ingressPaths" | "createdAt">, logGroup: string): ExpressGatewayServiceConfiguration {
  const pc = given.primaryContainer!;
  return {
    executionRoleArn: given.executionRoleArn,
    ...(given.taskRoleArn ? { taskRoleArn: given.taskRoleArn } : {}),
    cpu: given.cpu ?? DEFAULTS.cpu,
    memory: given.memory ?? DEFAULTS.memory,
    networkConfiguration: given.networkConfiguration,
    healthCheckPath: given.healthCheckPath ?? DEFAULTS.healthCheckPath,
    primaryContainer: {
      ...pc,
      containerPort: pc.containerPort ?? DEFAULTS.containerPort,
      awsLogsConfiguration: { logGroup: pc.awsLogsConfiguration?.logGroup ?? logGroup, logStreamPrefix: pc.awsLogsConfiguration?.logStreamPrefix ?? DEFAULTS.logStreamPrefix },
    },
    scalingTarget: {
      minTaskCount: given.scalingTarget?.minTaskCount ?? DEFAULTS.minTaskCount,
      maxTaskCount: given.scalingTarget?.maxTaskCount ?? DEFAULTS.maxTaskCount,
      autoScalingMetric: given.scalingTarget?.autoScalingMetric ?? DEFAULTS.metric,
      autoScalingTargetValue: given.scalingTarget?.autoScalingTargetValue ?? DEFAULTS.targetValue,
    },
  };
}

/** What an update gives replaces what was; what it leaves out stays. */
export function updatedConfiguration(current: ExpressGatewayServiceConfiguration, input: UpdateExpressGatewayServiceRequest): ExpressGatewayServiceConfiguration {
  const pick = <K extends keyof UpdateExpressGatewayServiceRequest>(k: K) => (input[k] !== undefined ? { [k]: input[k] } : {});
  const { serviceRevisionArn: _r, ingressPaths: _i, createdAt: _c, ...rest } = current;
  const pc = input.primaryContainer ? { ...input.primaryContainer, awsLogsConfiguration: input.primaryContainer.awsLogsConfiguration ?? current.primaryContainer!.awsLogsConfiguration } : current.primaryContainer;
  return completeConfiguration(
    {
      ...rest,
      ...pick("executionRoleArn"),
      ...pick("taskRoleArn"),
      ...pick("cpu"),
      ...pick("memory"),
      ...pick("healthCheckPath"),
      ...pick("networkConfiguration"),
      primaryContainer: pc,
      scalingTarget: { ...current.scalingTarget, ...input.scalingTarget },
    },
    current.primaryContainer!.awsLogsConfiguration!.logGroup,
  );
}

export type CreateInput = CreateExpressGatewayServiceRequest;

/** The Fargate task definition a configuration runs: one essential container, awslogs, the port mapped. */
export function taskDefinitionInput(family: string, c: ExpressGatewayServiceConfiguration, region: string): RegisterTaskDefinitionRequest {
  const pc = c.primaryContainer!;
  return {
    family,
    requiresCompatibilities: ["FARGATE"],
    networkMode: "awsvpc",
    cpu: c.cpu,
    memory: c.memory,
    executionRoleArn: c.executionRoleArn,
    ...(c.taskRoleArn ? { taskRoleArn: c.taskRoleArn } : {}),
    containerDefinitions: [
      {
        name: CONTAINER_NAME,
        image: pc.image,
        essential: true,
        portMappings: [{ containerPort: pc.containerPort, protocol: "tcp" }],
        ...(pc.command?.length ? { command: pc.command } : {}),
        ...(pc.environment?.length ? { environment: pc.environment } : {}),
        ...(pc.secrets?.length ? { secrets: pc.secrets } : {}),
        ...(pc.repositoryCredentials?.credentialsParameter ? { repositoryCredentials: { credentialsParameter: pc.repositoryCredentials.credentialsParameter } } : {}),
        logConfiguration: {
          logDriver: "awslogs",
          options: { "awslogs-group": pc.awsLogsConfiguration!.logGroup, "awslogs-region": region, "awslogs-stream-prefix": pc.awsLogsConfiguration!.logStreamPrefix },
        },
      },
    ],
  };
}

/** Application Auto Scaling's predefined metric for each of Express's. */
export const METRICS: Record<string, string> = {
  AVERAGE_CPU: "ECSServiceAverageCPUUtilization",
  AVERAGE_MEMORY: "ECSServiceAverageMemoryUtilization",
  REQUEST_COUNT_PER_TARGET: "ALBRequestCountPerTarget",
};
