// 169.254.170.2, the address ECS serves task credentials and metadata at. The ECS agent makes it
// reachable with iptables rules; here the host is given the address itself (on its loopback
// interface), which containers on a bridge reach through their gateway and host-mode containers
// directly. Only root may add it; otherwise it is used when someone already added it.
import { execFile } from "node:child_process";
import { networkInterfaces } from "node:os";
import type { Logger } from "../log.js";

export const LINK_LOCAL = "169.254.170.2";

function present(): boolean {
  return Object.values(networkInterfaces()).some((list) => list?.some((a) => a.family === "IPv4" && a.address === LINK_LOCAL));
}

/** Whether the host holds 169.254.170.2, adding it when it may. */
export async function ensureLinkLocal(logger: Logger): Promise<boolean> {
  if (present()) return true;
  if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
  const added = await new Promise<boolean>((resolve) => execFile("ip", ["addr", "add", `${LINK_LOCAL}/32`, "dev", "lo"], (e) => resolve(!e || /exists/i.test(String(e)))));
  if (added && present()) {
    logger.info(`added ${LINK_LOCAL} to the loopback interface for the task endpoints`);
    return true;
  }
  return false;
}
