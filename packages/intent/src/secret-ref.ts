/**
 * A value the intent cannot hold because it is a secret: the name of the
 * Pulumi config secret that holds it. The stack program substitutes it.
 */
export const SECRET_PREFIX = "$secret:";

export function secretRef(name: string): string {
  return `${SECRET_PREFIX}${name}`;
}

/** The secret's name a value refers to; undefined for a plain value. */
export function secretOf(value: string): string | undefined {
  return value.startsWith(SECRET_PREFIX) ? value.slice(SECRET_PREFIX.length) : undefined;
}
