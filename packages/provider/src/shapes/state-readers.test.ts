/** The contract's state readers: a recorded value comes back typed, or with what is wrong and where. */
import { describe, expect, it } from "vitest";
import { describeProblems, readConfigExportState, readEndpointState, readSwitchState, readTableState } from "../contract";

const sw = { hostname: "sw1", vlans: { "10": "management" }, ports: { Gi24: { mode: "trunk", trunkAllowed: "10,20", shutdown: false, portfast: false } }, management: { vlan: 10, address: "10.0.0.2", mask: "255.255.255.0" }, defaultGateway: "10.0.0.1", vtyTransport: "ssh" };

describe("state readers", () => {
  it("read a switch recorded before its VTP mode was managed as IOS does, `server`", () => {
    expect(readSwitchState(sw)).toEqual({ value: { ...sw, vtpMode: "server" } });
  });

  it("say every problem of a switch's state, by path", () => {
    const reading = readSwitchState({ ...sw, vtyTransport: "rlogin", management: { vlan: 10, address: "10.0.0.2" }, ports: [] });
    expect(reading.value).toBeUndefined();
    expect(describeProblems(reading.problems!)).toBe(
      'ports: expected a mapping, received []; management.mask: required: Its dotted netmask.; vtyTransport: expected one of ssh, telnet, all, none, received "rlogin"',
    );
    expect(readSwitchState("sw1").problems).toEqual([{ property: "", reason: 'expected a mapping, received "sw1"' }]);
  });

  it("read a table's state, entries by key, and refuse an entry's value that is not a string", () => {
    const table = { path: "/ip/address", entries: { "10.0.0.1/24 ether2": { address: "10.0.0.1/24", interface: "ether2" } } };
    expect(readTableState(table)).toEqual({ value: table });
    expect(readTableState({ ...table, entries: { k: { disabled: false } } }).problems).toEqual([{ property: "entries.k.disabled", reason: "expected a string, received false" }]);
  });

  it("read an endpoint's state with its registration", () => {
    const state = { systemName: "room-1", settings: { "sip.proxy": "10.0.0.5" }, registration: [{ protocol: "sip", registered: true, confirmed: true, text: "registered" }] };
    expect(readEndpointState(state)).toEqual({ value: state });
    expect(readEndpointState({ ...state, registration: [{ ...state.registration[0], protocol: "skype" }] }).problems?.[0]?.property).toBe("registration[0].protocol");
  });

  it("read a configuration export with a drift audit's comparison", () => {
    const state = { router: "r1", trigger: "ab", script: "/ip address\n", sha256: "00", exportedAt: "2025-07-01T00:00:00.000Z", audited: { "/user": ["name=admin group=full"] }, comparison: { exportLines: [{ menu: "/ip/address", live: "add address=10.9.9.9/24" }], auditedEntries: [] } };
    expect(readConfigExportState(state)).toEqual({ value: state });
    expect(readConfigExportState({ ...state, sha256: undefined }).problems).toEqual([{ property: "sha256", reason: "required: SHA-256 of the script, hex." }]);
  });
});
