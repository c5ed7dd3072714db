/**
 * The package schema covers every registered resource type, and says what
 * each type's `check` accepts: every property of a valid input is in its
 * `inputProperties`, each required input is refused when missing, and a
 * property the schema does not list is refused.
 */
import { describe, expect, it } from "vitest";
import { TOKENS } from "./contract";
import { packageSchema } from "./package-schema";
import { resourceTypes } from "./registry";
import { PROVIDER_CONFIG } from "./shapes/provider-config-shapes";
import type { PropertyMap } from "./wire";

const schema = packageSchema({ name: "communes", version: "9.9.9", types: resourceTypes, config: PROVIDER_CONFIG });

const SWITCH = {
  hostname: "sw1",
  vtpMode: "transparent",
  vlans: { "10": "management", "30": "service-centre" },
  ports: { "GigabitEthernet1/0/9": { mode: "access", accessVlan: 30, shutdown: false, portfast: true }, "GigabitEthernet1/0/24": { mode: "trunk", trunkAllowed: "10,30", nativeVlan: 10, description: "uplink", shutdown: false, portfast: false } },
  management: { vlan: 10, address: "10.0.0.2", mask: "255.255.255.0" },
  defaultGateway: "10.0.0.1",
  vtyTransport: "ssh",
  loggingHosts: ["10.0.0.9"],
  sshLegacyAlgorithms: ["diffie-hellman-group14-sha1"],
};

/** A valid input of each registered type, with every property the schema lists. */
const VALID: Record<string, PropertyMap> = {
  [TOKENS.textFile]: { path: "/tmp/communes-schema-test.txt", content: "Xin chào" },
  [TOKENS.table]: { path: "/ip/address", entries: [{ address: "10.40.7.1/24", interface: "vlan20-staff", comment: "staff" }] },
  [TOKENS.configExport]: { router: "r1", trigger: "0f3c" },
  [TOKENS.switch]: SWITCH,
  [TOKENS.endpoint]: { systemName: "room-1", settings: { "sip.proxy": "10.0.0.5", "sip.enabled": "true" } },
};

describe("the package schema", () => {
  it("has one resource per registered type, each a contract token, and the provider's version", () => {
    expect(Object.keys(schema.resources).sort()).toEqual(resourceTypes.map((t) => t.token).sort());
    for (const token of Object.keys(schema.resources)) expect(Object.values(TOKENS)).toContain(token);
    expect(Object.keys(VALID).sort()).toEqual(Object.keys(schema.resources).sort());
    expect(schema).toMatchObject({ name: "communes", version: "9.9.9" });
  });

  it("lists the provider's configuration keys, with the connections and their passwords secret", () => {
    expect(Object.keys(schema.config.variables).sort()).toEqual(["endpoint", "inventory", "ios", "routeros"]);
    expect(schema.provider.inputProperties).toEqual(schema.config.variables);
    expect(schema.config.variables.routeros).toMatchObject({ $ref: "#/types/communes:index:RouterConnection", secret: true });
    expect(schema.types["communes:index:RouterConnection"]?.properties?.password).toMatchObject({ type: "string", secret: true });
    expect(schema.types["communes:index:SwitchConnection"]?.properties?.enableSecret).toMatchObject({ secret: true });
    expect(schema.types["communes:index:RouterTransport"]?.enum).toEqual([{ value: "api" }, { value: "api-ssl" }, { value: "rest" }]);
  });

  it("defines every type it refers to", () => {
    const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"#\/types\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) expect(Object.keys(schema.types)).toContain(ref);
  });

  describe.each(resourceTypes.map((t) => [t.token, t] as const))("%s", (token, type) => {
    const resource = schema.resources[token]!;
    const valid = VALID[token]!;

    it("check accepts a valid input, every property of which the schema lists", () => {
      const result = type.check(valid);
      expect(result.failures).toBeUndefined();
      expect(Object.keys(valid).sort()).toEqual(Object.keys(resource.inputProperties).sort());
      // What check records as inputs is in the state the schema describes.
      for (const key of Object.keys(result.inputs!)) expect(Object.keys(resource.properties)).toContain(key);
    });

    it("check refuses a property the schema does not list", () => {
      expect(type.check({ ...valid, colour: "red" }).failures).toEqual([{ property: "colour", reason: "unknown property" }]);
    });

    it("check refuses each required input when it is missing", () => {
      expect(resource.requiredInputs.length).toBeGreaterThan(0);
      for (const name of resource.requiredInputs) {
        const { [name]: _gone, ...rest } = valid;
        expect(type.check(rest).failures?.map((f) => f.property)).toEqual([name]);
      }
    });
  });

  it("describes nested values as the switch's check reads them", () => {
    const port = schema.types["communes:switch:PortConfig"]!;
    expect(port.required).toEqual(["mode", "shutdown", "portfast"]);
    expect(schema.resources[TOKENS.switch]!.inputProperties.ports).toMatchObject({ type: "object", additionalProperties: { $ref: "#/types/communes:switch:PortConfig" } });
    const bad = { ...SWITCH, ports: { Gi1: { mode: "access", accessVlan: "30", shutdown: false, portfast: false, speed: "100" } } };
    expect(resourceTypes.find((t) => t.token === TOKENS.switch)!.check(bad).failures).toEqual([
      { property: "ports.Gi1.accessVlan", reason: 'expected an integer, received "30"' },
      { property: "ports.Gi1.speed", reason: "unknown property" },
    ]);
  });
});
