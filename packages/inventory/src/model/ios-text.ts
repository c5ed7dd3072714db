/**
 * Text as an IOS switch receives it. IOS names and descriptions are ASCII:
 * diacritics are dropped, đ becomes d, anything else outside printable
 * ASCII goes. The switch intent writes descriptions through this, and the
 * length check measures what it writes.
 */
export function iosText(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D")).replace(/[^\x20-\x7e]/g, "");
}

/**
 * The longest interface description IOS keeps: 240 characters (IOS 15 on
 * the Catalyst 2960-X; see docs/inventory.md for the source and its limits).
 */
export const IOS_DESCRIPTION_MAX = 240;
