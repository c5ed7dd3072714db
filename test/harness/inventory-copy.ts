/** A private copy of the example province (its province.yaml and some communes), for tests to edit. */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { repoRoot } from "./toolchain";

export interface InventoryCopy {
  dir: string;
  province: string;
  /** Paths of the copied commune files, in the order asked. */
  communes: string[];
}

export function copyInventory(...communeFiles: string[]): InventoryCopy {
  const dir = mkdtempSync(path.join(tmpdir(), "communes-inventory-"));
  const province = path.join(dir, "province.yaml");
  cpSync(path.join(repoRoot, "examples/thanh-hoa/province.yaml"), province);
  const communes = communeFiles.map((name) => {
    const target = path.join(dir, "communes", name);
    cpSync(path.join(repoRoot, "examples/thanh-hoa/communes", name), target);
    return target;
  });
  return { dir, province, communes };
}
