/** Program-side resources of the communes provider. */
export { TextFile, type TextFileArgs } from "./lab/text-file";
