/** Notices: e-mail (when SMTP_URL is set) and how delivery retries back off. */
export interface NoticeConfig {
  /** smtp:// or smtps:// with credentials in the URL; null: no e-mail is sent. */
  smtpUrl: string | null;
  /** The From header of notice e-mails. */
  smtpFrom: string;
  /**
   * NOTICE_EMAILS: addresses per audience. Keys are `home_affairs`, `chairman`, `vice_chairman`, or
   * `drafter@<unit code>` / `unit_head@<unit code>`.
   */
  emails: Record<string, string[]>;
  /** Base delay of the exponential backoff between attempts of a webhook or e-mail delivery, ms. */
  deliveryBackoffMs: number;
}

type Env = Record<string, string | undefined>;

const PROVINCIAL_KEY = /^(home_affairs|chairman|vice_chairman)$/;
const UNIT_KEY = /^(drafter|unit_head)@[A-Za-z0-9_.-]{1,64}$/;
const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+$/;
const FROM = /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;
const EXAMPLE = '{"home_affairs":["vanthu@snv.example.vn"],"unit_head@SO-YTE":["giamdoc@soyte.example.vn"]}';

function parseEmails(raw: string | undefined, problems: string[]): Record<string, string[]> {
  if (raw === undefined || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push(`NOTICE_EMAILS is not JSON: use an object of address lists, e.g. ${EXAMPLE}`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(`NOTICE_EMAILS must be a JSON object of address lists, e.g. ${EXAMPLE}`);
    return {};
  }
  const emails: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!PROVINCIAL_KEY.test(key) && !UNIT_KEY.test(key)) {
      problems.push(
        `NOTICE_EMAILS key "${key}" names no audience: use home_affairs, chairman, vice_chairman, drafter@<unit code> or unit_head@<unit code>`,
      );
      continue;
    }
    const bad = Array.isArray(value) ? value.filter((address) => typeof address !== 'string' || !ADDRESS.test(address)) : [value];
    if (!Array.isArray(value) || value.length === 0 || bad.length > 0) {
      problems.push(`NOTICE_EMAILS "${key}" must be a non-empty list of e-mail addresses${bad.length ? ` (not: ${JSON.stringify(bad)})` : ''}`);
      continue;
    }
    emails[key] = value as string[];
  }
  return emails;
}

/** Reads SMTP_URL, SMTP_FROM, NOTICE_EMAILS and DELIVERY_BACKOFF_MS, adding one line per problem. */
export function parseNoticeConfig(env: Env, problems: string[]): NoticeConfig {
  let smtpUrl: string | null = env.SMTP_URL?.trim() || null;
  if (smtpUrl) {
    try {
      const url = new URL(smtpUrl);
      if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) throw new Error('scheme');
    } catch {
      problems.push('SMTP_URL is not an smtp:// or smtps:// URL: use smtp://user:password@mail.example.vn:587 or smtps://…:465');
      smtpUrl = null;
    }
  }

  const smtpFrom = env.SMTP_FROM?.trim() || 'Khen thưởng <no-reply@localhost>';
  if (!FROM.test(smtpFrom)) problems.push(`SMTP_FROM "${smtpFrom}" must be an address or "Name <address>"`);

  const emails = parseEmails(env.NOTICE_EMAILS, problems);
  if (Object.keys(emails).length > 0 && !env.SMTP_URL?.trim()) {
    problems.push('NOTICE_EMAILS is set but SMTP_URL is not: set SMTP_URL too, or remove NOTICE_EMAILS');
  }

  const rawBackoff = env.DELIVERY_BACKOFF_MS;
  const deliveryBackoffMs = rawBackoff === undefined || rawBackoff === '' ? 5000 : Number(rawBackoff);
  if (!Number.isInteger(deliveryBackoffMs) || deliveryBackoffMs < 1) {
    problems.push(`DELIVERY_BACKOFF_MS "${rawBackoff}" must be a whole number of ms, 1 or more`);
  }

  return { smtpUrl, smtpFrom, emails, deliveryBackoffMs };
}
