/**
 * `communes:switch:IosSwitch`: an access switch's VLANs, port roles,
 * management address and vty lines, over one SSH session per operation.
 * The VLAN set is owned (VLANs added by hand are drift and are removed);
 * declared ports are compared property by property; the configuration is
 * saved (`write memory`) only after every line was accepted.
 */
import { DeviceError } from "@communes/device-error";
import { IOS_DRIVER, openSwitch, releasedState, type CliSession, type SwitchAccess, type SwitchState } from "@communes/switch";
import { checkShape, OperationError, PartialFailure, type OperationContext, type ResourceType } from "../resource-type";
import { TOKENS } from "../contract";
import { SWITCH_SHAPES } from "../shapes/switch-shapes";

export const IOS_SWITCH_TOKEN = TOKENS.switch;

/** What the provider's `ios` configuration holds: how to reach the switch (its SSH algorithms come from its state). */
export type SwitchConnection = Omit<SwitchAccess, "timeoutMs" | "legacyAlgorithms">;

function connection(config: OperationContext["config"]): SwitchConnection {
  const raw = config.ios;
  const c = (typeof raw === "string" ? JSON.parse(raw) : raw) as Partial<SwitchConnection> | undefined;
  const missing = (["host", "username", "password", "hostKeyFingerprint"] as const).filter((k) => !c?.[k]);
  if (!c || missing.length > 0) throw new OperationError(`this communes provider has no switch to talk to: set ios.${missing.join(", ios.")} in its configuration`);
  return c as SwitchConnection;
}

async function withSession<T>(state: Pick<SwitchState, "hostname" | "sshLegacyAlgorithms">, ctx: OperationContext, body: (session: CliSession) => Promise<T>): Promise<T> {
  const c = connection(ctx.config);
  const session = await openSwitch(state.hostname, { ...c, ...(state.sshLegacyAlgorithms ? { legacyAlgorithms: state.sshLegacyAlgorithms } : {}) }, IOS_DRIVER.dialect);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}

async function converge(want: SwitchState, ctx: OperationContext): Promise<SwitchState> {
  let applied = false;
  try {
    return await withSession(want, ctx, async (session) => {
      const have = await IOS_DRIVER.read(session, want);
      const lines = IOS_DRIVER.plan(have, want);
      if (lines.length > 0) {
        applied = true;
        await session.configure(lines);
        await session.save();
      }
      return want;
    });
  } catch (err) {
    // A connection that broke may be retried; a refused line, a host key or a password that is wrong may not.
    if (!(err instanceof DeviceError)) throw err;
    if (!err.retryable) throw new OperationError(err.message);
    const message = `${err.message}; ${applied ? "nothing was saved on the switch" : "nothing was changed on the switch"}; run up again to finish`;
    throw applied ? new PartialFailure(message, want.hostname, want) : new OperationError(message);
  }
}

export const iosSwitchType: ResourceType<SwitchState, SwitchState> = {
  token: IOS_SWITCH_TOKEN,
  shapes: SWITCH_SHAPES,
  replaceOnChanges: [],

  check: (news) => checkShape(SWITCH_SHAPES.inputs, news),

  async create(inputs, ctx) {
    return { id: inputs.hostname, state: await converge(inputs, ctx) };
  },

  async read(_id, state, ctx) {
    const like = state as SwitchState;
    const observed = await withSession(like, ctx, (session) => IOS_DRIVER.read(session, like)).catch((err: unknown) => {
      if (!(err instanceof DeviceError)) throw err;
      throw new OperationError(err.retryable ? `${err.message}; could not read the switch` : err.message);
    });
    return { state: observed, inputs: observed };
  },

  async update(_id, _olds, news, ctx) {
    return converge(news, ctx);
  },

  async delete(_id, state, ctx) {
    await converge(releasedState(state), ctx);
  },
};
