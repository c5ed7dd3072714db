/** Reachability of a commune router's configuration, checked against its policy and its own needs. */
export * from "./router-config";
export * from "./router-script";
export * from "./services";
export * from "./site";
export * from "./routing";
export * from "./firewall";
export * from "./reach";
export * from "./matrix";
export * from "./requirements";
export * from "./checks";
export * from "./commune-site";
export * from "./commune-verification";
export * from "./policy-findings";
