// What ECS adds to each container's environment, as the Developer Guide lists it: the metadata
// endpoints (v3 and v4), the task role's credentials (a relative URI at 169.254.170.2, or a full URI
// with an authorization token), the region and the execution environment; and, ecs-local's own, the
// AWS endpoint the container reaches ecs-local at.
import type { TaskRun } from "../runtime/runtime.js";
import { endpointId } from "./metadata.js";

/** Where a container reaches the task endpoints. */
export interface EndpointAddress {
  /** `http://169.254.170.2`, or `http://<address>:<port>`. */
  base: string;
  /** True at 169.254.170.2 on port 80, where SDKs take a relative credentials URI. */
  relative: boolean;
}

export interface CredentialsRef {
  id: string;
  token: string;
}

export function containerEnvironment(run: TaskRun, container: string, at: EndpointAddress, credentials: CredentialsRef | undefined, awsEndpoint: boolean): Record<string, string> {
  const id = endpointId(run.task.taskArn!, container);
  const env: Record<string, string> = {
    AWS_EXECUTION_ENV: run.task.launchType === "FARGATE" ? "AWS_ECS_FARGATE" : "AWS_ECS_EC2",
    AWS_DEFAULT_REGION: run.region,
    AWS_REGION: run.region,
    ECS_CONTAINER_METADATA_URI: `${at.base}/v3/${id}`,
    ECS_CONTAINER_METADATA_URI_V4: `${at.base}/v4/${id}`,
  };
  if (credentials) {
    if (at.relative) env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI = `/v2/credentials/${credentials.id}`;
    else {
      env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `${at.base}/v2/credentials/${credentials.id}`;
      env.AWS_CONTAINER_AUTHORIZATION_TOKEN = credentials.token;
    }
  }
  if (awsEndpoint) env.AWS_ENDPOINT_URL = at.base;
  return env;
}

/** The credentials document the SDKs' container provider reads (the Developer Guide's task IAM role page). */
export function credentialsDocument(c: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: number; roleArn: string }): Record<string, string> {
  return {
    AccessKeyId: c.accessKeyId,
    Expiration: new Date(c.expiration).toISOString().replace(/\.\d{3}Z$/, "Z"),
    RoleArn: c.roleArn,
    SecretAccessKey: c.secretAccessKey,
    Token: c.sessionToken,
  };
}
