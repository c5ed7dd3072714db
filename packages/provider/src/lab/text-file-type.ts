/**
 * `communes:lab:TextFile`: a UTF-8 text file on the machine running Pulumi.
 * The smallest real resource of the provider, used by the smoke example and
 * the end-to-end tests of the toolchain: it is created, read back (so edits
 * made by hand show as drift), updated and deleted like any device setting.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { checkShape, OperationError, type ResourceType } from "../resource-type";
import { TOKENS } from "../contract";
import { TEXT_FILE_SHAPES } from "../shapes/text-file-shapes";

export const TEXT_FILE_TOKEN = TOKENS.textFile;

export interface TextFileInputs {
  /** Absolute path of the file. Changing it replaces the file. */
  path: string;
  /** The file's whole content, written as UTF-8. */
  content: string;
}

export interface TextFileState extends TextFileInputs {
  /** SHA-256 of the content as written, hex. */
  sha256: string;
}

const sha256 = (content: string): string => createHash("sha256").update(content, "utf8").digest("hex");

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === "ENOENT";
}

export const textFileType: ResourceType<TextFileInputs, TextFileState> = {
  token: TEXT_FILE_TOKEN,
  shapes: TEXT_FILE_SHAPES,
  replaceOnChanges: ["path"],

  check: (news) => checkShape(TEXT_FILE_SHAPES.inputs, news),

  async create(inputs) {
    try {
      await readFile(inputs.path);
      throw new OperationError(`${inputs.path} already exists; import it rather than overwrite it`);
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
    await mkdir(dirname(inputs.path), { recursive: true });
    await writeFile(inputs.path, inputs.content, "utf8");
    return { id: inputs.path, state: { ...inputs, sha256: sha256(inputs.content) } };
  },

  async read(id) {
    try {
      const content = await readFile(id, "utf8");
      return { state: { path: id, content, sha256: sha256(content) }, inputs: { path: id, content } };
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  },

  async update(id, _olds, news) {
    await writeFile(id, news.content, "utf8");
    return { path: id, content: news.content, sha256: sha256(news.content) };
  },

  async delete(id) {
    try {
      await unlink(id);
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
  },
};
