// Whether an image, key pair, launch template or volume a tag call names exists, else its NotFound error.
import { AwsError } from "../../../protocol/errors.js";
import type { Ec2State } from "../context.js";
import { computeErrors } from "./computeErrors.js";
import { findImage } from "./images.js";
import { keyPairById } from "./keyPairs.js";

export function checkComputeResource(state: Ec2State, type: string, id: string): void {
  switch (type) {
    case "image":
      // Amazon's public images exist, but only their owner tags them.
      if (!state.images.has(id)) throw findImage(state, id) ? new AwsError("AuthFailure", `Not authorized for image:${id}`) : computeErrors.imageNotFound(id);
      return;
    case "key-pair":
      if (!keyPairById(state, id)) throw computeErrors.keyPairIdNotFound(id);
      return;
    case "launch-template":
      if (!state.launchTemplates.has(id)) throw computeErrors.templateIdNotFound(id);
      return;
    case "volume":
      if (!state.volumes.has(id)) throw new AwsError("InvalidVolume.NotFound", `The volume '${id}' does not exist.`);
      return;
  }
}
