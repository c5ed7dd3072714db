/** The lab: device emulators for tests and demos. */
export * from "./routeros/device";
export * from "./routeros/api-server";
export * from "./routeros/lab-certificate";
export * from "./routeros/lab-router";
export * from "./routeros/rest-server";
export * from "./routeros/ssh-server";
export * from "./ios/ios-state";
export * from "./ios/ios-cli";
export * from "./ios/ios-show";
export * from "./ios/ios-ssh-server";
export * from "./ios/lab-switch";
export * from "./endpoint/lab-endpoints";
export * from "./commune-lab";
export * from "./lab-addresses";
export * from "./listen";
export * from "./daemon/lab-record";
export * from "./daemon/inventory-lab";
