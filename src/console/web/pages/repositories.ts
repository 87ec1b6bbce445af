// ECR: the account's repositories with their URIs and settings, and a repository's images (tags,
// digest, size, when pushed, scan status) with the commands that push to it.
import type { ImageDetail, Repository } from "../../../services/ecr/generated/types.js";
import type { Page } from "../app.js";
import { badge, h, link, section, summaryList, table, time } from "../dom.js";
import { images, megabytes, pushCommands, repositories, repository } from "../ecr.js";
import { href } from "../router.js";
import { errorText, swap } from "../ui.js";

const onOff = (b: boolean | undefined) => (b ? "Enabled" : "Disabled");

export function repositoriesPage(): Page {
  return {
    title: "Repositories",
    crumbs: [["Repositories", href.repositories()]],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      root.append(h("div", { class: "page-head" }, h("h1", {}, "Repositories")), h("p", { class: "muted" }, "Elastic Container Registry: private repositories."), h("section", { "aria-label": "Repositories" }, slot));
      return {
        async refresh() {
          const list = await repositories(app.ecr);
          swap(
            slot,
            table(
              "Repositories",
              ["Repository name", "URI", "Created at", "Tag immutability", "Scan on push", "Encryption type"],
              list.map((r) => [link(href.repository(r.repositoryName!), r.repositoryName!), h("code", {}, r.repositoryUri ?? "—"), time(r.createdAt), r.imageTagMutability ?? "—", onOff(r.imageScanningConfiguration?.scanOnPush), r.encryptionConfiguration?.encryptionType ?? "—"]),
              `No repositories in ${app.ecr.where.region} for account ${app.ecr.where.accountId}.`,
            ),
          );
        },
      };
    },
  };
}

function imageRows(list: ImageDetail[]) {
  return list.map((i) => [
    i.imageTags?.length ? i.imageTags.join(", ") : h("span", { class: "muted" }, "untagged"),
    h("code", { title: i.imageDigest }, `${i.imageDigest?.slice(0, 19)}…`),
    megabytes(i.imageSizeInBytes),
    time(i.imagePushedAt),
    i.imageScanStatus ? badge(i.imageScanStatus.status) : "—",
    h("code", {}, i.imageManifestMediaType ?? "—"),
  ]);
}

function repositoryView(r: Repository, list: ImageDetail[], where: { accountId: string; region: string }): HTMLElement {
  return h(
    "div",
    {},
    summaryList([
      ["URI", h("code", {}, r.repositoryUri ?? "—")],
      ["ARN", h("code", {}, r.repositoryArn ?? "—")],
      ["Created at", time(r.createdAt)],
      ["Tag immutability", r.imageTagMutability ?? "—"],
      ["Scan on push", onOff(r.imageScanningConfiguration?.scanOnPush)],
      ["Encryption type", r.encryptionConfiguration?.encryptionType ?? "—"],
    ]),
    section("repository-images", `Images (${list.length})`, table("Images", ["Image tags", "Digest", "Size", "Pushed at", "Scan status", "Manifest media type"], imageRows(list), "No images yet: push one with the commands below.")),
    section("repository-push", "Push commands", h("pre", { class: "commands" }, pushCommands(r.repositoryUri!, where).join("\n"))),
  );
}

export function repositoryPage(name: string): Page {
  return {
    title: `Repository ${name}`,
    crumbs: [
      ["Repositories", href.repositories()],
      [name, href.repository(name)],
    ],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      root.append(h("div", { class: "page-head" }, h("h1", {}, "Repository ", h("code", {}, name))), slot);
      return {
        async refresh() {
          try {
            const [r, list] = await Promise.all([repository(app.ecr, name), images(app.ecr, name)]);
            swap(slot, repositoryView(r, list, app.ecr.where));
          } catch (e) {
            // ECR's own answer (RepositoryNotFoundException: …) is the page.
            swap(slot, h("p", { class: "form-error" }, errorText(e)));
          }
        },
      };
    },
  };
}
