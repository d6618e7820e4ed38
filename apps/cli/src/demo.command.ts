/**
 * `npm run demo`: the usage here, the work in demo-runner.ts, loaded only when there is work to do (Nest, TypeORM
 * and the document renderers take seconds to load, which --help need not wait for).
 */
const USAGE = `Fills an empty database with units as they are since July 2025 (a department, a commune, a ward,
and a former district merged into the commune), a campaign and a proposal standing in every stage.

  npm run demo
  DATABASE_URL=sqlite:./data/demo.sqlite npm run demo

The database is the one DATABASE_URL names (the same default as npm start: sqlite:./data/app.sqlite); one that
already holds data is left alone. At the end it prints the commands that act on that database.`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
    console.log(USAGE);
    return;
  }
  if (argv.length > 0) {
    console.error(`Unexpected argument "${argv[0]}": the demo takes none.\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { runDemo } = await import('./demo-runner.js');
  await runDemo();
}

main().catch(async (error) => {
  const [{ ConfigError }, { DomainError }] = await Promise.all([import('#config'), import('#kernel')]);
  console.error(error instanceof ConfigError || error instanceof DomainError ? error.message : error);
  process.exit(1);
});
