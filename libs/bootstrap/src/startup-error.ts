/**
 * A start-up failure that one line says in full, with what to do about it: printed as it is by
 * `exitOnStartupError`, never with a stack trace.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
