/**
 * A replay of a recorded CLI session: an SSH server on loopback that plays
 * a transcript back, step by step, as the device printed it. A transcript is
 * the session as a terminal log shows it (test/fixtures/recorded/ios/, sources
 * in its README): a line that starts with a prompt (`sw1>`, `sw1#`,
 * `sw1(config-if)#`) holds what was typed after it; the lines up to the next
 * prompt are the device's answer; a `Password: ` line ends an answer and the
 * next input is not echoed (a secret, which the replay does not check: the
 * transcript says what the device answered). `@include FILE` stands for the
 * lines of test/fixtures/ios/FILE (the real-format outputs the parser's
 * golden tests use).
 *
 * Every input must be the next recorded one, byte for byte; anything else
 * is answered with IOS's invalid-input error and listed in `unmatched`, and
 * a session that stops before the transcript's end leaves steps in
 * `remaining`, so a driver that sends anything but the recorded session, or
 * skips part of it, fails.
 */
import { readFileSync } from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { IOS_SSH_ALGORITHMS, IOS_SSH_IDENT, labHostKey, labHostKeyFingerprint } from "@communes/lab";
import { Server, type ServerChannel } from "ssh2";

const RECORDED = path.join(__dirname, "..", "fixtures", "recorded", "ios");
const OUTPUTS = path.join(__dirname, "..", "fixtures", "ios");
const PROMPT = /^([A-Za-z0-9._-]+(?:\([a-z-]+\))?[>#])(.*)$/;
const PASSWORD = "Password: ";

interface Step {
  /** What is typed; undefined for a secret (not echoed, not checked). */
  input?: string;
  /** What the device prints after the echo, up to and including the next prompt. */
  answer: string;
}

export interface Transcript {
  greeting: string;
  steps: Step[];
}

function lines(file: string): string[] {
  return readFileSync(file, "utf8")
    .replace(/\n$/, "")
    .split("\n")
    .flatMap((line) => (line.startsWith("@include ") ? lines(path.join(OUTPUTS, line.slice("@include ".length).trim())) : [line]));
}

/** Reads test/fixtures/recorded/ios/NAME.txt into the steps a replay plays. */
export function loadTranscript(name: string): Transcript {
  const all = lines(path.join(RECORDED, `${name}.txt`));
  const first = all.findIndex((l) => PROMPT.test(l));
  if (first < 0) throw new Error(`${name}.txt has no prompt`);
  const crlf = (ls: readonly string[]) => ls.map((l) => `${l}\r\n`).join("");
  const steps: Step[] = [];
  let i = first;
  while (i < all.length) {
    const [, , input] = PROMPT.exec(all[i]!)!;
    let j = i + 1;
    while (j < all.length && !PROMPT.test(all[j]!)) j++;
    const nextPrompt = j < all.length ? PROMPT.exec(all[j]!)![1]! : "";
    // The answer, cut at each password prompt: what follows one is the answer to the secret typed there.
    const parts: string[][] = [[]];
    for (const line of all.slice(i + 1, j)) {
      if (line === PASSWORD) parts.push([]);
      else parts.at(-1)!.push(line);
    }
    const prompted = parts.length - 1;
    // A transcript that ends at a password prompt: the client hung up there.
    if (j === all.length && prompted > 0 && parts.at(-1)!.length === 0) parts.pop();
    parts.forEach((part, k) => {
      const answer = (k === 0 ? "" : "\r\n") + crlf(part) + (k < prompted ? PASSWORD : nextPrompt);
      steps.push(k === 0 ? { input: input!, answer } : { answer });
    });
    i = j;
  }
  return { greeting: crlf(all.slice(0, first)) + PROMPT.exec(all[first]!)![1]!, steps };
}

export interface CliReplay {
  host: string;
  port: number;
  username: string;
  password: string;
  hostKeyFingerprint: string;
  /** Inputs that were not the next recorded one. */
  unmatched: string[];
  /** Recorded steps never reached. */
  remaining(): number;
  close(): Promise<void>;
}

/** Plays one transcript to one shell session, with classic IOS's SSH offer (the lab's `ios-15` family). */
export async function startCliReplay(name: string): Promise<CliReplay> {
  const transcript = loadTranscript(name);
  const username = "communes";
  const password = "replay-password";
  const unmatched: string[] = [];
  let next = 0;
  const server = new Server({ hostKeys: [labHostKey("ios")], ident: IOS_SSH_IDENT, algorithms: IOS_SSH_ALGORITHMS["ios-15"] }, (client) => {
    client.on("error", () => client.end());
    client.on("authentication", (ctx) => (ctx.method === "password" && ctx.username === username && ctx.password === password ? ctx.accept() : ctx.reject(["password"])));
    client.on("ready", () =>
      client.on("session", (accept) => {
        const session = accept();
        session.on("pty", (ok) => ok?.());
        session.on("shell", (ok) => play(ok()));
      }),
    );
  });

  function play(channel: ServerChannel): void {
    channel.write(transcript.greeting);
    let prompt = transcript.greeting.split("\r\n").at(-1)!;
    let line = "";
    channel.on("data", (data: Buffer) => {
      for (const ch of data.toString("utf8")) {
        if (ch === "\n" && line === "") continue;
        if (ch !== "\r" && ch !== "\n") {
          line += ch;
          continue;
        }
        const typed = line;
        line = "";
        const step = transcript.steps[next];
        if (!step) {
          if (typed !== "exit") unmatched.push(`after the end: ${JSON.stringify(typed)}`);
          channel.end();
          return;
        }
        if (step.input !== undefined && step.input !== typed) {
          unmatched.push(`step ${next + 1}: ${JSON.stringify(typed)} where the recording has ${JSON.stringify(step.input)}`);
          channel.write(`${typed}\r\n% Invalid input detected at '^' marker.\r\n\r\n${prompt}`);
          continue;
        }
        next++;
        prompt = step.answer.split("\r\n").at(-1)!;
        channel.write(`${step.input ?? ""}${step.input !== undefined ? "\r\n" : ""}${step.answer}`);
        if (next === transcript.steps.length && step.input === "exit") channel.end();
      }
    });
  }

  const sockets = new Set<net.Socket>();
  const listener = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.setNoDelay(true);
    server.injectSocket(socket);
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  return {
    host: "127.0.0.1",
    port: (listener.address() as net.AddressInfo).port,
    username,
    password,
    hostKeyFingerprint: labHostKeyFingerprint("ios"),
    unmatched,
    remaining: () => transcript.steps.length - next,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        listener.close(() => resolve());
      }),
  };
}
