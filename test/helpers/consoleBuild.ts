// The console's static files are built before any test runs, so a test server (run from src/ by
// tsx) serves the same bundle `npm start` does; esbuild takes well under a second.
import { buildConsole } from "../../scripts/build-console.js";

export default async function setup(): Promise<void> {
  await buildConsole();
}
