import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textFileType } from "./text-file-type";

const ctx = { config: {}, resource: "greeting" };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "communes-textfile-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("communes:lab:TextFile", () => {
  it("check lists every problem, naming the property and the value received", () => {
    expect(textFileType.check({ path: "rel.txt", content: 3, colour: "red" })).toEqual({
      failures: [
        { property: "path", reason: 'expected an absolute file path, received "rel.txt"' },
        { property: "content", reason: "expected a string, received 3" },
        { property: "colour", reason: "unknown property" },
      ],
    });
  });

  it("creates, reads back, updates and deletes, keeping UTF-8 intact", async () => {
    const file = path.join(dir, "sub", "a.txt");
    const { id, state } = await textFileType.create({ path: file, content: "Hội trường UBND" }, ctx);
    expect(state.sha256).toHaveLength(64);
    expect(await readFile(file, "utf8")).toBe("Hội trường UBND");

    await writeFile(file, "changed", "utf8");
    const observed = await textFileType.read(id, state, ctx);
    expect(observed?.inputs).toEqual({ path: file, content: "changed" });

    await textFileType.update(id, state, { path: file, content: "Thiệu Hóa" }, ctx);
    expect(await readFile(file, "utf8")).toBe("Thiệu Hóa");

    await textFileType.delete(id, state, ctx);
    expect(await textFileType.read(id, state, ctx)).toBeUndefined();
  });

  it("refuses to overwrite a file it did not create", async () => {
    const file = path.join(dir, "exists.txt");
    await writeFile(file, "mine", "utf8");
    await expect(textFileType.create({ path: file, content: "x" }, ctx)).rejects.toThrow(/already exists; import it/);
    expect(await readFile(file, "utf8")).toBe("mine");
  });
});
