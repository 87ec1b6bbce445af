// What CreateLaunchTemplate and CreateLaunchTemplateVersion check in the data they keep. EC2 keeps a
// template's data as given and checks most of it only at launch (a security group deleted since, a
// key pair not yet made): here too, beyond what the model's schema already refused.
import type { Ec2Context } from "../context.js";
import type { RequestLaunchTemplateData } from "../generated/types.js";
import { isImageAlias, resolveImageAlias } from "./imageAlias.js";
import { computeErrors } from "./computeErrors.js";
import { checkUserData } from "./launchNetwork.js";
import { checkTagSpecifications } from "./tags.js";

/** The resource types a template's TagSpecifications may name. */
const TEMPLATE_TAGGED = ["instance", "volume", "network-interface", "spot-instances-request"];

export function checkTemplateData(ctx: Ec2Context, data: RequestLaunchTemplateData, mustHaveSome: boolean): void {
  if (mustHaveSome && Object.values(data).every((v) => v === undefined)) throw computeErrors.noTemplateData();
  // An SSM alias is kept as given, but its parameter must name an image when the template is written.
  if (isImageAlias(data.ImageId)) resolveImageAlias(ctx, data.ImageId);
  checkUserData(data.UserData);
  checkTagSpecifications(data.TagSpecifications, TEMPLATE_TAGGED);
}
