// Basic scanning: a scan starts on push (scanOnPush) or by StartImageScan, shows IN_PROGRESS, and is
// COMPLETE at the next turn of the clock ("The scan was completed successfully.", the CLI's example).
// There is no vulnerability database offline: a scan finds nothing, and says so with empty findings.
// One scan an image a day, pushes included (the model's documentation of StartImageScan).
import { defineTimer } from "../../../engine/timers.js";
import type { EcrContext } from "../context.js";
import { LimitExceededException, ScanNotFoundException } from "../generated/errors.js";
import type { ImageScanFindings, ImageScanFindingsSummary, ImageScanStatus } from "../generated/types.js";
import type { ImageRecord, RepositoryRecord, ScanRecord } from "../store.js";
import { imageIdText } from "./images.js";

const DAY = 86_400;

export function scanStatus(image: ImageRecord): ImageScanStatus | undefined {
  const s = image.scan;
  if (!s) return undefined;
  return s.status === "COMPLETE" ? { status: "COMPLETE", description: "The scan was completed successfully." } : { status: "IN_PROGRESS" };
}

export function scanSummary(image: ImageRecord): ImageScanFindingsSummary | undefined {
  const at = image.scan?.completedAt;
  return at === undefined ? undefined : { imageScanCompletedAt: at, vulnerabilitySourceUpdatedAt: at, findingSeverityCounts: {} };
}

export function scanFindings(image: ImageRecord): ImageScanFindings | undefined {
  const summary = scanSummary(image);
  return summary && { ...summary, findings: [] };
}

/** Starts a scan, refused while the image's last one began less than a day ago (moto's words for the quota). */
export function startScan(ctx: EcrContext, image: ImageRecord): void {
  const now = ctx.now();
  if (image.scan && now - image.scan.startedAt < DAY) throw new LimitExceededException("The scan quota per image has been exceeded. Wait and try again.");
  const scan: ScanRecord = { status: "IN_PROGRESS", startedAt: now };
  image.scan = scan;
  const { timeline } = ctx.backend;
  timeline.call(timeline.now(), COMPLETE, ctx.backend, image, scan);
}

const COMPLETE = defineTimer("ecr.scanComplete", (backend: EcrContext["backend"], image: ImageRecord, scan: ScanRecord) => {
  if (image.scan !== scan) return;
  scan.status = "COMPLETE";
  scan.completedAt = backend.timeline.now() / 1000;
});

export const scanNotFound = (ctx: EcrContext, repo: RepositoryRecord, image: ImageRecord, tag: string | undefined) =>
  new ScanNotFoundException(`Image scan does not exist for the image with '${imageIdText({ imageDigest: image.digest, imageTag: tag })}' in the repository with name '${repo.name}' in the registry with id '${ctx.state.accountId}'`);
