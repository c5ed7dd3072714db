/** The program side of `communes:lab:TextFile`. */
import * as pulumi from "@pulumi/pulumi";
import { TEXT_FILE_TOKEN } from "./text-file-type";

export interface TextFileArgs {
  /** Absolute path of the file. Changing it replaces the file. */
  path: pulumi.Input<string>;
  /** The file's whole content, written as UTF-8. */
  content: pulumi.Input<string>;
}

export class TextFile extends pulumi.CustomResource {
  declare readonly path: pulumi.Output<string>;
  declare readonly content: pulumi.Output<string>;
  /** SHA-256 of the content as written, hex. */
  declare readonly sha256: pulumi.Output<string>;

  constructor(name: string, args: TextFileArgs, opts?: pulumi.CustomResourceOptions) {
    super(TEXT_FILE_TOKEN, name, { path: args.path, content: args.content, sha256: undefined }, opts);
  }
}
