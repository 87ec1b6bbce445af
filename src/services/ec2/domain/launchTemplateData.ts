// What CreateLaunchTemplate and CreateLaunchTemplateVersion check in the data they keep. EC2 keeps a
// template's data as given and checks most of it only at launch (a security group deleted since, a
// key pair not yet made): here too, beyond what the model's schema already refused.
import type { RequestLaunchTemplateData } from "../generated/types.js";
import { computeErrors } from "./computeErrors.js";
import { checkUserData } from "./launchNetwork.js";
import { checkTagSpecifications } from "./tags.js";

/** The resource types a template's TagSpecifications may name. */
const TEMPLATE_TAGGED = ["instance", "volume", "network-interface", "spot-instances-request"];

export function checkTemplateData(data: RequestLaunchTemplateData, mustHaveSome: boolean): void {
  if (mustHaveSome && Object.values(data).every((v) => v === undefined)) throw computeErrors.noTemplateData();
  checkUserData(data.UserData);
  checkTagSpecifications(data.TagSpecifications, TEMPLATE_TAGGED);
}
