/**
 * The gRPC resource-provider server the Pulumi engine talks to. It speaks the
 * engine's protocol (secrets, unknowns, detailed diffs, partial failures) and
 * delegates every operation to the registered resource types.
 */
import * as grpc from "@grpc/grpc-js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as pluginproto from "@pulumi/pulumi/proto/plugin_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import { Any } from "google-protobuf/google/protobuf/any_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { DeviceError } from "@communes/device-error";
import { parseImportId } from "./import-id";
import { packageSchema } from "./package-schema";
import { object, type ObjectShape } from "./shapes/object-shape";
import { diffProperties, type DiffKind } from "./property-diff";
import { OperationError, PartialFailure, type AnyResourceType, type OperationContext } from "./resource-type";
import { containsUnknown, unwrapSecrets, wrapSecrets, type PropertyMap } from "./wire";
import { configSecrets, hideSecrets } from "./hidden-secrets";

type Unary<Req, Res> = grpc.handleUnaryCall<Req, Res>;

const KIND: Record<DiffKind, [plain: number, replace: number]> = {
  add: [provproto.PropertyDiff.Kind.ADD, provproto.PropertyDiff.Kind.ADD_REPLACE],
  delete: [provproto.PropertyDiff.Kind.DELETE, provproto.PropertyDiff.Kind.DELETE_REPLACE],
  update: [provproto.PropertyDiff.Kind.UPDATE, provproto.PropertyDiff.Kind.UPDATE_REPLACE],
};

/** The type token inside a URN: `urn:pulumi:stack::project::parent$type::name`. */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? "";
}

function toJs(struct: Struct | undefined): PropertyMap {
  return (struct?.toJavaScript() ?? {}) as PropertyMap;
}

function toStruct(values: PropertyMap): Struct {
  // Struct cannot hold `undefined`: drop such keys rather than fail.
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  return Struct.fromJavaScript(defined as Parameters<typeof Struct.fromJavaScript>[0]);
}

function grpcError(err: unknown): grpc.ServiceError {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof OperationError) && !(err instanceof DeviceError)) {
    // A bug, not a user or device error: keep the stack for the engine's log.
    process.stderr.write(`${err instanceof Error ? (err.stack ?? message) : message}\n`);
  }
  const metadata = new grpc.Metadata();
  if (err instanceof PartialFailure) {
    const detail = new provproto.ErrorResourceInitFailed();
    detail.setId(err.id);
    detail.setProperties(toStruct(err.state as PropertyMap));
    detail.setReasonsList([message]);
    const any = new Any();
    any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new statusproto.Status();
    status.setCode(grpc.status.UNKNOWN);
    status.setMessage(message);
    status.addDetails(any);
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  }
  return Object.assign(new Error(message), { code: grpc.status.UNKNOWN, details: message, metadata });
}

/** Runs `body` and answers the call with its result or its error. */
function answer<Req, Res>(body: (req: Req) => Promise<Res> | Res): Unary<Req, Res> {
  return (call, callback) => {
    Promise.resolve()
      .then(() => body(call.request))
      .then(
        (res) => callback(null, res),
        (err: unknown) => callback(grpcError(err)),
      );
  };
}

export interface ProviderOptions {
  /** Package name, the first segment of every type token. */
  name: string;
  version: string;
  types: readonly AnyResourceType[];
  /** The provider's configuration keys, for the package schema. Default: none. */
  config?: ObjectShape<object>;
  /**
   * Run with the provider's configuration before it reads or removes
   * anything on the device: the operations an engine may ask for with no
   * program run first (refresh, destroy). It throws to refuse.
   */
  guard?: (config: PropertyMap) => Promise<void>;
}

export class ProviderServer {
  private readonly types = new Map<string, AnyResourceType>();
  private config: PropertyMap = {};

  constructor(private readonly options: ProviderOptions) {
    for (const type of options.types) {
      if (!type.token.startsWith(`${options.name}:`)) {
        throw new Error(`type token ${type.token} is outside package ${options.name}`);
      }
      if (this.types.has(type.token)) throw new Error(`type token ${type.token} registered twice`);
      this.types.set(type.token, type);
    }
  }

