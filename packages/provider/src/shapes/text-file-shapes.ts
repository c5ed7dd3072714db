/** `communes:lab:TextFile`: its inputs and state (text-file-type.ts). */
import { isAbsolute } from "node:path";
import type { TextFileInputs, TextFileState } from "../lab/text-file-type";
import { object, required, type Fields } from "./object-shape";
import { refine, string } from "./shape";
import type { ResourceShapes } from "./resource-shapes";

const INPUTS: Fields<TextFileInputs> = {
  path: required(refine(string(), "an absolute file path", isAbsolute), "Absolute path of the file. Changing it replaces the file."),
  content: required(string(), "The file's whole content, written as UTF-8."),
};

export const TEXT_FILE_SHAPES: ResourceShapes<TextFileInputs, TextFileState> = {
  description: "A UTF-8 text file on the machine running Pulumi: the smallest resource, for the smoke example and the toolchain's tests.",
  inputs: object(INPUTS),
  state: object<TextFileState>({ ...INPUTS, sha256: required(string(), "SHA-256 of the content as written, hex.") }),
};
