/**
 * The one base of every driver's errors (RouterOS, IOS switches,
 * videoconference endpoints). A DeviceError is a fact about a device or the
 * way to it — a refusal, a wrong password, a pin that does not match, a
 * connection that broke — never a bug of this project: the provider shows
 * its message as is, with no stack trace, and knows from `retryable` whether
 * the next operation may succeed where this one failed.
 */
export interface DeviceErrorDetail {
  /** The device, as the project names it (its host name, or how it was reached). */
  device?: string;
  /** What was being done: the command, the request. */
  operation?: string;
  /** What the device answered, in its own words. */
  said?: string;
  /** True when trying again may succeed (a broken connection, a timeout); false when the device or the inventory must change first. */
  retryable: boolean;
}

export class DeviceError extends Error {
  override name = "DeviceError";
  readonly device: string | undefined;
  readonly operation: string | undefined;
  readonly said: string | undefined;
  readonly retryable: boolean;

  constructor(message: string, detail: DeviceErrorDetail) {
    super(message);
    this.device = detail.device;
    this.operation = detail.operation;
    this.said = detail.said;
    this.retryable = detail.retryable;
  }
}
