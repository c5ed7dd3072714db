/**
 * The string formats of the schemas, checked with real parsers. Each returns
 * why a value is wrong, so error messages can say more than "invalid".
 */
import { parseAddress, parseInterface, parsePrefix } from "../addressing/cidr";

const HOSTNAME_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

type Check = (value: string) => string | undefined;

const reason = <T>(parsed: { ok: true; value: T } | { ok: false; reason: string }) => (parsed.ok ? undefined : parsed.reason);

export const formats: Record<string, Check> = {
  "ipv4-address": (v) => reason(parseAddress(v, 4)),
  "ipv6-address": (v) => reason(parseAddress(v, 6)),
  "ip-address": (v) => reason(parseAddress(v)),
  "ipv4-prefix": (v) => reason(parsePrefix(v, 4)),
  "ipv6-prefix": (v) => reason(parsePrefix(v, 6)),
  "ip-prefix": (v) => reason(parsePrefix(v)),
  "ipv4-interface": (v) => reason(parseInterface(v, 4)),
  "ipv6-interface": (v) => reason(parseInterface(v, 6)),
  host: (v) => {
    if (parseAddress(v).ok) return undefined;
    const labels = v.split(".");
    if (v.length <= 253 && labels.every((label) => HOSTNAME_LABEL.test(label)) && !/^[0-9.]+$/.test(v)) return undefined;
    return `${JSON.stringify(v)} is neither a host name nor an IP address`;
  },
};

/** Why `value` does not match `format`, or undefined when it does. */
export function formatProblem(format: string, value: string): string | undefined {
  return formats[format]?.(value);
}
