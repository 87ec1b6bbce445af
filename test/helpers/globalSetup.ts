// Before any test runs: the console's static files, so that a test server serves the same bundle
// `npm start` does, and the bundled server the end-to-end tests start as a process
// (serverBundle.ts). esbuild takes a second or two for both.
import { buildConsole } from "../../scripts/build-console.js";
import { bundleTestServer } from "./serverBundle.js";

export default async function setup(): Promise<void> {
  await Promise.all([buildConsole(), bundleTestServer()]);
}
