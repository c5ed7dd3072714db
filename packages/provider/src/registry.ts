/** Every resource type the communes provider serves. */
import type { AnyResourceType } from "./resource-type";
import { textFileType } from "./lab/text-file-type";
import { tableType } from "./routeros/table-type";
import { configExportType } from "./routeros/config-export-type";
import { iosSwitchType } from "./switch/ios-switch-type";
import { endpointType } from "./endpoint/endpoint-type";

export const resourceTypes: readonly AnyResourceType[] = [textFileType, tableType, configExportType, iosSwitchType, endpointType];
