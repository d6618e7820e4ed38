import { parseArgs, UsageError } from './cli-args.js';

const USAGE = `Audit the proposal log (reads only, except checkpoint and migrate).

  npm run audit -- verify [--checkpoint <file.json> | --checkpoint-id <id> | --no-checkpoint] [--no-replay] [--no-documents] [--json]
      Walks every proposal's hash chain and replays it against its stored snapshot, hashes every document's
      stored bytes again, and holds the log against the newest stored checkpoint, naming each proposal
      rewritten, truncated or deleted since it was signed. --checkpoint takes a file exported by "checkpoint"
      instead, --checkpoint-id another stored one, --no-checkpoint none. On a copy of the database, set
      AUDIT_TRUSTED_PUBLIC_KEYS to the server's public key so that its signatures are checked under it.
      Exit status 0: intact; 1: something is broken (listed); 2: the command could not run.
  npm run audit -- replay <proposalId> [--at <ISO instant> | --seq <n>]
      The proposal's state and context at that point, with chainValid and matchesStored.
  npm run audit -- export [--from <ISO>] [--to <ISO>] [--proposal <id>] [--format ndjson|csv] [--out <file>]
      Events with their hashes, for offline checking (NDJSON) or a spreadsheet (CSV); standard output by default.
  npm run audit -- checkpoint [--out <file.json>]
      Signs a checkpoint of the whole log with AUDIT_SIGNING_KEY, stores it, and writes the file to keep
      off the server (standard output by default).
  npm run audit -- checkpoints
      The stored checkpoints, newest first.
  npm run audit -- migrate <proposalId>... [--to <version>]
      Moves in-flight proposals to a newer machine version (default: the current one), logging MIGRATED.

The database is the one DATABASE_URL names (the same defaults as npm start).`;

const COMMANDS = ['verify', 'replay', 'export', 'checkpoint', 'checkpoints', 'migrate'];

/** `verify`, ids and flags: positionals first, then `--flags` in the shared parser's syntax. */
function splitArgs(argv: string[]): { command: string | undefined; positionals: string[]; flags: Map<string, string[]> } {
  const firstFlag = argv.findIndex((arg) => arg.startsWith('--'));
  const positionals = firstFlag === -1 ? argv : argv.slice(0, firstFlag);
  const flags = parseArgs(firstFlag === -1 ? [] : argv.slice(firstFlag));
  return { command: positionals[0], positionals: positionals.slice(1), flags };
}

/** Asked for help in any of the usual ways: `help` as the command, or `--help` / `-h` anywhere on the line. */
const asksForHelp = (argv: string[]) => argv[0] === 'help' || argv.some((arg) => arg === '--help' || arg === '-h');

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (asksForHelp(argv)) {
    console.log(USAGE);
    return 0;
  }
  let parsed: ReturnType<typeof splitArgs>;
  try {
    parsed = splitArgs(argv);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Run npm run audit -- --help`);
  }
  const { command, positionals, flags } = parsed;
  if (!command) {
    // Nothing asked: the usage, on standard error, and a status that says nothing was done.
    console.error(USAGE);
    return 2;
  }
  if (!COMMANDS.includes(command)) throw new UsageError(`Unknown command "${command}". Run npm run audit -- help`);
  const { runAudit } = await import('./audit-runner.js');
  return runAudit(command, positionals, flags);
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    // The libraries load only with a command, and so their error classes: asked for here, when one is needed.
    const [{ ConfigError }, { DomainError }] = await Promise.all([import('#config'), import('#kernel')]);
    const known = error instanceof ConfigError || error instanceof UsageError || error instanceof DomainError;
    console.error(known ? error.message : error);
    process.exit(2);
  },
);
