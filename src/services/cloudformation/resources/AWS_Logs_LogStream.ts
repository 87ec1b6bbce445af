// AWS::Logs::LogStream: Ref is the stream name; every change replaces it.
import type { ResourceProvider } from "./provider.js";

export const provider: ResourceProvider = {
  type: "AWS::Logs::LogStream",
  operations: { logs: ["CreateLogStream", "DeleteLogStream"] },
  attributes: [],
  replaceOn: ["*"],
  nameProperty: "LogStreamName",
  create(props, pc) {
    const name = props.LogStreamName ?? pc.generatedName(512);
    pc.call("logs", "CreateLogStream", { logGroupName: props.LogGroupName, logStreamName: name });
    return { physicalId: name, attributes: { LogGroupName: props.LogGroupName } };
  },
  delete(record, pc) {
    pc.call("logs", "DeleteLogStream", { logGroupName: String(record.attributes.LogGroupName), logStreamName: record.physicalId! });
  },
};
