import { afterEach, describe, expect, it } from "vitest";
import { cutShortAdvice, interruptionWatcher } from "./interrupted-run";

const backend = process.env.PULUMI_BACKEND_URL;
afterEach(() => {
  if (backend === undefined) delete process.env.PULUMI_BACKEND_URL;
  else process.env.PULUMI_BACKEND_URL = backend;
});

describe("an interrupted run, from Pulumi's words", () => {
  it("finds the lock in a phrase cut between two chunks and names the stack in what to run", () => {
    const seen = interruptionWatcher();
    seen.read("error: the stack is currently lo");
    seen.read("cked by 1 lock(s). Either wait for the other process(es) to end");
    expect(seen.advice("thieu-trung")).toContain("communes pulumi cancel --yes --stack thieu-trung");
  });

  it("a state cut short comes first, with the file backend's own copy to restore", () => {
    process.env.PULUMI_BACKEND_URL = "file:///srv/state?no_tmp_dir=true";
    const seen = interruptionWatcher();
    seen.read("error: the stack is currently locked by 1 lock(s).\nerror: failed to load checkpoint: EOF\n");
    expect(seen.advice("x")).toBe(cutShortAdvice("x"));
    expect(cutShortAdvice("x")).toContain("cp /srv/state/.pulumi/stacks/commune/x.json.bak /srv/state/.pulumi/stacks/commune/x.json");
    process.env.PULUMI_BACKEND_URL = "postgres://db/state";
    expect(cutShortAdvice("x")).toContain("pulumi stack import --file");
  });

  it("says nothing for an ordinary failure", () => {
    const seen = interruptionWatcher();
    seen.read("error: update failed\n");
    expect(seen.advice("x")).toBeUndefined();
  });
});
