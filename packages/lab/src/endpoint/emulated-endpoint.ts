/**
 * What the two emulated videoconference endpoints share: the HTTPS server on
 * loopback with the lab certificate, the test-set faults, the request and
 * reboot counters, the parameter store kept across lab restarts, the check
 * of a value against its value space, and the failed-login lock-out.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import * as https from "node:https";
import { isIP } from "node:net";
import { labCertificate } from "../routeros/lab-certificate";
import { listenOn, type ListenAddress } from "../listen";

export interface EndpointFaults {
  /** Answer every request with 503 (the device is busy or rebooting). */
  unavailable?: boolean;
  /** Delay each answer, in milliseconds. */
  latencyMs?: number;
}

/** Options both emulators take. */
export interface EmulatedEndpointOptions {
  /** The device's clock in milliseconds (default Date.now); tests pass a fake one to pass lock-out times without sleeping. */
  clock?: () => number;
}

/** The values a parameter accepts. */
export type ValueSpace =
  | { kind: "text"; min: number; max: number }
  | { kind: "digits"; max: number }
  | { kind: "int"; min: number; max: number }
  | { kind: "enum"; values: readonly string[]; ref?: string }
  /** "True" or "False", given in any case. */
  | { kind: "bool" }
  /** An IPv4 address (or also IPv6 when `v6`), or "" for none. */
  | { kind: "ip"; v6?: boolean };

export interface ParameterRow {
  name: string;
  space: ValueSpace;
  factory: string;
  /** Read back empty: a password. */
  secret?: boolean;
  /** A change takes effect only after a reboot. */
  reboot?: boolean;
}

/** The value as the device stores it, or undefined when it is outside the value space. */
export function checkValue(space: ValueSpace, value: string): string | undefined {
  switch (space.kind) {
    case "text":
      return value.length >= space.min && value.length <= space.max ? value : undefined;
    case "digits":
      return /^\d*$/.test(value) && value.length <= space.max ? value : undefined;
    case "int":
      return /^-?\d+$/.test(value) && Number(value) >= space.min && Number(value) <= space.max ? String(Number(value)) : undefined;
    case "enum":
      return space.values.includes(value) ? value : undefined;
    case "bool":
      return { true: "True", false: "False" }[value.toLowerCase()];
    case "ip":
      return value === "" || isIP(value) === 4 || (space.v6 === true && isIP(value) === 6) ? value : undefined;
  }
}

/** The outcome of checking one write: the value to store, or why not. */
export type Checked = { ok: true; value: string; row: ParameterRow } | { ok: false; error: "unknown" | "invalid" };

/** Consecutive failed logins lock logins for a while; `attempts` 0 means no limit. */
export class LoginLockout {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly attempts: number,
    private readonly durationMs: number,
    private readonly clock: () => number,
  ) {}

  locked(): boolean {
    return this.clock() < this.lockedUntil;
  }

  /** Counts a failure; the one that reaches the limit starts the lock-out. */
  failed(): void {
    this.failures++;
    if (this.attempts > 0 && this.failures >= this.attempts) {
      this.lockedUntil = this.clock() + this.durationMs;
      this.failures = 0;
    }
  }

  /** Clears the count; the number of failures before this success. */
  succeeded(): number {
    const before = this.failures;
    this.failures = 0;
    return before;
  }
}

export abstract class EmulatedEndpoint {
  private server: https.Server | undefined;
  private readonly rows: ReadonlyMap<string, ParameterRow>;
  /** The parameters by name; tests set values here to simulate a change by hand on the device. */
  readonly params = new Map<string, string>();
  faults: EndpointFaults = {};
  /** Requests received, for call counts. */
  requests = 0;
  reboots = 0;
  protected readonly clock: () => number;
  protected bootedAt: number;

  constructor(
    table: readonly ParameterRow[],
    readonly username: string,
    readonly password: string,
    options: EmulatedEndpointOptions,
  ) {
    this.rows = new Map(table.map((row) => [row.name, row]));
    for (const row of table) this.params.set(row.name, row.factory);
    this.clock = options.clock ?? Date.now;
    this.bootedAt = this.clock();
  }

  /** The settings as the endpoint keeps them across a reboot. */
  saved(): Record<string, string> {
    return Object.fromEntries(this.params);
  }

  /** Boots with saved settings; names this model does not have are left out. */
  restore(saved: Record<string, string>): void {
    for (const [name, value] of Object.entries(saved)) if (this.rows.has(name)) this.params.set(name, value);
  }

  async listen(at: ListenAddress = {}): Promise<number> {
    const { key, cert } = labCertificate();
    this.server = https.createServer({ key, cert }, (req, res) => void this.serve(req, res));
    return listenOn(this.server, at);
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  protected row(name: string): ParameterRow | undefined {
    return this.rows.get(name);
  }

  protected param(name: string): string {
    return this.params.get(name) ?? "";
  }

  protected check(name: string, value: string): Checked {
    const row = this.rows.get(name);
    if (!row) return { ok: false, error: "unknown" };
    const stored = checkValue(row.space, value);
    return stored === undefined ? { ok: false, error: "invalid" } : { ok: true, value: stored, row };
  }

  /** Restarts the device: counts it and resets the uptime; each model adds what a restart clears. */
  protected reboot(): void {
    this.reboots++;
    this.bootedAt = this.clock();
  }

  private async body(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  /** The cookie of that name the request carries. */
  protected cookie(req: IncomingMessage, name: string): string | undefined {
    for (const pair of (req.headers.cookie ?? "").split(";")) {
      const at = pair.indexOf("=");
      if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
    }
    return undefined;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests++;
    if (this.faults.latencyMs) await new Promise((r) => setTimeout(r, this.faults.latencyMs));
    if (this.faults.unavailable) {
      res.writeHead(503).end();
      return;
    }
    await this.handle(req, res, await this.body(req));
  }

  protected abstract handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> | void;
}
