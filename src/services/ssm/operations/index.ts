// The dispatch table (written by `npm run handlers -- ssm` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { addTagsToResource } from "./addTagsToResource.js";
import { deleteParameter } from "./deleteParameter.js";
import { deleteParameters } from "./deleteParameters.js";
import { describeParameters } from "./describeParameters.js";
import { getParameter } from "./getParameter.js";
import { getParameterHistory } from "./getParameterHistory.js";
import { getParameters } from "./getParameters.js";
import { getParametersByPath } from "./getParametersByPath.js";
import { labelParameterVersion } from "./labelParameterVersion.js";
import { listTagsForResource } from "./listTagsForResource.js";
import { putParameter } from "./putParameter.js";
import { removeTagsFromResource } from "./removeTagsFromResource.js";
import { unlabelParameterVersion } from "./unlabelParameterVersion.js";

export const handlers: Handlers = {
  AddTagsToResource: addTagsToResource,
  DeleteParameter: deleteParameter,
  DeleteParameters: deleteParameters,
  DescribeParameters: describeParameters,
  GetParameter: getParameter,
  GetParameterHistory: getParameterHistory,
  GetParameters: getParameters,
  GetParametersByPath: getParametersByPath,
  LabelParameterVersion: labelParameterVersion,
  ListTagsForResource: listTagsForResource,
  PutParameter: putParameter,
  RemoveTagsFromResource: removeTagsFromResource,
  UnlabelParameterVersion: unlabelParameterVersion,
};
