/** The CommuneNetwork component, for any Pulumi program. */
export * from "./commune-network";
export * from "./stack-settings";
