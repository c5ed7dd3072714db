/** The lock-out guard: the NOC must keep a way to the router's API and SSH. */
import type { RouterContext } from "./context";

export function lockoutProblems({ province, managementSources, managers }: RouterContext): string[] {
  const problems: string[] = [];
  if (managementSources.length === 0) {
    problems.push(
      "no flow of the province's policy reaches the management zone from outside the commune (e.g. `from: noc, to: [management]`): the router's API and SSH would be open to nobody outside the office, and this provisioning would lose the router after the next change",
    );
  }
  for (const s of managementSources) {
    if (!province.destinations.some((d) => d.name === s)) problems.push(`the management flow from ${s} names no destination ${s}`);
  }
  if (managers[4].length === 0) problems.push("the router's management services would accept no IPv4 source at all");
  return problems;
}
