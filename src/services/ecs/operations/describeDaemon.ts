import type { Handler } from "../context.js";
import { describeDaemon as detail, findDaemon } from "../daemons/daemons.js";

export const describeDaemon: Handler<"DescribeDaemon"> = (input, { state }) => ({ daemon: detail(state, findDaemon(state, input.daemonArn)) });
