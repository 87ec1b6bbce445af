import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { associate, findAddress } from "../domain/addresses.js";
import { ec2Errors } from "../domain/errors.js";
import { findInstances } from "../domain/instanceIds.js";
import { gatewayOfVpc } from "../domain/internetGateways.js";
import { networkErrors } from "../domain/networkErrors.js";

/** The interface an instance's or interface id names: an instance's primary one. */
function interfaceOf(ctx: Parameters<Handler<"AssociateAddress">>[1], instanceId: string | undefined, eniId: string | undefined): string {
  const { state } = ctx;
  if (instanceId !== undefined && eniId !== undefined) throw ec2Errors.combination("The parameter networkInterfaceId cannot be used with the parameter instanceId");
  if (eniId !== undefined) {
    const eni = state.networkInterfaces.get(eniId);
    if (!eni) throw ec2Errors.interfaceNotFound(eniId);
    // A NAT gateway's interface is EC2's to manage.
    if (eni.InterfaceType !== "interface") throw networkErrors.authFailure();
    return eniId;
  }
  if (instanceId === undefined) throw networkErrors.missing("instanceId or networkInterfaceId");
  const rec = findInstances(state, [instanceId])[0];
  const s = rec.instance.State?.Name;
  if (s === "terminated" || s === "shutting-down") throw new AwsError("IncorrectInstanceState", `The instance '${instanceId}' is not in a valid state for this operation.`);
  const nic = rec.instance.NetworkInterfaces?.find((n) => n.Attachment?.DeviceIndex === 0);
  if (!nic) throw new AwsError("IncorrectInstanceState", `The instance '${instanceId}' is not in a valid state for this operation.`);
  return nic.NetworkInterfaceId!;
}

export const associateAddress: Handler<"AssociateAddress"> = (input, ctx) => {
  const { state } = ctx;
  if (input.AllocationId === undefined) throw networkErrors.missing("allocationId");
  const rec = findAddress(state, input.AllocationId);
  const eniId = interfaceOf(ctx, input.InstanceId, input.NetworkInterfaceId);
  const eni = state.networkInterfaces.get(eniId)!;
  if (input.PrivateIpAddress !== undefined && input.PrivateIpAddress !== eni.PrivateIpAddress) {
    throw ec2Errors.invalidParameter(`The specified private IP address ${input.PrivateIpAddress} is not assigned to network interface ${eniId}`);
  }
  if (!gatewayOfVpc(state, eni.VpcId!)) throw networkErrors.vpcWithoutGateway(eni.VpcId!);
  const current = rec.address.NetworkInterfaceId;
  if (current !== undefined && current !== eniId && (input.AllowReassociation === false || rec.natGatewayId)) {
    throw networkErrors.addressAssociated(rec.address.AllocationId!, rec.address.AssociationId!);
  }
  return { AssociationId: associate(state, rec, eniId) };
};
