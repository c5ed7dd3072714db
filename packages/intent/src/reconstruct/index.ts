export { reconstruct, ReconstructError, slug, type Identity, type Reconstruction } from "./reconstruct";
export type { EndpointReading, OfficeReading, RouterReading, SwitchReading } from "./reading";
export { intendedConfig, intendedReading, intendedTable, type ReadingAccess } from "./intended-reading";
