/**
 * The make of each meeting-room endpoint, which decides its native
 * parameters. The engine does not record it on the endpoint (it is part of
 * the secret connection settings), so it comes from the commune's inventory,
 * the file the stack's `inventory` setting names.
 */
import * as path from "node:path";
import { discover, loadInventory } from "@communes/inventory";
import { COMMUNE_PROJECT } from "../pulumi/pulumi-cli";
import type { Vendor } from "./native-endpoint";
import type { PreviewJson } from "./preview-json";

/** Endpoint system name → make; empty when the inventory cannot be read. */
export function endpointVendors(preview: PreviewJson): Map<string, Vendor> {
  const file = preview.config?.["commune:inventory"];
  if (!file) return new Map();
  const { targets, errors } = discover([path.resolve(COMMUNE_PROJECT, file)]);
  if (errors.length > 0 || !targets[0]) return new Map();
  const target = targets[0];
  const commune = loadInventory(target).communes.find((c) => target.requested.has(c.file));
  return new Map((commune?.endpoints ?? []).map((e) => [e.systemName, e.vendor]));
}
