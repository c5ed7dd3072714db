/**
 * The provider server over real gRPC, as the engine calls it, with an
 * in-memory resource type standing in for a device.
 */
import * as grpc from "@grpc/grpc-js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import type { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PartialFailure, type ResourceType } from "./resource-type";
import { object, required } from "./shapes/object-shape";
import { string } from "./shapes/shape";
import { ProviderServer, typeOfUrn } from "./server";
import { SECRET_SIG, SPECIAL_SIG_KEY, UNKNOWN_VALUE } from "./wire";

interface UserInputs {
  name: string;
  password: string;
}

const live = new Map<string, UserInputs>();
/** The state each read was given. */
const readWith: Array<Partial<UserInputs>> = [];

const USER = object<UserInputs>({ name: required(string(), "The user's name."), password: required(string(), "Their password.", { secret: true }) });

const userType: ResourceType<UserInputs, UserInputs> = {
  token: "communes:test:User",
  shapes: { description: "A user of an in-memory device.", inputs: USER, state: USER },
  replaceOnChanges: ["name"],
  check(news) {
    if (typeof news.name !== "string") return { failures: [{ property: "name", reason: "expected a string" }] };
    if (typeof news.password !== "string") return { failures: [{ property: "password", reason: "expected a string" }] };
    return { inputs: { name: news.name, password: news.password } };
  },
  async create(inputs) {
    if (inputs.name === "half") throw new PartialFailure("session dropped after 2 of 5 commands", "*9", inputs);
    live.set(inputs.name, inputs);
    return { id: inputs.name, state: inputs };
  },
  async read(id, state) {
    readWith.push(state);
    const found = live.get(id);
    return found && { state: found, inputs: found };
  },
  async update(id, _olds, news) {
    live.set(id, news);
    return news;
  },
  async delete(id) {
    live.delete(id);
  },
};

const urn = (type: string) => `urn:pulumi:dev::proj::communes:index:Parent$${type}::u1`;
const secret = (value: unknown) => ({ [SPECIAL_SIG_KEY]: SECRET_SIG, value });
const struct = (value: Record<string, unknown>) => Struct.fromJavaScript(value as never);

let server: grpc.Server;
let client: provrpc.ResourceProviderClient;

type Callback<Res> = (err: grpc.ServiceError | null, res?: Res) => void;

/** Promisifies one unary call: `rpc<Res>((cb) => client.method(request, cb))`. */
function rpc<Res>(start: (cb: Callback<Res>) => unknown): Promise<Res> {
  return new Promise((resolve, reject) => start((err, res) => (err ? reject(err) : resolve(res as Res))));
}

beforeAll(async () => {
  const provider = new ProviderServer({ name: "communes", version: "1.2.3", types: [userType] });
  const listening = await provider.listen();
  server = listening.server;
  client = new provrpc.ResourceProviderClient(`127.0.0.1:${listening.port}`, grpc.credentials.createInsecure());
});

afterAll(() => {
  client.close();
  server.forceShutdown();
});

describe("typeOfUrn", () => {
  it("takes the last type of a qualified type", () => {
    expect(typeOfUrn(urn("communes:test:User"))).toBe("communes:test:User");
    expect(typeOfUrn("urn:pulumi:dev::proj::communes:lab:TextFile::f")).toBe("communes:lab:TextFile");
  });
});

