// ecs-local as a library: `import { startServer } from "ecs-local"` in a test setup.
export { startServer, type EcsLocalServer, type StartServerOptions } from "./server.js";
export { createApp, type AppOptions, type EcsLocal } from "./app.js";
export { defaultConfig, loadConfig, type Config, type ConfigOverrides, type LifecycleTimings } from "./config.js";
export { createLogger, type Logger, type LogFormat, type LogLevel } from "./log.js";
export { VERSION } from "./version.js";