  private typeFor(urn: string): AnyResourceType {
    const token = typeOfUrn(urn);
    const type = this.types.get(token);
    if (!type) throw new OperationError(`the ${this.options.name} provider has no resource type ${token}`);
    return type;
  }

  /** The context of one operation on the resource `urn`. */
  private ctx(urn: string): OperationContext {
    return { config: this.config, resource: urn.split("::").pop() ?? "" };
  }

  /** The gRPC service implementation. */
  readonly service: Partial<provrpc.IResourceProviderServer> = {
    getPluginInfo: answer(() => new pluginproto.PluginInfo().setVersion(this.options.version)),

    getSchema: answer(() =>
      new provproto.GetSchemaResponse().setSchema(JSON.stringify(packageSchema({ ...this.options, config: this.options.config ?? object({}) }))),
    ),

    checkConfig: answer((req: provproto.CheckRequest) =>
      new provproto.CheckResponse().setInputs(req.getNews() ?? new Struct()),
    ),

    diffConfig: answer((req: provproto.DiffRequest) => {
      const olds = unwrapSecrets(toJs(req.getOldInputs() ?? req.getOlds())).values;
      const news = unwrapSecrets(toJs(req.getNews())).values;
      const changed = diffProperties(olds, news).length > 0;
      return new provproto.DiffResponse().setChanges(
        changed ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE,
      );
    }),

    configure: answer((req: provproto.ConfigureRequest) => {
      const args = req.getArgs();
      if (args) {
        this.config = unwrapSecrets(toJs(args)).values;
      } else {
        // Older engines send flat `package:key` variables with JSON-encoded values.
        const config: PropertyMap = {};
        for (const [key, raw] of req.getVariablesMap().entries()) {
          const name = key.slice(key.lastIndexOf(":") + 1);
          try {
            config[name] = JSON.parse(raw);
          } catch {
            config[name] = raw;
          }
        }
        this.config = config;
      }
      return new provproto.ConfigureResponse()
        .setAcceptsecrets(true)
        .setSupportspreview(false)
        .setAcceptresources(false)
        .setAcceptoutputs(false);
    }),

    check: answer((req: provproto.CheckRequest) => {
      const type = this.typeFor(req.getUrn());
      const { values, secrets } = unwrapSecrets(toJs(req.getNews()));
      const res = new provproto.CheckResponse();
      // Unknown values can only be checked once known, at apply time.
      const known = Object.fromEntries(Object.entries(values).filter(([, v]) => !containsUnknown(v)));
      const unknown = Object.fromEntries(Object.entries(values).filter(([, v]) => containsUnknown(v)));
      const result = type.check(known);
      if (result.failures) {
        const pending = new Set(Object.keys(unknown));
        const failures = result.failures.filter((f) => !pending.has(f.property.split(/[.[]/)[0] ?? ""));
        res.setFailuresList(
          failures.map((f) => new provproto.CheckFailure().setProperty(f.property).setReason(f.reason)),
        );
        res.setInputs(toStruct(wrapSecrets(values, secrets)));
        return res;
      }
      res.setInputs(toStruct(wrapSecrets({ ...(result.inputs as PropertyMap), ...unknown }, secrets)));
      return res;
    }),

    diff: answer((req: provproto.DiffRequest) => {
      const type = this.typeFor(req.getUrn());
      const olds = unwrapSecrets(toJs(req.getOldInputs() ?? req.getOlds())).values;
      const news = unwrapSecrets(toJs(req.getNews())).values;
      const changes = diffProperties(olds, news, type.replaceOnChanges);
      const res = new provproto.DiffResponse()
        .setChanges(
          changes.length > 0 ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE,
        )
        .setHasdetaileddiff(true);
      const detailed = res.getDetaileddiffMap();
      for (const change of changes) {
        const [plain, replace] = KIND[change.kind];
        detailed.set(change.path, new provproto.PropertyDiff().setKind(change.replace ? replace : plain).setInputdiff(true));
      }
      const replaces = [...new Set(changes.filter((c) => c.replace).map((c) => c.path.split(/[.[]/)[0] ?? c.path))];
      res.setReplacesList(replaces);
      res.setDiffsList([...new Set(changes.map((c) => c.path.split(/[.[]/)[0] ?? c.path))]);
      return res;
    }),

    create: answer(async (req: provproto.CreateRequest) => {
      const type = this.typeFor(req.getUrn());
      const { values, secrets } = unwrapSecrets(toJs(req.getProperties()));
      // We declare no preview support; should an engine still ask, never touch a device in a preview.
      if (req.getPreview()) return new provproto.CreateResponse().setProperties(toStruct(wrapSecrets(values, secrets)));
      const created = await type.create(values, this.ctx(req.getUrn()));
      return new provproto.CreateResponse()
        .setId(created.id)
        .setProperties(toStruct(wrapSecrets(created.state as PropertyMap, secrets)));
    }),

    read: answer(async (req: provproto.ReadRequest) => {
      const type = this.typeFor(req.getUrn());
      await this.options.guard?.(this.config);
      const { values, secrets } = unwrapSecrets(toJs(req.getProperties()));
      const inputSecrets = unwrapSecrets(toJs(req.getInputs())).secrets;
      // An import sends no state: the import ID says what the resource manages.
      const { id, shape } = parseImportId(req.getId());
      const like = Object.keys(values).length === 0 && shape ? shape : values;
      const read = await type.read(id, like, this.ctx(req.getUrn()));
      const res = new provproto.ReadResponse();
      if (!read) return res; // an empty id tells the engine the object is gone
      // A password the device shows inside a longer text (typed into a comment) is hidden before the engine sees it.
      const known = new Set([...secrets, ...inputSecrets]);
      const hidden = [...configSecrets(this.config), ...known];
      const observed = { state: hideSecrets(read.state, hidden), inputs: hideSecrets(read.inputs, hidden) };
      return res
        .setId(id)
        .setProperties(toStruct(wrapSecrets(observed.state as PropertyMap, secrets)))
        .setInputs(toStruct(wrapSecrets(observed.inputs as PropertyMap, known)));
    }),

    update: answer(async (req: provproto.UpdateRequest) => {
      const type = this.typeFor(req.getUrn());
      const olds = unwrapSecrets(toJs(req.getOlds())).values;
      const { values, secrets } = unwrapSecrets(toJs(req.getNews()));
      if (req.getPreview()) return new provproto.UpdateResponse().setProperties(toStruct(wrapSecrets(values, secrets)));
      const state = await type.update(req.getId(), olds, values, this.ctx(req.getUrn()));
      return new provproto.UpdateResponse().setProperties(toStruct(wrapSecrets(state as PropertyMap, secrets)));
    }),

    delete: answer(async (req: provproto.DeleteRequest) => {
      const type = this.typeFor(req.getUrn());
      await this.options.guard?.(this.config);
      await type.delete(req.getId(), unwrapSecrets(toJs(req.getProperties())).values, this.ctx(req.getUrn()));
      return new Empty();
    }),

    cancel: answer(() => new Empty()),
    attach: answer(() => new Empty()),
  };

  /** Listens on loopback and returns the port, which the engine reads from stdout. */
  async listen(): Promise<{ port: number; server: grpc.Server }> {
    const server = new grpc.Server({ "grpc.max_receive_message_length": 1024 * 1024 * 400 });
    const unimplemented: grpc.UntypedServiceImplementation = {};
    for (const [name, method] of Object.entries(provrpc.ResourceProviderService)) {
      const status = { code: grpc.status.UNIMPLEMENTED, details: `${name} is not implemented` };
      unimplemented[name] = method.responseStream
        ? (call: grpc.ServerWritableStream<unknown, unknown>) => call.emit("error", status)
        : (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback(status);
    }
    const implemented = Object.entries(this.service).filter((entry): entry is [string, grpc.UntypedHandleCall] => !!entry[1]);
    server.addService(provrpc.ResourceProviderService, { ...unimplemented, ...Object.fromEntries(implemented) });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    return { port, server };
  }
}
