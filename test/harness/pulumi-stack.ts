/**
 * End-to-end harness: a temporary stack of one of the project's Pulumi
 * programs, on a throw-away local file backend, driven through the Automation
 * API with the project's own CLI (never `PulumiCommand.install()`). Each
 * operation returns what the engine reported, structured for assertions.
 */
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import {
  LocalWorkspace,
  PulumiCommand,
  type ConfigMap,
  type DiagnosticEvent,
  type EngineEvent,
  type OpType,
  type PropertyDiff,
  type Stack,
} from "@pulumi/pulumi/automation";
import { startEgressGuard, type EgressGuard } from "./egress-guard";
import { pulumiEnvFile, pulumiRoot, toolchainPath } from "./toolchain";

/** One step the engine planned or took for a resource. */
export interface Step {
  op: OpType;
  urn: string;
  /** Type token, e.g. `communes:lab:TextFile`. */
  type: string;
  /** Property paths the engine reports as changed, with their kind. */
  detailedDiff: Record<string, PropertyDiff>;
}

export interface RunResult {
  /** The engine's summary: how many resources per operation (`create`, `same`…). */
  changes: Record<string, number>;
  /** Steps announced before they run, in order (the preview's rows). */
  steps: Step[];
  /** Steps as completed, with the diff against the new state (e.g. drift found by refresh). */
  outcomes: Step[];
  diagnostics: DiagnosticEvent[];
  /** The CLI's human-readable output, as a reviewer would read it. */
  stdout: string;
}

export interface StackOptions {
  /** Directory holding the program's Pulumi.yaml. */
  projectDir: string;
  /** Stack configuration; `{ value, secret: true }` entries are stored encrypted. */
  config?: ConfigMap;
}

function toStep(metadata: { op: OpType; urn: string; type: string; detailedDiff?: Record<string, PropertyDiff> }): Step {
  return { op: metadata.op, urn: metadata.urn, type: metadata.type, detailedDiff: metadata.detailedDiff ?? {} };
}

/** Resources the run would change or changed: every operation but `same`. */
export function changeCount(result: RunResult): number {
  return Object.entries(result.changes)
    .filter(([op]) => op !== "same")
    .reduce((sum, [, n]) => sum + n, 0);
}

class Recorder {
  readonly steps: Step[] = [];
  readonly outcomes: Step[] = [];
  readonly diagnostics: DiagnosticEvent[] = [];
  changes: Record<string, number> = {};
  stdout = "";

  readonly onEvent = (event: EngineEvent): void => {
    if (event.resourcePreEvent) this.steps.push(toStep(event.resourcePreEvent.metadata));
    if (event.resOutputsEvent) this.outcomes.push(toStep(event.resOutputsEvent.metadata));
    if (event.diagnosticEvent) this.diagnostics.push(event.diagnosticEvent);
    if (event.summaryEvent) this.changes = { ...event.summaryEvent.resourceChanges } as Record<string, number>;
  };

  readonly onOutput = (text: string): void => {
    this.stdout += text;
  };

  result(): RunResult {
    return {
      changes: this.changes,
      steps: this.steps,
      outcomes: this.outcomes,
      diagnostics: this.diagnostics,
      stdout: this.stdout,
    };
  }
}

export class TestStack {
  private constructor(
    readonly stack: Stack,
    private readonly stateDir: string,
    /** Hosts outside this machine that Pulumi tried to reach (should stay empty). */
    readonly egress: EgressGuard,
    /** The environment every Pulumi command of this stack needs (backend, home, passphrase, toolchain). */
    readonly env: Readonly<Record<string, string>>,
  ) {}

