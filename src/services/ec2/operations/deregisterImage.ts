import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { computeErrors } from "../domain/computeErrors.js";
import { findImage, IMAGE_ID } from "../domain/images.js";
import { forgetTags } from "../domain/tags.js";

/** Only the account's own images can be deregistered; instances launched from one keep running. */
export const deregisterImage: Handler<"DeregisterImage"> = (input, ctx) => {
  const { state } = ctx;
  if (!IMAGE_ID.test(input.ImageId)) throw computeErrors.imageMalformed(input.ImageId);
  if (!state.images.has(input.ImageId)) {
    if (findImage(state, input.ImageId)) throw new AwsError("AuthFailure", `Not authorized for image:${input.ImageId}`);
    throw computeErrors.imageNotFound(input.ImageId);
  }
  state.images.delete(input.ImageId);
  forgetTags(state, input.ImageId);
  return { Return: true };
};
