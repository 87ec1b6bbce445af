// EC2's error codes and texts for images, key pairs, launch templates and instance attributes
// (sources in FIDELITY.md, "EC2: images, launch templates, key pairs, instance attributes").
import { AwsError } from "../../../protocol/errors.js";

export const computeErrors = {
  imageNotFound: (id: string) => new AwsError("InvalidAMIID.NotFound", `The image id '[${id}]' does not exist`),
  imageMalformed: (id: string) => new AwsError("InvalidAMIID.Malformed", `Invalid id: "${id}" (expecting "ami-...")`),
  keyPairNotFound: (name: string) => new AwsError("InvalidKeyPair.NotFound", `The key pair '${name}' does not exist`),
  keyPairIdNotFound: (id: string) => new AwsError("InvalidKeyPair.NotFound", `The key pair ID '${id}' does not exist`),
  keyPairDuplicate: (name: string) => new AwsError("InvalidKeyPair.Duplicate", `The keypair '${name}' already exists.`),
  keyFormat: () => new AwsError("InvalidKeyPair.Format", "Key is not in valid OpenSSH public key format"),
  templateNameTaken: () => new AwsError("InvalidLaunchTemplateName.AlreadyExistsException", "Launch template name already in use."),
  templatesNotFound: () => new AwsError("InvalidLaunchTemplateName.NotFoundException", "At least one of the launch templates specified in the request does not exist."),
  templateIdsNotFound: () => new AwsError("InvalidLaunchTemplateId.NotFound", "At least one of the launch templates specified in the request does not exist."),
  templateNameNotFound: (name: string) => new AwsError("InvalidLaunchTemplateName.NotFoundException", `The specified launch template, with template name ${name}, does not exist.`),
  templateIdNotFound: (id: string) => new AwsError("InvalidLaunchTemplateId.NotFound", `The specified launch template, with template ID ${id}, does not exist.`),
  templateIdMalformed: (id: string) =>
    new AwsError("InvalidLaunchTemplateId.Malformed", `The specified ID for the launch template (${id}) is not valid. Ensure that you specify the launch template ID in the form lt-xxxxxxxxxxxxxxxxx.`),
  templateVersionNotFound: (version: string) => new AwsError("InvalidLaunchTemplateId.VersionNotFound", `The specified launch template version ${version} does not exist.`),
  templateVersionMalformed: (version: string) => new AwsError("InvalidLaunchTemplateId.VersionNotFound", `The specified launch template version ${version} is not valid.`),
  templateTarget: () => new AwsError("MissingParameter", "The request must contain the parameter LaunchTemplateName or LaunchTemplateId"),
  templateBoth: () => new AwsError("InvalidParameterCombination", "Either LaunchTemplateId or LaunchTemplateName must be specified, but not both."),
  noTemplateData: () => new AwsError("MissingParameter", "No launch template data was provided. Launch template data is required to create a launch template."),
  incorrectState: (id: string, wanted: string) => new AwsError("IncorrectInstanceState", `The instance '${id}' is not in the '${wanted}' state.`),
  mayNotTerminate: (id: string) => new AwsError("OperationNotPermitted", `The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`),
  mayNotStop: (id: string) => new AwsError("OperationNotPermitted", `The instance '${id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`),
  notBurstable: (id: string) =>
    new AwsError("InstanceCreditSpecification.NotSupported", `The instance ID '${id}' is not supported. The only supported instance type families are T2, T3, T3a and T4g.`),
  instanceProfile: (value: string, field: "name" | "arn") =>
    new AwsError("InvalidParameterValue", `Value (${value}) for parameter iamInstanceProfile.${field} is invalid. Invalid IAM Instance Profile ${field === "arn" ? "ARN" : "name"}`),
};
