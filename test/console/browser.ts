// Debian's Chromium driven by playwright-core, for the console's end-to-end tests. No browser is
// ever downloaded: when /usr/bin/chromium is missing or cannot start, `launchChromium` answers
// why, and the suite reports itself skipped with that reason.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = process.env.ECS_LOCAL_CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser | string> {
  const profile = mkdtempSync(join(tmpdir(), "ecs-local-chromium-"));
  try {
    // A persistent context is how playwright takes a user data dir; a fresh one per run.
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 800 },
      timeout: 60_000,
    });
    return {
      context,
      close: async () => {
        await context.close().catch(() => undefined);
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    return `Chromium could not be launched from ${CHROMIUM}: ${(e as Error).message.split("\n")[0]}`;
  }
}
