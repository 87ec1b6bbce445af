// The console's pages for the services beside ECS, in one Chromium against one server on the test's
// clock: IAM roles, Parameter Store, Secrets Manager and a task definition's references to them
// (identity.ts), Application Auto Scaling and capacity providers (scaling.ts), CloudFormation stacks
// (stacks.ts), ECR repositories and images (repositories.ts), load balancers
// and Cloud Map namespaces (traffic.ts). Skipped, with the reason, when Chromium cannot be launched.
// ECS_LOCAL_CONSOLE_SCREENSHOTS=docs also writes the README's screenshots of these pages.
import { afterAll, beforeAll, describe } from "vitest";
import { launchChromium, type Browser } from "./browser.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { identityTests } from "./identity.js";
import { scalingTests } from "./scaling.js";
import { stackTests } from "./stacks.js";
import { repositoryTests } from "./repositories.js";
import { trafficTests } from "./traffic.js";

const launched = await launchChromium();
const skipped = typeof launched === "string" ? launched : undefined;
if (skipped) console.warn(`SKIPPED console browser tests: ${skipped}`);
const browser = (): Browser => launched as Browser;
const why = skipped ? ` (skipped: ${skipped})` : "";

let t: TestLocal;
const server = (): TestLocal => t;
beforeAll(async () => {
  if (!skipped) t = await startLocal();
});
afterAll(async () => {
  await t?.close();
  if (!skipped) await browser().close();
});

describe.skipIf(skipped !== undefined)(`console in Chromium: roles, parameters, secrets and task definitions${why}`, () => identityTests(browser, server));
describe.skipIf(skipped !== undefined)(`console in Chromium: service auto scaling and capacity providers${why}`, () => scalingTests(browser, server));
describe.skipIf(skipped !== undefined)(`console in Chromium: stacks${why}`, () => stackTests(browser, server));
describe.skipIf(skipped !== undefined)(`console in Chromium: ECR repositories${why}`, () => repositoryTests(browser, server));
describe.skipIf(skipped !== undefined)(`console in Chromium: load balancers and Cloud Map namespaces${why}`, () => trafficTests(browser, server));
