// AWS::SSM::Parameter: Ref is the parameter's name (generated as CFN-<logicalId>-<random> when not
// given); a new value is a new version (PutParameter with Overwrite); Name replaces.
import { withStackTags, type ProviderContext, type ResourceProvider } from "./provider.js";

type Tags = Record<string, string> | undefined;

function put(pc: ProviderContext, name: string, props: Record<string, any>, overwrite: boolean): number {
  return pc.call("ssm", "PutParameter", {
    Name: name,
    Value: String(props.Value),
    Type: props.Type,
    Overwrite: overwrite,
    ...(props.Description !== undefined ? { Description: props.Description } : {}),
    ...(props.AllowedPattern !== undefined ? { AllowedPattern: props.AllowedPattern } : {}),
    ...(props.Tier !== undefined ? { Tier: props.Tier } : {}),
    ...(props.DataType !== undefined ? { DataType: props.DataType } : {}),
    ...(props.Policies !== undefined ? { Policies: props.Policies } : {}),
  }).Version;
}

/** The stack's tags with the parameter's own (a map, as AWS::SSM::Parameter writes them). */
const tagList = (own: Tags, pc: ProviderContext, which: "current" | "previous" = "current") =>
  withStackTags(Object.entries(own ?? {}).map(([Key, Value]) => ({ Key, Value: String(Value) })), pc, which);

export const provider: ResourceProvider = {
  type: "AWS::SSM::Parameter",
  operations: { ssm: ["PutParameter", "DeleteParameter", "AddTagsToResource", "RemoveTagsFromResource"] },
  attributes: ["Type", "Value"],
  replaceOn: ["Name"],
  taggable: true,
  nameProperty: "Name",
  create(props, pc) {
    const name = props.Name ?? `CFN-${pc.logicalId}-${pc.generatedName(12).split("-").pop()}`;
    put(pc, name, props, false);
    const tags = tagList(props.Tags, pc);
    if (tags.length) pc.call("ssm", "AddTagsToResource", { ResourceType: "Parameter", ResourceId: name, Tags: tags });
    return { physicalId: name, attributes: { Type: props.Type, Value: String(props.Value) } };
  },
  update(props, old, pc) {
    const name = old.physicalId!;
    put(pc, name, props, true);
    const before = tagList(old.properties?.Tags as Tags, pc, "previous");
    const after = tagList(props.Tags, pc);
    const gone = before.filter((t) => !after.some((a) => a.Key === t.Key)).map((t) => t.Key);
    if (gone.length) pc.call("ssm", "RemoveTagsFromResource", { ResourceType: "Parameter", ResourceId: name, TagKeys: gone });
    if (after.length) pc.call("ssm", "AddTagsToResource", { ResourceType: "Parameter", ResourceId: name, Tags: after });
    return { physicalId: name, attributes: { Type: props.Type, Value: String(props.Value) } };
  },
  delete(record, pc) {
    pc.call("ssm", "DeleteParameter", { Name: record.physicalId! });
  },
};
