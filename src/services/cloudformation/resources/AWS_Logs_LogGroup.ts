// AWS::Logs::LogGroup: Ref is the group name; retention and tags update in place.
import { withStackTags, type ProviderContext, type ResourceProvider } from "./provider.js";

const tagMap = (tags: { Key: string; Value: string }[]) => Object.fromEntries(tags.map((t) => [t.Key, String(t.Value)]));

function retention(name: string, days: unknown, pc: ProviderContext): void {
  if (days === undefined) pc.call("logs", "DeleteRetentionPolicy", { logGroupName: name });
  else pc.call("logs", "PutRetentionPolicy", { logGroupName: name, retentionInDays: Number(days) });
}

export const provider: ResourceProvider = {
  type: "AWS::Logs::LogGroup",
  operations: { logs: ["CreateLogGroup", "DeleteLogGroup", "PutRetentionPolicy", "DeleteRetentionPolicy", "TagResource", "UntagResource"] },
  attributes: ["Arn"],
  replaceOn: ["LogGroupName", "LogGroupClass"],
  taggable: true,
  nameProperty: "LogGroupName",
  create(props, pc) {
    const name = props.LogGroupName ?? pc.generatedName(512);
    const tags = withStackTags(props.Tags, pc);
    pc.call("logs", "CreateLogGroup", {
      logGroupName: name,
      ...(props.KmsKeyId ? { kmsKeyId: props.KmsKeyId } : {}),
      ...(props.LogGroupClass ? { logGroupClass: props.LogGroupClass } : {}),
      ...(tags.length ? { tags: tagMap(tags) } : {}),
    });
    if (props.RetentionInDays !== undefined) retention(name, props.RetentionInDays, pc);
    return { physicalId: name, attributes: { Arn: `arn:aws:logs:${pc.region}:${pc.accountId}:log-group:${name}:*` } };
  },
  update(props, old, pc) {
    const name = old.physicalId!;
    if (String(props.RetentionInDays) !== String(old.properties?.RetentionInDays)) retention(name, props.RetentionInDays, pc);
    const arn = `arn:aws:logs:${pc.region}:${pc.accountId}:log-group:${name}`;
    const before = withStackTags(old.properties?.Tags as never, pc, "previous");
    const after = withStackTags(props.Tags, pc);
    const gone = before.filter((t) => !after.some((a) => a.Key === t.Key)).map((t) => t.Key);
    if (gone.length) pc.call("logs", "UntagResource", { resourceArn: arn, tagKeys: gone });
    if (after.length) pc.call("logs", "TagResource", { resourceArn: arn, tags: tagMap(after) });
    return { physicalId: name, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("logs", "DeleteLogGroup", { logGroupName: record.physicalId! });
  },
};
