/**
 * The lab for one commune's stack in tests: the lab package's commune lab,
 * made from the example Thiệu Trung (or another example commune), with its
 * stack configuration in the Automation API's shape.
 */
import type { ConfigMap } from "@pulumi/pulumi/automation";
import { startCommuneLab as startLab, type CommuneLabOptions, type LabEndpoint, type LabRouter, type LabSwitch } from "@communes/lab";

export interface CommuneLab {
  router: LabRouter;
  switch: LabSwitch;
  /** The first endpoint of the inventory. */
  endpoint: LabEndpoint;
  /** Every endpoint, by system name. */
  endpoints: Record<string, LabEndpoint>;
  /** Stack configuration for `inventory` (a commune file) against this lab. */
  config(inventory: string): ConfigMap;
  close(): Promise<void>;
}

/** `example`: a file of examples/thanh-hoa/communes, whose devices the lab emulates. */
export async function startCommuneLab(example = "thieu-trung.yaml", options: CommuneLabOptions = {}): Promise<CommuneLab> {
  const lab = await startLab(`examples/thanh-hoa/communes/${example}`, options);
  return {
    router: lab.router,
    switch: Object.values(lab.switches)[0]!,
    endpoint: Object.values(lab.endpoints)[0]!,
    endpoints: lab.endpoints,
    config: (inventory) => lab.config(inventory),
    close: () => lab.close(),
  };
}
