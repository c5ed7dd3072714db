/** What an endpoint refused or answered that the driver cannot use. */
import { DeviceError } from "@communes/device-error";

/** The endpoint refused or answered what the driver cannot use (a wrong password, a parameter it does not have, a pin that does not match). */
export class EndpointError extends DeviceError {
  override name = "EndpointError";
  constructor(message: string, retryable = false) {
    super(message, { retryable });
  }
}
