/**
 * Errors about a router's menus, as the provider words them
 * (`router <name> (<host>) /ip/address: could not read the menu: <cause>`), with those that
 * differ only by the menu merged: an unreachable router is one line naming
 * how many menus it left unread, not one line per menu. For the drift
 * report and the preview report alike.
 */
const MENU_ERROR = /^(.+?) (\/[\w/-]+): (.*)$/s;

export function mergeMenuErrors(errors: readonly string[]): string[] {
  const byCause = new Map<string, Array<{ menu: string; error: string }>>();
  for (const error of new Set(errors)) {
    const m = MENU_ERROR.exec(error);
    const cause = m ? `${m[1]}: ${m[3]}` : error;
    byCause.set(cause, [...(byCause.get(cause) ?? []), { menu: m?.[2] ?? "", error }]);
  }
  return [...byCause].map(([cause, found]) => {
    if (found.length === 1) return found[0]!.error;
    return `${cause} (${found.length} menus${found.length <= 3 ? `: ${found.map((f) => f.menu).join(", ")}` : ""})`;
  });
}

