/** `--name value`, `--name=value` and repeated flags; nothing clever, so that `--help` can say it all. */
export function parseArgs(argv: string[]): Map<string, string[]> {
  const args = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const value = inline ?? (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : 'true');
    args.set(name, [...(args.get(name) ?? []), value]);
  }
  return args;
}

/** A command line the command cannot act on: said in one line, with the way to the usage, never a stack trace. */
export class UsageError extends Error {}
