/**
 * What the provider needs from a router, whatever the protocol underneath
 * (the binary API or the REST API). Values are strings, as RouterOS gives them.
 */
export type Row = Record<string, string>;

export interface PrintOptions {
  /** Properties to return (`.proplist`); all when absent. */
  proplist?: readonly string[];
  /** Equality filters, ANDed: `{ name: "ether1" }`. */
  where?: Readonly<Record<string, string>>;
}

export interface RouterOsTransport {
  /** Entries of a menu, e.g. `/ip/address`. */
  print(path: string, options?: PrintOptions): Promise<Row[]>;
  /** Adds an entry; returns its `.id`. */
  add(path: string, values: Readonly<Record<string, string>>): Promise<string>;
  /** Changes an entry (or a singleton menu when `id` is undefined). */
  set(path: string, id: string | undefined, values: Readonly<Record<string, string>>): Promise<void>;
  /** Clears properties of an entry (or a singleton menu) as RouterOS's `unset` does: back to the default, or gone. */
  unset(path: string, id: string | undefined, names: readonly string[]): Promise<void>;
  remove(path: string, id: string): Promise<void>;
  /** Moves entries before `destination` (to the end when absent). */
  move(path: string, ids: readonly string[], destination?: string): Promise<void>;
  close(): Promise<void>;
}
