// Servers with a state directory for one test file, as a user starts them (logs off, answers checked
// against the model): every one started is stopped after each test, and a faked Date made real
// again, whatever the test did with them (stopping a server twice is harmless).
import { afterEach, vi } from "vitest";
import { startServer, type EcsLocalServer, type StartServerOptions } from "../../src/index.js";

export interface StateDirServers {
  start(stateDir: string, options?: StartServerOptions): Promise<EcsLocalServer>;
}

export function stateDirServers(): StateDirServers {
  const running: EcsLocalServer[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
    vi.useRealTimers();
  });
  return {
    async start(stateDir, options = {}) {
      const s = await startServer({ logLevel: "silent", validateOutput: true, stateDir, ...options });
      running.push(s);
      return s;
    },
  };
}
