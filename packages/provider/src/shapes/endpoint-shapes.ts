/** `communes:endpoint:Endpoint`: its inputs and state (endpoint-type.ts). */
import type { EndpointSettings, RegistrationStatus } from "@communes/endpoint";
import type { EndpointInputs, EndpointState } from "../endpoint/endpoint-type";
import { object, objectType, required, type Fields } from "./object-shape";
import { boolean, list, map, nonEmptyString, oneOf, readShape, string, type Reading } from "./shape";
import type { ResourceShapes } from "./resource-shapes";

const registration = objectType<RegistrationStatus>("communes:endpoint:RegistrationStatus", "An endpoint's registration with the MCU, as last verified.", {
  protocol: required(oneOf("communes:endpoint:Protocol", "A call-control protocol.", ["sip", "h323"]), "sip or h323"),
  registered: required(boolean(), "Whether the endpoint is registered."),
  confirmed: required(boolean(), "False when the device's status did not say: registration could not be confirmed."),
  text: required(string(), "The device's own words."),
});

const INPUTS: Fields<EndpointInputs> = {
  systemName: required(nonEmptyString(), "The endpoint's system name (the resource's ID)."),
  settings: required(map<string, EndpointSettings>(string()), "Setting name (`sip.proxy`, `h323.enabled`…) → value, compared one by one. Passwords cannot be read back: the written ones are kept."),
};

const ENDPOINT_STATE = object<EndpointState>({
  ...INPUTS,
  registration: required(list(registration), "Registration as last verified; empty when not checked."),
});

export const ENDPOINT_SHAPES: ResourceShapes<EndpointInputs, EndpointState> = {
  description: "A meeting-room endpoint's settings over its HTTP API (Poly REST or Cisco xAPI); after an apply, it must register with the MCU within a bounded wait.",
  inputs: object(INPUTS),
  state: ENDPOINT_STATE,
};

export function readEndpointState(value: unknown): Reading<EndpointState> {
  return readShape(ENDPOINT_STATE, value);
}
