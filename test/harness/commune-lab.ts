/**
 * The lab for one commune's stack: an emulated router and switch on
 * loopback, and the stack configuration that points the commune at them.
 */
import type { ConfigMap } from "@pulumi/pulumi/automation";
import { startLabRouter, startLabSwitch, type LabRouter, type LabSwitch } from "@communes/lab";

export interface CommuneLab {
  router: LabRouter;
  switch: LabSwitch;
  /** Stack configuration for `inventory` (a commune file) against this lab. */
  config(inventory: string): ConfigMap;
  close(): Promise<void>;
}

export async function startCommuneLab(options: { switchHostname: string; routerTls?: boolean }): Promise<CommuneLab> {
  const router = await startLabRouter({ tls: options.routerTls ?? false });
  const sw = await startLabSwitch({ enableSecret: "lab-enable-secret" });
  return {
    router,
    switch: sw,
    config: (inventory) => ({
      inventory: { value: inventory },
      routerHost: { value: router.host },
      routerPort: { value: String(router.port) },
      ...(options.routerTls ? { routerTlsFingerprint: { value: router.fingerprint256 } } : { routerTransport: { value: "api" } }),
      routerPassword: { value: router.password, secret: true },
      switchEndpoints: { value: JSON.stringify({ [options.switchHostname]: { host: sw.host, port: sw.port, hostKeyFingerprint: sw.hostKeyFingerprint } }) },
      switchPassword: { value: sw.password, secret: true },
      switchEnableSecret: { value: "lab-enable-secret", secret: true },
    }),
    close: async () => {
      await router.close();
      await sw.close();
    },
  };
}
