import { describe, expect, it } from "vitest";
import { needsGuard, pulumiSubcommand, stackArgument } from "./inventory-guard";

describe("which communes pulumi runs validate the inventory first", () => {
  it("up and preview (and their aliases), wherever the global flags put them", () => {
    expect(needsGuard(["up", "--refresh", "--stack", "x"])).toBe(true);
    expect(needsGuard(["preview", "--refresh"])).toBe(true);
    expect(needsGuard(["update"])).toBe(true);
    expect(needsGuard(["pre"])).toBe(true);
    expect(pulumiSubcommand(["--color", "never", "up"])).toBe("up");
    expect(needsGuard(["-C", "../other", "--verbose", "3", "preview"])).toBe(true);
  });

  it("not help, and not the commands that do not run the program", () => {
    expect(needsGuard(["up", "--help"])).toBe(false);
    expect(needsGuard(["preview", "-h"])).toBe(false);
    expect(needsGuard(["stack", "ls"])).toBe(false);
    expect(needsGuard(["config", "set", "x", "up"])).toBe(false);
    expect(needsGuard(["refresh"])).toBe(false);
    expect(needsGuard(["version"])).toBe(false);
  });

  it("finds the stack in each way Pulumi takes it", () => {
    expect(stackArgument(["up", "--stack", "thieu-trung"])).toBe("thieu-trung");
    expect(stackArgument(["up", "--stack=thieu-trung"])).toBe("thieu-trung");
    expect(stackArgument(["up", "-s", "thieu-trung"])).toBe("thieu-trung");
    expect(stackArgument(["up", "-sthieu-trung"])).toBe("thieu-trung");
    expect(stackArgument(["up", "--refresh"])).toBeUndefined();
  });
});
