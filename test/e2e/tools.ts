// What the end-to-end tests drive the server with: the real `aws` CLI and boto3, when this machine
// has them, run with credentials and a region of their own and no user configuration read.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

export const run = promisify(execFile);

async function works(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args);
    return true;
  } catch {
    return false;
  }
}

export const cliPresent = await works("aws", ["--version"]);
export const botoPresent = await works("python3", ["-c", "import boto3"]);

/** The environment of a CLI or boto3 process: the access key names the account (12 digits), or the default. */
export function clientEnv(accessKey = "AKIDEXAMPLE"): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ACCESS_KEY_ID: accessKey,
    AWS_SECRET_ACCESS_KEY: "secret",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_CONFIG_FILE: "/nonexistent",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
  };
}
