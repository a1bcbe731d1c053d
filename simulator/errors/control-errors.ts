// The control plane's error type: a stable code, a message naming the rule, and the field at fault.

export type ControlCode =
  | 'invalid_json'
  | 'invalid_field'
  | 'body_too_large'
  | 'not_found'
  | 'route_not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'not_manual_clock'
  | 'unprocessable'
  | 'host_not_allowed'
  | 'origin_not_allowed'
  | 'unsupported_media_type'
  | 'path_not_allowed';

/** Thrown by the backend and control routes; the control error handler turns it into JSON. */
export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';
  constructor(
    readonly code: ControlCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
