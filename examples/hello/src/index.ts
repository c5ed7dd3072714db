import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { TextFile } from "@communes/provider";

const config = new pulumi.Config();
const commune = config.require("commune");
// Optional `directory`: where the file goes (absolute). Not declared in
// Pulumi.yaml because project config without a default is required.
const directory = config.get("directory") ?? path.join(os.tmpdir(), "communes-hello");

const greeting = new TextFile("greeting", {
  path: path.join(directory, `${pulumi.getStack()}.txt`),
  content: `Xin chào, xã ${commune}!\n`,
});

export const file = greeting.path;
export const sha256 = greeting.sha256;
