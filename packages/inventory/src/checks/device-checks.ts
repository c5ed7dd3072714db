/**
 * Checks of one commune's devices against what their hardware and software
 * take: the router's ports (one line or trunk each, the model's ports, the
 * dedicated line's rate within its port's speed), the switch ports (full
 * IOS names, ports the model has, descriptions IOS keeps whole), the
 * endpoints' zone.
 */
import type { Finding, PropertyPath } from "../diagnostic";
import { iosText, IOS_DESCRIPTION_MAX } from "../model/ios-text";
import type { CommuneModel, ProvinceModel } from "../model/model";
import { expandPorts, isBackwardsRange } from "../model/ports";
import { assumedSpeedMbps, routerModel } from "../model/router-ports";
import { describeModelPorts, fullInterfaceName, hasFullType, IOS_INTERFACE_TYPES, modelPorts, switchModel } from "../model/switch-models";

/** The zone every videoconference endpoint is in. */
export const ENDPOINT_ZONE = "meeting_room";

export function checkDevices(p: ProvinceModel, c: CommuneModel): Finding[] {
  const findings: Finding[] = [];
  const at = (path: PropertyPath, message: string): void => void findings.push({ file: c.file, path, message });

  // Router: the trunk and the two lines each on their own interface, all of them ports the model has.
  const { dedicated, internet } = c.uplinks;
  const trunkPath = c.router.trunkDefaulted ? undefined : ["router", "trunk"];
  const trunkName = `the trunk to the switch (router.trunk${c.router.trunkDefaulted ? `, default ${c.router.trunk}` : ""})`;
  if (c.router.trunk === dedicated.interface || c.router.trunk === internet.interface) {
    const line = c.router.trunk === dedicated.interface ? "dedicated" : "internet";
    const lineName = line === "dedicated" ? "the dedicated line (uplinks.dedicated.interface)" : "the Internet line (uplinks.internet.interface)";
    if (trunkPath) at(trunkPath, `${c.router.trunk} already carries ${lineName}; the trunk to the switch needs an interface of its own, or every zone would be bridged onto that line`);
    else at(["uplinks", line, "interface"], `${c.router.trunk} is ${trunkName}; give this line another interface, or set router.trunk to the switch's port`);
  }
  const model = routerModel(c.router.model);
  const routerPorts: Array<[name: string, path: PropertyPath | undefined, what: string]> = [
    [dedicated.interface, ["uplinks", "dedicated", "interface"], "the dedicated line"],
    [internet.interface, ["uplinks", "internet", "interface"], "the Internet line"],
    [c.router.trunk, trunkPath, "the trunk"],
  ];
  if (model) {
    for (const [name, path, what] of routerPorts) {
      if (model.ports.some((p) => p.name === name)) continue;
      const where = path ?? ["router", "model"];
      at(where, `the ${model.model} has no interface ${name}${path ? "" : ` for ${what} (router.trunk defaults to ${name})`}; its ports are ${model.ports.map((p) => p.name).join(", ")}`);
    }
  }
  // The committed rate of the dedicated line: no more than its port carries.
  const port = model?.ports.find((p) => p.name === dedicated.interface);
  const speedMbps = port?.speedMbps ?? (model ? undefined : assumedSpeedMbps(dedicated.interface));
  if (speedMbps !== undefined && dedicated.bandwidthMbps > speedMbps) {
    const speed = port ? `the speed of ${dedicated.interface} on the ${model!.model}, ${speedMbps} Mb/s` : `${speedMbps} Mb/s, the speed assumed for ${dedicated.interface} (its router.model is not one the inventory knows; see docs/inventory.md)`;
    const rate = `the committed rate ${dedicated.bandwidthMbps} Mb/s`;
    if (!dedicated.bandwidthDefaulted) at(["uplinks", "dedicated", "bandwidthMbps"], `${rate} is above ${speed}`);
    else if (c.settings.dedicatedLine.bandwidthMbps !== p.defaults.dedicatedLine.bandwidthMbps) at(["overrides", "dedicatedLine", "bandwidthMbps"], `${rate} of the dedicated line on ${dedicated.interface} is above ${speed}`);
    else at(["uplinks", "dedicated", "interface"], `${rate} (the province's defaults.dedicatedLine.bandwidthMbps) is above ${speed}`);
  }

  // Switch ports: full IOS names, ports the model has, switchports only, descriptions IOS keeps whole.
  c.switches.forEach((sw, si) => {
    const hw = switchModel(sw.model);
    const ports = hw ? modelPorts(hw) : undefined;
    sw.ports.forEach((entry, ei) => {
      entry.ports.forEach((spec, pi) => {
        const path = ["switches", si, "ports", ei, "ports", pi];
        if (!hasFullType(spec)) {
          const full = fullInterfaceName(spec);
          at(path, full ? `${spec} is abbreviated; write the full IOS name ${full}, as the switch's configuration names it` : `${JSON.stringify(spec)} is not an IOS interface name; types are ${IOS_INTERFACE_TYPES.join(", ")}`);
          return;
        }
        if (!ports || isBackwardsRange(spec)) return;
        const names = expandPorts(spec);
        const missing = names.filter((n) => !ports.has(n));
        if (missing.length > 0) {
          at(path, `the ${hw!.model} has no ${missing.length === names.length && names.length > 1 ? `ports ${spec}` : missing.join(", ")}; its ports are ${describeModelPorts(hw!)}`);
          return;
        }
        const management = names.filter((n) => ports.get(n) === "management");
        if (management.length > 0 && entry.role !== "unused") {
          at(path, `${management.join(", ")} is the ${hw!.model}'s management port, a routed port, not a switchport; it cannot be ${entry.role === "trunk" ? "a trunk" : "an access port"}`);
        }
      });
      if (entry.description !== undefined) {
        const sent = iosText(entry.description);
        if (sent.length > IOS_DESCRIPTION_MAX) {
          at(["switches", si, "ports", ei, "description"], `the description is ${sent.length} characters as the switch receives it (ASCII, diacritics dropped); IOS keeps at most ${IOS_DESCRIPTION_MAX}`);
        }
      }
    });
  });

  // Endpoints: in the meeting-room zone, whose VLAN, DSCP marking and flow to the MCU are theirs.
  c.endpoints.forEach((ep, i) => {
    if (ep.zone === ENDPOINT_ZONE) return;
    at(["endpoints", i, "zone"], `${JSON.stringify(ep.zone)} is not allowed: videoconference endpoints are in the ${ENDPOINT_ZONE} zone (its VLAN, DSCP marking and flow to the MCU); write ${ENDPOINT_ZONE} or leave zone out`);
  });
  return findings;
}
