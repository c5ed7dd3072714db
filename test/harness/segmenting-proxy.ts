/**
 * A TCP relay that cuts what the server sends into the segments a plan says
 * (one byte each, random sizes), with pauses between them, and can put
 * greeting lines before the server's first byte (RFC 4253 §4.2 allows them
 * before an SSH identification): a slow, fragmenting line between the
 * project and a device. Loopback only.
 */
import * as net from "node:net";

export interface SegmentPlan {
  /** The size of the next segment of the server's bytes. */
  nextSize(): number;
  /** Pause between segments, ms. */
  gapMs: number;
  /** Bytes sent to the client before anything of the server's. */
  greeting?: string;
}

export interface SegmentingProxy {
  port: number;
  close(): Promise<void>;
}

export async function startSegmentingProxy(target: { host: string; port: number }, plan: SegmentPlan): Promise<SegmentingProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let queue: Promise<void> = plan.greeting ? write(client, Buffer.from(plan.greeting, "latin1")) : Promise.resolve();
    upstream.on("data", (data) => {
      upstream.pause();
      queue = queue.then(async () => {
        for (let at = 0; at < data.length; ) {
          const size = Math.max(1, plan.nextSize());
          await write(client, data.subarray(at, at + size));
          at += size;
          if (plan.gapMs > 0) await new Promise((r) => setTimeout(r, plan.gapMs));
        }
        upstream.resume();
      });
    });
    client.on("data", (d) => upstream.write(d));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", end).on("error", end);
    upstream.on("close", () => void queue.then(end)).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function write(socket: net.Socket, bytes: Buffer): Promise<void> {
  return new Promise((resolve) => (socket.destroyed ? resolve() : socket.write(bytes, () => resolve())));
}

/** One byte per segment. */
export const BYTE_BY_BYTE: SegmentPlan = { nextSize: () => 1, gapMs: 1 };

/** Segments of 1 to `max` bytes, from a fixed seed (the same cuts every run). */
export function randomSegments(seed: number, max = 7): SegmentPlan {
  let a = seed >>> 0;
  return {
    gapMs: 0,
    nextSize: () => {
      a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
      return 1 + (a % max);
    },
  };
}