describe("ProviderServer over gRPC", () => {
  it("answers getSchema with the package schema of its types, secrets marked", async () => {
    const res = await rpc<provproto.GetSchemaResponse>((cb) => client.getSchema(new provproto.GetSchemaRequest(), cb));
    const schema = JSON.parse(res.getSchema());
    expect(schema).toMatchObject({ name: "communes", version: "1.2.3", config: { variables: {} } });
    expect(schema.resources["communes:test:User"]).toEqual({
      description: "A user of an in-memory device.",
      inputProperties: { name: { type: "string", description: "The user's name." }, password: { type: "string", description: "Their password.", secret: true } },
      requiredInputs: ["name", "password"],
      properties: { name: { type: "string", description: "The user's name." }, password: { type: "string", description: "Their password.", secret: true } },
      required: ["name", "password"],
    });
  });

  it("reports its version", async () => {
    const info = await rpc<PluginInfo>((cb) => client.getPluginInfo(new Empty(), cb));
    expect(info.getVersion()).toBe("1.2.3");
  });

  it("refuses a type token outside its package", () => {
    expect(() => new ProviderServer({ name: "communes", version: "1", types: [{ ...userType, token: "other:x:Y" }] })).toThrow(
      /outside package communes/,
    );
  });

  it("check keeps secrets wrapped and returns failures naming the property", async () => {
    const ok = await rpc<provproto.CheckResponse>((cb) => client.check(new provproto.CheckRequest().setUrn(urn("communes:test:User")).setNews(struct({ name: "admin", password: secret("pw") })), cb));
    expect(ok.getFailuresList()).toEqual([]);
    expect(ok.getInputs()?.toJavaScript()).toEqual({ name: "admin", password: secret("pw") });

    const bad = await rpc<provproto.CheckResponse>((cb) => client.check(new provproto.CheckRequest().setUrn(urn("communes:test:User")).setNews(struct({ name: 5 })), cb));
    expect(bad.getFailuresList().map((f) => [f.getProperty(), f.getReason()])).toEqual([["name", "expected a string"]]);
  });

  it("check does not fail inputs that are unknown during a preview", async () => {
    const res = await rpc<provproto.CheckResponse>((cb) => client.check(new provproto.CheckRequest().setUrn(urn("communes:test:User")).setNews(struct({ name: "a", password: UNKNOWN_VALUE })), cb));
    expect(res.getFailuresList()).toEqual([]);
  });

  it("diff answers property by property and flags replacements", async () => {
    const res = await rpc<provproto.DiffResponse>((cb) => client.diff(new provproto.DiffRequest()
        .setUrn(urn("communes:test:User"))
        .setOldInputs(struct({ name: "a", password: secret("x") }))
        .setNews(struct({ name: "b", password: secret("y") })), cb));
    expect(res.getChanges()).toBe(provproto.DiffResponse.DiffChanges.DIFF_SOME);
    expect(res.getHasdetaileddiff()).toBe(true);
    const detailed: Record<string, [number, boolean]> = {};
    res.getDetaileddiffMap().forEach((diff, key) => {
      detailed[key] = [diff.getKind(), diff.getInputdiff()];
    });
    expect(detailed).toEqual({
      name: [provproto.PropertyDiff.Kind.UPDATE_REPLACE, true],
      password: [provproto.PropertyDiff.Kind.UPDATE, true],
    });
    expect(res.getReplacesList()).toEqual(["name"]);
  });

  it("create returns secret outputs wrapped; read of a missing object returns an empty id", async () => {
    const created = await rpc<provproto.CreateResponse>((cb) => client.create(new provproto.CreateRequest().setUrn(urn("communes:test:User")).setProperties(struct({ name: "op", password: secret("pw") })), cb));
    expect(created.getId()).toBe("op");
    expect(created.getProperties()?.toJavaScript()).toEqual({ name: "op", password: secret("pw") });

    live.delete("op");
    const read = await rpc<provproto.ReadResponse>((cb) => client.read(new provproto.ReadRequest().setId("op").setUrn(urn("communes:test:User")), cb));
    expect(read.getId()).toBe("");
  });

  it("an import read gets the shape from the import ID and answers with the plain ID", async () => {
    live.set("imp", { name: "imp", password: "pw" });
    const importId = JSON.stringify({ id: "imp", shape: { name: "imp" } });
    readWith.length = 0;
    const read = await rpc<provproto.ReadResponse>((cb) => client.read(new provproto.ReadRequest().setId(importId).setUrn(urn("communes:test:User")), cb));
    expect(read.getId()).toBe("imp");
    expect(readWith).toEqual([{ name: "imp" }]);
    expect(read.getInputs()?.toJavaScript()).toEqual({ name: "imp", password: "pw" });
  });

  it("never creates anything for a preview", async () => {
    const res = await rpc<provproto.CreateResponse>((cb) =>
      client.create(new provproto.CreateRequest().setUrn(urn("communes:test:User")).setPreview(true).setProperties(struct({ name: "ghost", password: "p" })), cb),
    );
    expect(res.getId()).toBe("");
    expect(live.has("ghost")).toBe(false);
  });

  it("a partial failure reaches the engine as ErrorResourceInitFailed with the id and state", async () => {
    const err = await rpc<provproto.CreateResponse>((cb) => client.create(new provproto.CreateRequest().setUrn(urn("communes:test:User")).setProperties(struct({ name: "half", password: "p" })), cb)).then(
      () => undefined,
      (e: grpc.ServiceError) => e,
    );
    expect(err?.details).toBe("session dropped after 2 of 5 commands");
    const bin = err?.metadata.get("grpc-status-details-bin")[0] as Buffer;
    const status = statusproto.Status.deserializeBinary(bin);
    const detail = status.getDetailsList()[0]!.unpack(provproto.ErrorResourceInitFailed.deserializeBinary, "pulumirpc.ErrorResourceInitFailed");
    expect(detail?.getId()).toBe("*9");
    expect(detail?.getReasonsList()).toEqual(["session dropped after 2 of 5 commands"]);
  });

  it("names an unknown type, and answers UNIMPLEMENTED for what it does not serve", async () => {
    const unknown = await rpc<provproto.CheckResponse>((cb) => client.check(new provproto.CheckRequest().setUrn(urn("communes:test:Nope")).setNews(struct({})), cb)).catch(
      (e: grpc.ServiceError) => e,
    );
    expect((unknown as grpc.ServiceError).details).toBe("the communes provider has no resource type communes:test:Nope");

    const construct = await rpc<provproto.ConstructResponse>((cb) => client.construct(new provproto.ConstructRequest(), cb)).catch((e: grpc.ServiceError) => e);
    expect((construct as grpc.ServiceError).code).toBe(grpc.status.UNIMPLEMENTED);
  });
});
