// The dispatch table (written by `npm run handlers -- ssm` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";

export const handlers: Handlers = {
  AddTagsToResource: null,
  DeleteParameter: null,
  DeleteParameters: null,
  DescribeParameters: null,
  GetParameter: null,
  GetParameterHistory: null,
  GetParameters: null,
  GetParametersByPath: null,
  LabelParameterVersion: null,
  ListTagsForResource: null,
  PutParameter: null,
  RemoveTagsFromResource: null,
  UnlabelParameterVersion: null,
};
