/**
 * Every driver's errors share one base (@communes/device-error): a refusal,
 * a wrong credential or pin is a DeviceError that is not retryable; a broken
 * connection or a timeout is retryable. The provider decides from that alone
 * whether to say "run up again", and never prints a stack trace for one.
 */
import { createRequire } from "node:module";
import type * as DeviceErrorModule from "@communes/device-error";
import { EndpointConnectionError, EndpointError } from "@communes/endpoint";
import { ProtocolError, RouterOsAuthError, RouterOsConnectionError, RouterOsStateError, RouterOsTimeoutError, RouterOsTlsPinError, RouterOsTrapError, SshExportError } from "@communes/routeros";
import { CliAuthError, CliCommandError, CliConnectionError, HostKeyMismatchError, SshNegotiationError } from "@communes/switch";
import { describe, expect, it } from "vitest";

// The drivers' built code requires the base with Node's own loader (as the provider process does);
// the test takes it the same way, so both see one class.
const { DeviceError } = createRequire(__filename)("@communes/device-error") as typeof DeviceErrorModule;
type DeviceError = DeviceErrorModule.DeviceError;

describe("the drivers' errors", () => {
  const cases: Array<[string, DeviceError, boolean]> = [
    ["a RouterOS !trap", new RouterOsTrapError("/ip/address/add", "input does not match any value of interface", 1), false],
    ["a RouterOS login refused", new RouterOsAuthError("r1: login refused"), false],
    ["a RouterOS certificate off its pin", new RouterOsTlsPinError("r1: certificate"), false],
    ["a RouterOS connection lost", new RouterOsConnectionError("r1: closed"), true],
    ["a RouterOS timeout", new RouterOsTimeoutError("r1: no answer"), true],
    ["garbage in the API stream", new ProtocolError("reserved control byte"), true],
    ["an entry gone meanwhile", new RouterOsStateError("/ip/pool: no entry"), true],
    ["an export refused", new SshExportError("r1: SSH login refused", false), false],
    ["an export timed out", new SshExportError("r1: no /export within 20000 ms", true), true],
    ["an IOS line refused", new CliCommandError("sw1", "vlan 5000", "% Invalid input detected at '^' marker."), false],
    ["an IOS login refused", new CliAuthError("sw1: login refused"), false],
    ["no common SSH algorithm", new SshNegotiationError("sw1: no algorithm"), false],
    ["a switch host key off its pin", new HostKeyMismatchError("sw1: host key"), false],
    ["a switch session closed", new CliConnectionError("sw1: closed"), true],
    ["an endpoint refusal", new EndpointError("ep: 401"), false],
    ["an endpoint unreachable", new EndpointConnectionError("ep: ECONNREFUSED"), true],
  ];
  for (const [what, err, retryable] of cases) {
    it(`${what}: a DeviceError, ${retryable ? "" : "not "}retryable`, () => {
      expect(err).toBeInstanceOf(DeviceError);
      expect(err.retryable).toBe(retryable);
    });
  }

  it("a refusal says what was sent and what the device answered", () => {
    const trap = new RouterOsTrapError("/ip/address/add", "input does not match any value of interface", 1);
    expect([trap.operation, trap.said]).toEqual(["/ip/address/add", "input does not match any value of interface"]);
    const line = new CliCommandError("sw1", "vlan 5000", "% Invalid input detected at '^' marker.");
    expect([line.device, line.operation, line.said]).toEqual(["sw1", "vlan 5000", "% Invalid input detected at '^' marker."]);
  });
});
