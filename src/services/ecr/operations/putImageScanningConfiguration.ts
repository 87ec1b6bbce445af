import type { Handler } from "../context.js";
import { findRepository } from "../domain/repositories.js";

export const putImageScanningConfiguration: Handler<"PutImageScanningConfiguration"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  repo.imageScanningConfiguration = { scanOnPush: input.imageScanningConfiguration.scanOnPush ?? false };
  return { registryId: ctx.state.accountId, repositoryName: repo.name, imageScanningConfiguration: repo.imageScanningConfiguration };
};
