/** Switch port lists: `GigabitEthernet1/0/2-12` stands for eleven ports. */

/** The ports a spec names, in order; a range runs on the last number. */
export function expandPorts(spec: string): string[] {
  const match = /^(.*?)(\d+)-(\d+)$/.exec(spec);
  if (!match) return [spec];
  const [, stem, from, to] = match;
  const out: string[] = [];
  for (let n = Number(from); n <= Number(to); n++) out.push(`${stem}${n}`);
  return out;
}

/** A range written backwards (`Gi1/0/12-2`) names no port: say so rather than skip it. */
export function isBackwardsRange(spec: string): boolean {
  const match = /(\d+)-(\d+)$/.exec(spec);
  return match !== null && Number(match[1]) > Number(match[2]);
}
