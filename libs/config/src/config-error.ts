/** Start-up stops on this with one line per problem and what to do about it; never a stack trace. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
