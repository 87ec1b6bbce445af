import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import type { Image, ImageAttribute, ImageAttributeName } from "../generated/types.js";
import { computeErrors } from "../domain/computeErrors.js";
import { findImage, IMAGE_ID } from "../domain/images.js";

const value = (v: string | undefined) => (v !== undefined ? { Value: v } : {});

/** One attribute of the image, in the member it is answered in; absent values are empty. */
const READ: Record<Exclude<ImageAttributeName, "blockDeviceMapping">, (i: Image) => ImageAttribute> = {
  description: (i) => ({ Description: value(i.Description) }),
  kernel: (i) => ({ KernelId: value(i.KernelId) }),
  ramdisk: (i) => ({ RamdiskId: value(i.RamdiskId) }),
  launchPermission: (i) => ({ LaunchPermissions: i.Public ? [{ Group: "all" }] : [] }),
  productCodes: (i) => ({ ProductCodes: structuredClone(i.ProductCodes ?? []) }),
  sriovNetSupport: (i) => ({ SriovNetSupport: value(i.SriovNetSupport) }),
  bootMode: (i) => ({ BootMode: value(i.BootMode) }),
  tpmSupport: (i) => ({ TpmSupport: value(i.TpmSupport) }),
  uefiData: () => ({ UefiData: {} }),
  lastLaunchedTime: (i) => ({ LastLaunchedTime: value(i.LastLaunchedTime) }),
  imdsSupport: (i) => ({ ImdsSupport: value(i.ImdsSupport) }),
  deregistrationProtection: (i) => ({ DeregistrationProtection: { Value: i.DeregistrationProtection ?? "disabled" } }),
};

export const describeImageAttribute: Handler<"DescribeImageAttribute"> = (input, ctx) => {
  if (!IMAGE_ID.test(input.ImageId)) throw computeErrors.imageMalformed(input.ImageId);
  const found = findImage(ctx.state, input.ImageId);
  if (!found) throw computeErrors.imageNotFound(input.ImageId);
  // The model's documentation: asking for blockDeviceMapping answers AuthFailure; DescribeImages shows them.
  if (input.Attribute === "blockDeviceMapping") throw new AwsError("AuthFailure", "Unauthorized attempt to access restricted resource");
  return { ImageId: input.ImageId, ...READ[input.Attribute](found.image) };
};
