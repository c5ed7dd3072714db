/**
 * The routers (by host) whose menus, read by a refresh in this provider
 * process, were found changed on the device since the stack recorded them.
 * `pulumi up --refresh` reads every resource, then diffs them, in one
 * provider process per device: an up that is about to put back what was
 * changed by hand learns here that the router's configuration export is out
 * of date, so a new one is taken before any menu is touched.
 */
const hosts = new Set<string>();

export function noteChangedOnDevice(host: string): void {
  hosts.add(host);
}

export function changedOnDevice(host: string): boolean {
  return hosts.has(host);
}
