import { MAX_TOKEN_LIFETIME_HOURS, signAccessToken } from '#auth';
// #config/load, not #config: the index also loads the configuration's Nest module, and with it @nestjs/common,
// which would take most of the time of a command meant to answer at once.
import { ConfigError, loadConfig } from '#config/load';
import { PERSON_ROLES, type PersonRole } from '#kernel';
import { parseArgs } from './cli-args.js';

const USAGE = `Prints a development token signed with this server's JWT secret.

  npm run token -- --role unit_head --unit <unitId> [--role drafter] [--name "Nguyễn Văn A"] [--sub user-1] [--hours 8]

Roles: ${PERSON_ROLES.join(', ')}. drafter and unit_head need --unit.
Use it as: curl -H "Authorization: Bearer $(npm run -s token -- --role admin)" …`;

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.has('help') || !args.has('role')) {
    console.log(USAGE);
    process.exit(args.has('help') ? 0 : 2);
  }
  const roles = (args.get('role') ?? []).flatMap((value) => value.split(',')) as PersonRole[];
  const unknown = roles.filter((role) => !PERSON_ROLES.includes(role));
  if (unknown.length > 0) throw new Error(`Unknown role ${unknown.join(', ')}; use one of ${PERSON_ROLES.join(', ')}`);
  const unitId = args.get('unit')?.[0] ?? null;
  if (!unitId && roles.some((role) => role === 'drafter' || role === 'unit_head')) {
    throw new Error('drafter and unit_head work in a unit: add --unit <unitId> (GET /api/units lists them)');
  }
  const hours = Number(args.get('hours')?.[0] ?? 8);
  if (!(hours > 0 && hours <= MAX_TOKEN_LIFETIME_HOURS)) throw new Error(`--hours must be a number above 0 and at most ${MAX_TOKEN_LIFETIME_HOURS}`);
  const sub = args.get('sub')?.[0] ?? `dev-${roles.join('-')}${unitId ? `-${unitId.slice(0, 8)}` : ''}`;
  const name = args.get('name')?.[0] ?? sub;
  console.log(signAccessToken({ sub, name, roles, unitId }, loadConfig().jwtSecret, Math.round(hours * 3600)));
}

try {
  main();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exit(1);
}
