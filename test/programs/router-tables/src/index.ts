import * as pulumi from "@pulumi/pulumi";
import { Provider, RouterOsTable } from "@communes/provider";

const config = new pulumi.Config();
const transport = config.require("transport") as "api" | "api-ssl" | "rest";
const provider = new Provider("router", {
  routeros: {
    host: "127.0.0.1",
    port: config.requireNumber("port"),
    transport,
    username: config.require("username"),
    password: config.requireSecret("password"),
    ...(transport === "api" ? {} : { tlsFingerprint: config.require("tlsFingerprint") }),
  },
});
const commune = config.get("commune") ?? "Thiệu Trung";
/** Limits the API service the stack uses to these prefixes: the reusable tables have no lock-out guard. */
const apiFrom = config.get("apiFrom");
/** "any": the staff rule stops matching on its interface (the matcher is cleared on the router, not emptied). */
const staffFrom = config.get("staffFrom") ?? "vlan-staff";

new RouterOsTable("identity", { path: "/system/identity", entries: [{ name: `UBND xã ${commune}` }] }, { provider });
const bridge = new RouterOsTable("bridge", { path: "/interface/bridge", entries: [{ name: "bridge", "vlan-filtering": "yes" }] }, { provider });
const vlans = new RouterOsTable(
  "vlans",
  {
    path: "/interface/vlan",
    entries: [
      { name: "vlan-staff", "vlan-id": "20", interface: "bridge", comment: "Mạng cán bộ, công chức" },
      { name: "vlan-meeting", "vlan-id": "40", interface: "bridge", comment: "Phòng họp trực tuyến" },
    ],
  },
  { provider, dependsOn: bridge },
);
new RouterOsTable(
  "addresses",
  {
    path: "/ip/address",
    entries: [
      { address: "10.40.7.1/24", interface: "vlan-staff" },
      { address: "10.38.128.225/27", interface: "vlan-meeting" },
    ],
  },
  { provider, dependsOn: vlans },
);
new RouterOsTable(
  "filter",
  {
    path: "/ip/firewall/filter",
    entries: [
      { chain: "forward", "connection-state": "established,related", comment: "communes: established" },
      { chain: "forward", ...(staffFrom === "any" ? {} : { "in-interface": staffFrom }), comment: "communes: staff out" },
      { chain: "forward", action: "drop", comment: "communes: drop the rest" },
    ],
  },
  { provider, dependsOn: vlans },
);
if (apiFrom) new RouterOsTable("services", { path: "/ip/service", entries: [{ name: transport === "rest" ? "www-ssl" : transport, address: apiFrom }] }, { provider });