  static async create(options: StackOptions): Promise<TestStack> {
    const stateDir = await mkdtemp(path.join(tmpdir(), "communes-e2e-"));
    await mkdir(path.join(stateDir, "state"));
    const egress = await startEgressGuard();
    const envVars: Record<string, string> = {
      ...pulumiEnvFile(),
      PATH: toolchainPath(),
      PULUMI_HOME: path.join(stateDir, "home"),
      PULUMI_BACKEND_URL: `file://${path.join(stateDir, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "communes-e2e",
      HTTP_PROXY: egress.url,
      HTTPS_PROXY: egress.url,
      NO_PROXY: "127.0.0.1,localhost,::1",
    };
    const root = pulumiRoot();
    const pulumiCommand = await PulumiCommand.get(root ? { root } : {});
    const stackName = `e2e-${randomUUID().slice(0, 8)}`;
    const stack = await LocalWorkspace.createStack(
      { stackName, workDir: options.projectDir },
      { envVars, pulumiCommand },
    );
    if (options.config) await stack.setAllConfig(options.config);
    return new TestStack(stack, stateDir, egress, envVars);
  }

  async setConfig(config: ConfigMap): Promise<void> {
    await this.stack.setAllConfig(config);
  }

  /** Runs one engine operation with a fresh recorder and returns what it recorded. */
  private async record(
    operation: (opts: { onEvent: Recorder["onEvent"]; onOutput: Recorder["onOutput"]; color: "never" }) => Promise<unknown>,
  ): Promise<RunResult> {
    const rec = new Recorder();
    await operation({ onEvent: rec.onEvent, onOutput: rec.onOutput, color: "never" });
    return rec.result();
  }

  up(): Promise<RunResult> {
    return this.record((opts) => this.stack.up(opts));
  }

  preview(): Promise<RunResult> {
    return this.record((opts) => this.stack.preview({ ...opts, diff: true }));
  }

  refresh(): Promise<RunResult> {
    return this.record((opts) => this.stack.refresh(opts));
  }

  destroy(): Promise<RunResult> {
    return this.record((opts) => this.stack.destroy(opts));
  }

  /**
   * The round trip every example must survive: up, a preview that should show
   * no changes, refresh, destroy. Returns each run for the caller to assert on.
   */
  async lifecycle(): Promise<{ up: RunResult; preview: RunResult; refresh: RunResult; destroy: RunResult }> {
    const up = await this.up();
    const preview = await this.preview();
    const refresh = await this.refresh();
    const destroy = await this.destroy();
    return { up, preview, refresh, destroy };
  }

  /** Every file of the stack's state as stored on disk, for checks that no secret is kept in clear. */
  async storedState(): Promise<string> {
    const files = await readdir(path.join(this.stateDir, "state"), { recursive: true, withFileTypes: true });
    const texts = await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(path.join(f.parentPath, f.name), "utf8")));
    return texts.join("\n");
  }

  /** The recorded outputs of every resource of a type, from the stack's state. */
  async resourceOutputs(type: string): Promise<Array<Record<string, unknown>>> {
    const state = await this.stack.exportStack();
    const resources = (state.deployment as { resources?: Array<{ type: string; outputs?: Record<string, unknown> }> }).resources ?? [];
    return resources.filter((r) => r.type === type).map((r) => r.outputs ?? {});
  }

  async outputs(): Promise<Record<string, unknown>> {
    const outs = await this.stack.outputs();
    return Object.fromEntries(Object.entries(outs).map(([key, out]) => [key, out.value]));
  }

  private disposed = false;

  /** Loses the stack and its state without destroying anything: the devices keep what it configured, as if set up by hand. */
  async forget(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.egress.close();
    await rm(this.stateDir, { recursive: true, force: true });
    await rm(path.join(this.stack.workspace.workDir, `Pulumi.${this.stack.name}.yaml`), { force: true });
  }

  /** Destroys what is left, removes the stack and its state. Safe to call twice. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    try {
      await this.stack.destroy({ color: "never" });
      await this.stack.workspace.removeStack(this.stack.name);
    } finally {
      await this.egress.close();
      await rm(this.stateDir, { recursive: true, force: true });
    }
  }
}
