/** The lab router's own behaviour, seen from a client: legacy login, injected traps. */
import * as net from "node:net";
import { encodeSentence, RouterOsApiClient, RouterOsTrapError, SentenceDecoder } from "@communes/routeros";
import { legacyResponse, startLabRouter } from "@communes/lab";
import { expect, it } from "vitest";

/** A raw API session: every reply sentence is passed to `onReply` with the socket and all replies so far. */
function rawSession(port: number, first: string[], onReply: (socket: net.Socket, replies: string[][]) => boolean): Promise<string[][]> {
  const socket = net.connect(port, "127.0.0.1");
  const decoder = new SentenceDecoder();
  const replies: string[][] = [];
  return new Promise((resolve) => {
    const finish = () => {
      socket.destroy();
      resolve(replies);
    };
    socket.on("close", finish);
    socket.on("data", (chunk: Buffer) => {
      for (const sentence of decoder.push(chunk)) {
        replies.push(sentence);
        if (onReply(socket, replies)) return finish();
      }
    });
    socket.write(encodeSentence(first));
  });
}

it("accepts the pre-6.43 challenge login before 6.45.1, which removed it", async () => {
  const router = await startLabRouter({ version: "6.44.6" });
  try {
    const replies = await rawSession(router.port, ["/login"], (socket, all) => {
      if (all.length === 1) {
        const response = legacyResponse(router.password, Buffer.from(all[0]![1]!.slice(5), "hex"));
        socket.write(encodeSentence(["/login", `=name=${router.username}`, `=response=${response}`]));
      } else if (all.length === 2) socket.write(encodeSentence(["/system/identity/print"]));
      return all.length >= 4;
    });
    expect(replies[0]).toEqual(["!done", expect.stringMatching(/^=ret=[0-9a-f]{32}$/)]);
    expect(replies.slice(1)).toEqual([["!done"], ["!re", "=name=MikroTik"], ["!done"]]);
  } finally {
    await router.close();
  }
});

it("refuses the challenge login on RouterOS 7", async () => {
  const router = await startLabRouter();
  try {
    const replies = await rawSession(router.port, ["/login"], () => true);
    expect(replies[0]).toEqual(["!trap", "=message=invalid user name or password (6)"]);
  } finally {
    await router.close();
  }
});

it("refuses commands before login with !fatal", async () => {
  const router = await startLabRouter();
  try {
    expect(await rawSession(router.port, ["/ip/address/print"], () => false)).toEqual([["!fatal", "not logged in"]]);
  } finally {
    await router.close();
  }
});

it("injects a trap on the Nth write", async () => {
  const router = await startLabRouter({ faults: { trapOnWrite: 2 } });
  const client = new RouterOsApiClient({ host: router.host, port: router.port, username: router.username, password: router.password });
  try {
    await client.add("/ip/pool", { name: "a", ranges: "10.0.0.1-10.0.0.2" });
    const err = await client.add("/ip/pool", { name: "b", ranges: "10.0.0.3-10.0.0.4" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RouterOsTrapError);
    expect((err as RouterOsTrapError).category).toBe(4);
    await client.add("/ip/pool", { name: "c", ranges: "10.0.0.5-10.0.0.6" });
    expect((await client.print("/ip/pool")).map((p) => p.name)).toEqual(["a", "c"]);
  } finally {
    await client.close();
    await router.close();
  }
});

it("listen streams every change of a menu until /cancel stops it with 'interrupted'", async () => {
  const router = await startLabRouter();
  try {
    const replies = await rawSession(router.port, ["/login", `=name=${router.username}`, `=password=${router.password}`], (socket, all) => {
      const last = all.at(-1)!;
      if (all.length === 1) {
        socket.write(encodeSentence(["/ip/pool/listen", ".tag=l"]));
        // listen answers nothing until something changes: change the menu once the command has arrived.
        setTimeout(() => {
          const id = router.device.execute("/ip/pool/add", new Map([["name", "staff"], ["ranges", "10.40.7.20-10.40.7.254"]]), []).ret!;
          router.device.execute("/ip/dns/set", new Map([["servers", "172.16.0.53"]]), []); // another menu: not reported
          router.device.execute("/ip/pool/remove", new Map([[".id", id]]), []);
        }, 100);
      } else if (last[0] === "!re" && last.includes("=.dead=yes")) socket.write(encodeSentence(["/cancel", "=tag=l", ".tag=c"]));
      return last[0] === "!done" && last.includes(".tag=c");
    });
    expect(replies.slice(1)).toEqual([
      ["!re", expect.stringMatching(/^=\.id=\*/), "=name=staff", "=ranges=10.40.7.20-10.40.7.254", "=next-pool=none", ".tag=l"],
      ["!re", expect.stringMatching(/^=\.id=\*/), "=.dead=yes", ".tag=l"],
      ["!trap", "=category=2", "=message=interrupted", ".tag=l"],
      ["!done", ".tag=l"],
      ["!done", ".tag=c"],
    ]);
  } finally {
    await router.close();
  }
});
