/** A plugin whose engine is killed exits by itself, within seconds. */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const plugin = path.resolve(__dirname, "../bin/pulumi-resource-communes");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the provider plugin", () => {
  it("exits when the process that started it is killed with SIGKILL", { timeout: 20_000 }, async () => {
    // A stand-in engine: a shell that starts the plugin, prints its pid, and waits.
    const engine = spawn("bash", ["-c", `"${plugin}" 127.0.0.1:1 & echo "pid $!"; wait`], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    engine.stdout.on("data", (d: Buffer) => (out += d.toString()));
    // The plugin is up once it has printed its port.
    while (!/pid \d+\n\d+\n/.test(out)) await new Promise((r) => setTimeout(r, 50));
    const pid = Number(/pid (\d+)/.exec(out)![1]);
    expect(alive(pid)).toBe(true);
    engine.kill("SIGKILL");
    engine.stdout.destroy();
    const killedAt = Date.now();
    while (alive(pid) && Date.now() - killedAt < 10_000) await new Promise((r) => setTimeout(r, 100));
    const survived = alive(pid);
    if (survived) process.kill(pid, "SIGKILL");
    expect(survived).toBe(false);
  });
});
