/**
 * Reads a commune office's live devices with the project's own clients:
 * every RouterOS menu the provider knows (the table engine's canonical
 * form), each switch's running configuration, each endpoint's settings.
 * Reads only; any failure is one line naming the device.
 */
import { MENU_TABLES, openTransport, readAuditedMenus, readTable, type AuditReading, type TableState } from "@communes/routeros";
import { openSwitch, readIosConfig, type IosConfig } from "@communes/switch";
import { openEndpoint, SETTINGS, type EndpointSettings } from "@communes/endpoint";
import { endpointReach, routerReach, switchReach, type Credentials, type EndpointAccess, type RouterAccess, type SwitchAccess } from "./device-access";

export type { Credentials };

export interface LiveSwitch {
  access: SwitchAccess;
  config: IosConfig;
}

export interface LiveEndpoint {
  access: EndpointAccess;
  settings: EndpointSettings;
}

/** What the office's devices hold. */
export interface LiveOffice {
  router: { access: RouterAccess; tables: Record<string, TableState>; audited: AuditReading };
  switches: LiveSwitch[];
  endpoints: LiveEndpoint[];
}

/** A device that could not be read: the message names it. */
export class DeviceReadError extends Error {}

function where(host: string, port: number | undefined): string {
  return port ? `${host}:${port}` : host;
}

/** Every menu the provider knows, and the audited menus (users, scheduler, scripts…) no inventory describes. */
export async function readRouter(access: RouterAccess, credentials: Credentials): Promise<{ tables: Record<string, TableState>; audited: AuditReading }> {
  const transport = openTransport(routerReach(access, credentials));
  const tables: Record<string, TableState> = {};
  let audited: AuditReading;
  try {
    for (const table of MENU_TABLES) tables[table.path] = (await readTable(transport, table)).state;
    audited = await readAuditedMenus(transport);
  } catch (err) {
    throw new DeviceReadError(`router ${where(access.host, access.port)}: ${(err as Error).message}`);
  } finally {
    await transport.close().catch(() => undefined);
  }
  return { tables, audited };
}

export async function readSwitch(access: SwitchAccess, credentials: Credentials): Promise<IosConfig> {
  const device = `switch ${where(access.host, access.port)}`;
  try {
    const session = await openSwitch(device, switchReach(access, credentials));
    try {
      return await readIosConfig(session);
    } finally {
      await session.close();
    }
  } catch (err) {
    const message = (err as Error).message;
    throw new DeviceReadError(message.startsWith(device) ? message : `${device}: ${message}`);
  }
}

export async function readEndpoint(access: EndpointAccess, credentials: Credentials): Promise<EndpointSettings> {
  const device = `endpoint ${where(access.host, access.port)}`;
  const driver = openEndpoint(device, endpointReach(access, credentials));
  try {
    return await driver.read(SETTINGS);
  } catch (err) {
    const message = (err as Error).message;
    throw new DeviceReadError(message.startsWith(device) ? message : `${device}: ${message}`);
  } finally {
    await driver.close().catch(() => undefined);
  }
}
