/**
 * The lab for one commune's stack: an emulated router, switch and endpoint (Poly by default) on
 * loopback, and the stack configuration that points the commune at them.
 */
import type { ConfigMap } from "@pulumi/pulumi/automation";
import { startLabEndpoint, startLabRouter, startLabSwitch, type LabEndpoint, type LabRouter, type LabSwitch } from "@communes/lab";

/** The SIP password the lab MCU expects from the commune's endpoints. */
export const LAB_SIP_PASSWORD = "lab-sip-password";

export interface CommuneLab {
  router: LabRouter;
  switch: LabSwitch;
  endpoint: LabEndpoint;
  /** Stack configuration for `inventory` (a commune file) against this lab. */
  config(inventory: string): ConfigMap;
  close(): Promise<void>;
}

export async function startCommuneLab(options: { switchHostname: string; endpointName: string; sipUser: string; endpointVendor?: "poly" | "cisco"; routerTls?: boolean }): Promise<CommuneLab> {
  const router = await startLabRouter({ tls: options.routerTls ?? false });
  const sw = await startLabSwitch({ enableSecret: "lab-enable-secret" });
  const endpoint = await startLabEndpoint(options.endpointVendor ?? "poly", { registrar: "mcu.thanhhoa.gov.vn", gatekeeper: "172.16.20.11", sipUsers: { [options.sipUser]: LAB_SIP_PASSWORD } });
  return {
    router,
    switch: sw,
    endpoint,
    config: (inventory) => ({
      inventory: { value: inventory },
      routerHost: { value: router.host },
      routerPort: { value: String(router.port) },
      ...(options.routerTls ? { routerTlsFingerprint: { value: router.fingerprint256 } } : { routerTransport: { value: "api" } }),
      routerPassword: { value: router.password, secret: true },
      switchEndpoints: { value: JSON.stringify({ [options.switchHostname]: { host: sw.host, port: sw.port, hostKeyFingerprint: sw.hostKeyFingerprint } }) },
      switchPassword: { value: sw.password, secret: true },
      switchEnableSecret: { value: "lab-enable-secret", secret: true },
      endpointEndpoints: { value: JSON.stringify({ [options.endpointName]: { host: endpoint.host, port: endpoint.port, tlsFingerprint: endpoint.fingerprint256 } }) },
      endpointPassword: { value: endpoint.password, secret: true },
      sipPassword: { value: LAB_SIP_PASSWORD, secret: true },
      endpointRegistrationTimeoutMs: { value: "3000" },
    }),
    close: async () => {
      await router.close();
      await sw.close();
      await endpoint.close();
    },
  };
}
