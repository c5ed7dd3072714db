/** The provider's version, reported to the engine: the package's own. */
export const version: string = (require("../package.json") as { version: string }).version;
