// The console's shell: account and region, navigation, and the live loop that refreshes the page
// shown at most once a second (and not at all while the tab is hidden or the user paused it).
import type { Where } from "./api.js";
import { clients, type App, type Page } from "./app.js";
import { h } from "./dom.js";
import { parseRoute, sectionOf, type Route } from "./router.js";
import { errorText, swap } from "./ui.js";
import { clustersPage } from "./pages/clusters.js";
import { clusterPage } from "./pages/cluster.js";
import { servicePage } from "./pages/service.js";
import { taskPage } from "./pages/task.js";
import { familiesPage, familyPage } from "./pages/taskDefinitions.js";
import { loadBalancerPage, loadBalancersPage } from "./pages/loadBalancers.js";
import { namespacePage, namespacesPage } from "./pages/namespaces.js";
import { rolePage, rolesPage } from "./pages/roles.js";
import { parameterPage, parametersPage } from "./pages/parameters.js";
import { secretPage, secretsPage } from "./pages/secrets.js";
import { stacksPage } from "./pages/stacks.js";
import { stackPage } from "./pages/stack.js";
import { repositoriesPage, repositoryPage } from "./pages/repositories.js";

const TICK_MS = 1000;
const WHERE_KEY = "ecs-local.console.where";

function pageFor(route: Route): Page {
  switch (route.page) {
    case "clusters":
      return clustersPage();
    case "cluster":
      return clusterPage(route.cluster, route.tab);
    case "service":
      return servicePage(route.cluster, route.service);
    case "task":
      return taskPage(route.cluster, route.task);
    case "families":
      return familiesPage();
    case "family":
      return familyPage(route.family, route.revision);
    case "loadBalancers":
      return loadBalancersPage();
    case "loadBalancer":
      return loadBalancerPage(route.name);
    case "namespaces":
      return namespacesPage();
    case "namespace":
      return namespacePage(route.id);
    case "roles":
      return rolesPage();
    case "role":
      return rolePage(route.role);
    case "parameters":
      return parametersPage();
    case "parameter":
      return parameterPage(route.parameter);
    case "secrets":
      return secretsPage();
    case "secret":
      return secretPage(route.secret);
    case "stacks":
      return stacksPage();
    case "stack":
      return stackPage(route.stack, route.tab);
    case "repositories":
      return repositoriesPage();
    case "repository":
      return repositoryPage(route.repository);
  }
}

async function defaults(): Promise<Where> {
  const saved = localStorage.getItem(WHERE_KEY);
  if (saved) {
    try {
      const w = JSON.parse(saved) as Where;
      if (/^\d{12}$/.test(w.accountId) && w.region) return w;
    } catch {
      /* a broken entry is replaced below */
    }
  }
  const res = await fetch("defaults.json");
  const d = (await res.json()) as Where;
  return { accountId: d.accountId, region: d.region };
}

async function start(): Promise<void> {
  const where = await defaults();
  const app: App = { ...clients(where), refresh: () => wake() };
  const main = document.getElementById("main")!;
  const crumbs = document.getElementById("crumbs")!;
  const status = document.getElementById("live-status")!;
  const pause = document.getElementById("live-toggle") as HTMLButtonElement;
  let paused = false;
  let current: { refresh(): Promise<void> } | undefined;
  let generation = 0;
  let wakeUp: (() => void) | undefined;
  let woken = false;
  // A wake that comes while a refresh runs is kept, so the next tick follows at once.
  const wake = (): void => {
    woken = true;
    wakeUp?.();
  };

  const show = (): void => {
    const route = parseRoute(location.hash);
    const page = pageFor(route);
    generation++;
    document.title = `${page.title} · ecs-local console`;
    swap(crumbs, h("ol", {}, ...page.crumbs.map(([label, href], i) => h("li", {}, i === page.crumbs.length - 1 ? h("span", { "aria-current": "page" }, label) : h("a", { href }, label)))));
    const root = h("div", { class: "page" });
    main.replaceChildren(root);
    const section = sectionOf(route);
    for (const a of document.querySelectorAll<HTMLAnchorElement>("#nav a")) {
      if (a.dataset.section === section) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    }
    current = page.mount(root, app);
    wake();
  };

  // Account and region: every request carries them in its credential scope.
  const account = document.getElementById("account") as HTMLInputElement;
  const region = document.getElementById("region") as HTMLInputElement;
  account.value = where.accountId;
  region.value = where.region;
  document.getElementById("where")!.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const accountId = account.value.trim();
    const r = region.value.trim();
    if (!/^\d{12}$/.test(accountId)) return account.setCustomValidity("An account id is 12 digits."), account.reportValidity();
    account.setCustomValidity("");
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(r)) return region.setCustomValidity("A region looks like us-east-1."), region.reportValidity();
    region.setCustomValidity("");
    Object.assign(app, clients({ accountId, region: r }));
    localStorage.setItem(WHERE_KEY, JSON.stringify(app.ecs.where));
    // A detail page names something of the account and region left behind: back to its list.
    const list = `#/${sectionOf(parseRoute(location.hash))}`;
    if (location.hash !== list) location.hash = list;
    else show();
  });

  pause.addEventListener("click", () => {
    paused = !paused;
    pause.setAttribute("aria-pressed", String(paused));
    pause.textContent = paused ? "Resume live updates" : "Pause live updates";
    wake();
  });
  document.addEventListener("visibilitychange", wake);
  // After navigation, focus goes to the new page's content rather than to the top of the document.
  window.addEventListener("hashchange", () => {
    show();
    main.focus({ preventScroll: true });
  });
  show();

  // One refresh at a time: a slow answer delays the next tick instead of piling requests up.
  for (;;) {
    const mine = generation;
    woken = false;
    if (!paused && !document.hidden && current) {
      try {
        await current.refresh();
        if (mine === generation) status.textContent = `Live · updated ${new Date().toLocaleTimeString()}`;
        status.classList.remove("stale");
      } catch (e) {
        status.textContent = `Not updated: ${errorText(e)}`;
        status.classList.add("stale");
      }
    } else if (paused) status.textContent = "Paused";
    if (woken) continue;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, TICK_MS);
      wakeUp = done;
    });
  }
}

void start();
