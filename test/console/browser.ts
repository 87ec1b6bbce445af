// Debian's Chromium driven by playwright-core, for the console's end-to-end tests. No browser is
// ever downloaded: when /usr/bin/chromium is missing or cannot start, `launchChromium` answers
// why, and the suite reports itself skipped with that reason. Also the waits and screenshots the tests share.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";

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

/** Each step waits at most this long for the page to show what it should; the machine is busy. */
export const STEP_MS = 20_000;
const SHOTS = process.env.ECS_LOCAL_CONSOLE_SCREENSHOTS;

export async function see(l: Locator, timeout = STEP_MS): Promise<Locator> {
  await l.first().waitFor({ state: "visible", timeout });
  return l;
}

export async function until(what: string, check: () => Promise<boolean>, timeout = STEP_MS): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `from`: the part of a long page the picture starts at (scrolled to the top of the window). */
export async function shot(page: Page, name: string, from?: Locator): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await from?.first().evaluate((e) => e.scrollIntoView({ block: "start" }));
  // Notices of earlier steps would cover the page.
  await page.evaluate(() => document.getElementById("notices")?.replaceChildren());
  await page.waitForTimeout(300);
  // Down to the end of the content (or of an open dialog), so the pictures stay small.
  const bottom = await page.evaluate(() => Math.max(...[...document.querySelectorAll("main, dialog[open]")].map((e) => e.getBoundingClientRect().bottom)));
  await page.screenshot({ path: join(SHOTS, `console-${name}.png`), clip: { x: 0, y: 0, width: 1280, height: Math.min(800, Math.ceil(bottom) + 16) } });
}

export function rows(page: Page): Locator {
  return page.locator("main table tbody tr");
}

/**
 * The cells of the first row holding `row` in the table named `table`, once that row is shown: a
 * page's heading can come before a table it loads with a request of its own, and reading the cells
 * at once then read none.
 */
export async function cells(page: Page, table: string, row: string): Promise<string[]> {
  const found = page.getByRole("table", { name: table }).locator("tbody tr").filter({ hasText: row }).first();
  await found.waitFor({ state: "visible", timeout: STEP_MS });
  return found.locator("td").allInnerTexts();
}

