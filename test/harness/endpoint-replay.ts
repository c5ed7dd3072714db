/**
 * A replay of recorded endpoint exchanges: an HTTPS server on loopback that
 * answers each request with the recorded response whose request it matches
 * (method, path, required headers, and the body — JSON compared as data with
 * lists in any order, XML compared as parsed documents). A request without
 * the credentials a recording's `refusal` names gets the device's refusal
 * (Poly's 403 without its session and token, Cisco's 401); any other request
 * no recording matches gets HTTP 599 and a place in `unmatched`, so a driver
 * that speaks anything but the recorded protocol fails.
 *
 * Recordings live in test/fixtures/recorded/<family>/<name>.json; each names
 * its sources (the ids of docs/videoconference.md's sources table).
 */
import { isDeepStrictEqual } from "node:util";
import { readFileSync } from "node:fs";
import * as https from "node:https";
import * as path from "node:path";
import type { AddressInfo } from "node:net";
import type { IncomingMessage } from "node:http";
import { XMLParser } from "fast-xml-parser";
import { labCertificate } from "@communes/lab";

interface RecordedRequest {
  method: string;
  path: string;
  /** Header → the value it must contain. */
  headers?: Record<string, string>;
  json?: unknown;
  /** Top-level JSON keys the device is known to ignore, dropped before comparing. */
  ignoring?: string[];
  xml?: string;
}

interface RecordedResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  json?: unknown;
  text?: string;
}

export interface Exchange {
  request: RecordedRequest;
  response: RecordedResponse;
}

export interface Recording {
  sources: string[];
  software: string;
  /** Which parts are as recorded and which are this project's values or inferred. */
  note: string;
  exchanges: Exchange[];
  /** What the device answers a request without these credentials (header → the value it must contain). */
  refusal?: { unless: Record<string, string>; response: RecordedResponse };
}

const RECORDED = path.join(__dirname, "..", "fixtures", "recorded");
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, trimValues: true });

export function loadRecording(family: "poly" | "cisco", name: string): Recording {
  return JSON.parse(readFileSync(path.join(RECORDED, family, `${name}.json`), "utf8")) as Recording;
}

/** Lists compared as multisets: a driver may ask for parameters in any order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  return value;
}

function without(value: unknown, keys: readonly string[]): unknown {
  return value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k))) : value;
}

function bodyMatches(want: RecordedRequest, body: string): boolean {
  try {
    if (want.json !== undefined) return isDeepStrictEqual(canonical(without(JSON.parse(body), want.ignoring ?? [])), canonical(want.json));
    if (want.xml !== undefined) return isDeepStrictEqual(canonical(xml.parse(body)), canonical(xml.parse(want.xml)));
  } catch {
    return false;
  }
  return true;
}

function carries(req: IncomingMessage, headers: Readonly<Record<string, string>>): boolean {
  return Object.entries(headers).every(([name, value]) => String(req.headers[name.toLowerCase()] ?? "").includes(value));
}

function matches(want: RecordedRequest, req: IncomingMessage, body: string): boolean {
  return want.method === req.method && want.path === req.url && carries(req, want.headers ?? {}) && bodyMatches(want, body);
}

export interface Replay {
  host: string;
  port: number;
  fingerprint256: string;
  /** Requests no recording matched: method, path and body. */
  unmatched: string[];
  close(): Promise<void>;
}

export async function startReplay(recordings: readonly Recording[]): Promise<Replay> {
  const exchanges = recordings.flatMap((r) => r.exchanges);
  const refusal = recordings.find((r) => r.refusal)?.refusal;
  const unmatched: string[] = [];
  const { key, cert, fingerprint256 } = labCertificate();
  const server = https.createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const found = exchanges.find((e) => matches(e.request, req, body))?.response;
      const refused = !found && refusal && !carries(req, refusal.unless) ? refusal.response : undefined;
      if (!found && !refused) unmatched.push(`${req.method} ${req.url} ${body}`);
      const answer = found ?? refused ?? { status: 599, text: "replay: no recorded exchange matches this request" };
      const text = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? "");
      res.writeHead(answer.status, { ...(answer.json !== undefined ? { "content-type": "application/json" } : {}), ...answer.headers }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    host: "127.0.0.1",
    port: (server.address() as AddressInfo).port,
    fingerprint256,
    unmatched,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
