/**
 * `communes adopt`: an office configured by hand becomes a commune of the
 * inventory. Reads its devices, writes the commune file (validated with the
 * whole province first), lists everything the inventory would change on the
 * devices, and with --stack imports the devices into a new commune stack.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { discover, formatDiagnostic, loadInventory, type ProvinceModel } from "@communes/inventory";
import type { Command } from "../commands";
import { UsageError, type Output } from "../output";
import { COMMUNE_PROJECT, PulumiCliError, REPO_ROOT } from "../pulumi/pulumi-cli";
import { reachSettings, type StackConfig } from "@communes/network/stack-settings";
import { AdoptStackError, configureStack, importOffice, previewShowsNoChanges } from "./adopt-stack";
import { communeYaml } from "./commune-yaml";
import { parseEndpointAccess, parseRouterAccess, parseSwitchAccess, secretFor, type OfficeAccess } from "./device-access";
import { unprotectedSecrets } from "../pulumi/passphrase";
import { redactor } from "../pulumi/redact";
import { secretEnvName } from "../stack/secret-input";
import { acceptName, entriesToAccept } from "./audited-entries";
import { deviations, formatDeviation } from "./deviations";
import { DeviceReadError, readEndpoint, readRouter, readSwitch, type LiveOffice } from "./read-devices";
import { reconstruct, ReconstructError, slug, type Identity } from "@communes/intent";

const USAGE = `  communes adopt <province-dir> --code <code> --merged-from <unit>... --router <host[:port]>
                 [--router-transport api|api-ssl|rest] [--router-tls-fingerprint <sha256>]
                 [--router-host-key SHA256:… [--router-ssh-port <port>]]
                 [--switch host=<host[:port]>,hostKey=SHA256:…[,model=<model>]]...
                 [--endpoint vendor=poly|cisco,host=<host[:port]>,tls=<sha256>,model=<model>,room=<room>]...
                 [--name <name> --kind xã|phường] [--index <n>] [--router-hostname <name>]
                 [--router-model <model>] [--out <file>] [--stack <stack>]
      Read an office configured by hand and write its commune file
      (default <province-dir>/communes/<name>.yaml), checked with the whole
      province before it is written. Lists every unintended change: what the
      new inventory would change on the devices (device, property, live and
      intended values) and what it cannot express. With --stack, and only
      when there is no unintended change, imports the devices into that new
      stack of stacks/commune (reading them; only passwords no device shows
      are set) and checks that a preview then shows no changes. With
      --router-host-key, the file pins the router's SSH host key, so its
      configuration is exported before each change. Passwords come from the environment,
      named after the province's secret names (or are asked on a terminal): COMMUNES_SECRET_ROUTER_PASSWORD,
      COMMUNES_SECRET_SWITCH_PASSWORD, COMMUNES_SECRET_SWITCH_ENABLE_SECRET,
      COMMUNES_SECRET_ENDPOINT_PASSWORD, and for --stack COMMUNES_SECRET_SIP_PASSWORD.
      Exit 0 adopted; 1 a device unreadable, the office not expressible,
      unintended changes (the file is written, nothing imported) or a
      refused import; 2 wrong usage.`;

export const adoptCommand: Command = {
  usage: USAGE,
  run(argv, out) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        code: { type: "string" },
        "merged-from": { type: "string", multiple: true },
        name: { type: "string" },
        kind: { type: "string" },
        index: { type: "string" },
        router: { type: "string" },
        "router-transport": { type: "string" },
        "router-tls-fingerprint": { type: "string" },
        "router-host-key": { type: "string" },
        "router-ssh-port": { type: "string" },
        "router-hostname": { type: "string" },
        "router-model": { type: "string" },
        switch: { type: "string", multiple: true },
        endpoint: { type: "string", multiple: true },
        accept: { type: "string", multiple: true },
        out: { type: "string" },
        stack: { type: "string" },
      },
    });
    if (positionals.length !== 1) throw new UsageError("adopt needs exactly one province directory");
    if (!values.code) throw new UsageError("adopt needs --code: the commune's official code is on no device");
    if (!values["merged-from"]?.length) throw new UsageError("adopt needs --merged-from (once per former unit): the merger is on no device");
    if (!values.router) throw new UsageError("adopt needs --router <host[:port]>");
    if (values.kind !== undefined && values.kind !== "xã" && values.kind !== "phường") throw new UsageError(`--kind: ${JSON.stringify(values.kind)} is not xã or phường`);
    if (values.index !== undefined && !/^\d+$/.test(values.index)) throw new UsageError(`--index: ${JSON.stringify(values.index)} is not a number`);
    const identity: Identity = {
      code: values.code,
      mergedFrom: values["merged-from"],
      ...(values.name ? { name: values.name } : {}),
      ...(values.kind ? { kind: values.kind as Identity["kind"] & string } : {}),
      ...(values.index !== undefined ? { index: Number(values.index) } : {}),
      ...(values["router-hostname"] ? { routerHostname: values["router-hostname"] } : {}),
      ...(values["router-model"] ? { routerModel: values["router-model"] } : {}),
    };
    const access: OfficeAccess = {
      router: parseRouterAccess(values.router, values["router-transport"], values["router-tls-fingerprint"], values["router-host-key"], values["router-ssh-port"]),
      switches: (values.switch ?? []).map(parseSwitchAccess),
      endpoints: (values.endpoint ?? []).map(parseEndpointAccess),
    };
    return adopt(positionals[0]!, identity, access, values.out, values.stack, out, values.accept ?? []);
  },
};

async function adopt(provinceDir: string, identity: Identity, access: OfficeAccess, outFile: string | undefined, stack: string | undefined, origin: Output, accepted: readonly string[]): Promise<number> {
  let out = origin;
  const unprotected = stack === undefined ? undefined : unprotectedSecrets(stack);
  if (unprotected) {
    out.stderr(`communes: ${unprotected}; nothing was read or written`);
    return 1;
  }
  const { targets, errors } = discover([provinceDir]);
  if (errors.length > 0 || !targets[0]) throw new UsageError(errors.join("; ") || `${provinceDir}: no province.yaml`);
  const target = targets[0];
  const existing = loadInventory(target);
  const provinceProblems = existing.diagnostics.filter((d) => d.file === target.provinceFile);
  if (!existing.province || provinceProblems.length > 0) {
    for (const d of provinceProblems) out.stdout(formatDiagnostic(d));
    out.stderr("communes: the province file has problems; fix them first");
    return 1;
  }
  const province: ProvinceModel = existing.province;
  const d = province.defaults;
  const secrets = {
    router: { username: d.router.credentials.username, password: await secretFor(d.router.credentials.passwordSecret, "router") },
    switch: access.switches.length === 0 ? undefined : { username: d.switch.credentials.username, password: await secretFor(d.switch.credentials.passwordSecret, "switch"), ...(d.switch.enableSecret && process.env[secretEnvName(d.switch.enableSecret)] ? { enableSecret: await secretFor(d.switch.enableSecret, "switch") } : {}) },
    endpoint: access.endpoints.length === 0 ? undefined : { username: d.endpoint.credentials.username, password: await secretFor(d.endpoint.credentials.passwordSecret, "endpoint") },
  };
  // A password found on a device (typed into a comment, a lease name) is never printed or written.
  const hide = redactor([secrets.router.password, secrets.switch?.password ?? "", secrets.switch?.enableSecret ?? "", secrets.endpoint?.password ?? ""]);
  out = { stdout: (t) => origin.stdout(hide(t)), stderr: (t) => origin.stderr(hide(t)) };

  let live: LiveOffice;
  try {
    live = {
      router: { access: access.router, ...(await readRouter(access.router, secrets.router)) },
      switches: await Promise.all(access.switches.map(async (a) => ({ access: a, config: await readSwitch(a, secrets.switch!) }))),
      endpoints: await Promise.all(access.endpoints.map(async (a) => ({ access: a, settings: await readEndpoint(a, secrets.endpoint!) }))),
    };
  } catch (err) {
    if (!(err instanceof DeviceReadError)) throw err;
    out.stderr(`communes: ${err.message}`);
    return 1;
  }

  let rebuilt;
  try {
    rebuilt = reconstruct(province, live, identity);
  } catch (err) {
    if (!(err instanceof ReconstructError)) throw err;
    for (const p of err.problems) out.stderr(`communes: ${p}`);
    return 1;
  }

  const file = path.resolve(outFile ?? path.join(path.dirname(target.provinceFile), "communes", `${slug(rebuilt.document.name)}.yaml`));
  if (existsSync(file)) {
    out.stderr(`communes: ${file} already exists; adopt writes a new commune file (give another --out)`);
    return 1;
  }
  const already = existing.communes.find((c) => c.code === rebuilt.document.code || c.name === rebuilt.document.name);
  if (already) {
    out.stderr(`communes: the province already has ${already.kind} ${already.name} (code ${already.code}) in ${path.relative(process.cwd(), already.file)}; adopt writes the file of a commune that has none (move that file out of the province to adopt the office again); nothing was written`);
    return 1;
  }
  const schema = path.relative(path.dirname(file), path.join(REPO_ROOT, "schemas", "commune.schema.json"));
  const text = communeYaml(hide(rebuilt.document), schema);
  const checked = loadInventory({ provinceFile: target.provinceFile, communeFiles: [...target.communeFiles, file] }, (f) => (f === file ? text : readFileSync(f)));
  const problems = checked.diagnostics.filter((x) => x.file === file);
  const commune = checked.communes.find((c) => c.file === file);
  const plan = checked.plans.find((p) => p.file === file);
  if (problems.length > 0 || !commune || !plan) {
    for (const x of problems) out.stdout(formatDiagnostic(x));
    out.stderr(`communes: the commune file made from the devices is not valid (the problems above are located in ${path.relative(process.cwd(), file)} as it would have been written); nothing was written`);
    return 1;
  }
  // The accounts, keys, jobs and scripts no inventory describes: each accepted by name, or nothing is written.
  const unaccepted = entriesToAccept(live.router.audited, secrets.router.username).filter((e) => !accepted.includes(acceptName(e)));
  for (const e of unaccepted) out.stdout(`on the router, in no inventory: ${e.menu} add ${e.line} (keep it with --accept "${acceptName(e)}", or remove it from the router)`);
  if (unaccepted.length > 0) {
    out.stderr(`communes: ${unaccepted.length} entr${unaccepted.length === 1 ? "y" : "ies"} of the router's users, keys, scheduler or scripts to accept one by one; nothing was written`);
    return 1;
  }
  writeFileSync(file, text);
  out.stdout(`wrote ${path.relative(process.cwd(), file)}`);

  const changes = deviations(province, commune, plan, live);
  for (const u of rebuilt.unexpressed) out.stdout(`not in the inventory: ${u}`);
  for (const c of changes) out.stdout(`unintended change: ${formatDeviation(c)}`);
  if (changes.length > 0) {
    out.stderr(`communes: ${changes.length} unintended change${changes.length === 1 ? "" : "s"}: decide on each (change the device or the file), then import; nothing was imported`);
    return 1;
  }
  if (!stack) return 0;

  const config: StackConfig = {
    ...reachSettings({
      router: {
        host: access.router.host,
        transport: access.router.transport,
        ...(access.router.port ? { port: access.router.port } : {}),
        ...(access.router.sshPort ? { sshPort: access.router.sshPort } : {}),
        ...(access.router.tlsFingerprint ? { tlsFingerprint: access.router.tlsFingerprint } : {}),
      },
      switches: Object.fromEntries(live.switches.map((s) => [s.config.hostname, { host: s.access.host, ...(s.access.port ? { port: s.access.port } : {}), hostKeyFingerprint: s.access.hostKey }])),
      endpoints: Object.fromEntries(live.endpoints.map((e) => [e.settings.systemName, { host: e.access.host, ...(e.access.port ? { port: e.access.port } : {}), tlsFingerprint: e.access.tlsFingerprint }])),
    }),
    [d.router.credentials.passwordSecret]: { value: secrets.router.password, secret: true },
  };
  if (secrets.switch) {
    config[d.switch.credentials.passwordSecret] = { value: secrets.switch.password, secret: true };
    if (d.switch.enableSecret) config[d.switch.enableSecret] = { value: await secretFor(d.switch.enableSecret, "switch"), secret: true };
  }
  if (secrets.endpoint) {
    config[d.endpoint.credentials.passwordSecret] = { value: secrets.endpoint.password, secret: true };
    if (d.endpoint.sipPasswordSecret && commune.endpoints.some((e) => e.sip)) config[d.endpoint.sipPasswordSecret] = { value: await secretFor(d.endpoint.sipPasswordSecret, "endpoint SIP"), secret: true };
  }
  if (commune.uplinks.internet.type === "pppoe") config[commune.uplinks.internet.passwordSecret] = { value: await secretFor(commune.uplinks.internet.passwordSecret, "router PPPoE"), secret: true };

  try {
    await configureStack(stack, file, config);
    const writes = await importOffice(stack);
    for (const w of writes) out.stdout(`set on import: ${w}`);
    if (!(await previewShowsNoChanges(stack))) {
      out.stderr(`communes: stack ${stack} imported, but a preview still shows changes; run pulumi preview in ${path.relative(process.cwd(), COMMUNE_PROJECT)} to see them`);
      return 1;
    }
  } catch (err) {
    if (!(err instanceof AdoptStackError || err instanceof PulumiCliError)) throw err;
    out.stderr(`communes: ${err.message}`);
    return 1;
  }
  out.stdout(`stack ${stack}: the devices are imported; a preview shows no changes`);
  return 0;
}
