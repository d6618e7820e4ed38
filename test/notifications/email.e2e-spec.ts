import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { createUnit, type ProposalBody, type UnitBody } from '../support/api.js';
import { futureCampaign, localEndOfDay, obliterateQueues, proposalWithDeadline, rowsWhere, sendTimerEvent } from '../support/notices.js';
import { mailHeader, mailText, startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { REDIS_URL, startTestApp, startTestWorker, testConfig, uniqueQueuePrefix, type TestApp, PAPER_DOSSIERS} from '../support/test-app.js';
import { waitFor } from '../support/wait.js';

const NOMINEE = 'Phạm Thị Dung';
/** JOB_OPTIONS['notice.email'].attempts, written out. */
const ATTEMPTS = 6;

interface DeliveryRow {
  delivery_key: string;
  recipient: string;
  status: string;
  attempts: number | string;
}

describe('notices: e-mail through SMTP, one message per recipient [sqlite]', () => {
  const prefix = uniqueQueuePrefix('kt-mail');
  let api: TestApp | undefined;
  let worker: INestApplicationContext | undefined;
  let smtp: SmtpSink | undefined;
  let unit: UnitBody;
  let proposal: ProposalBody;

  beforeAll(async () => {
    smtp = await startSmtpSink(['refuse@ubnd.example.vn']);
    api = await startTestApp({ database: 'sqlite', queuePrefix: prefix, env: PAPER_DOSSIERS });
    unit = await createUnit(api);
    worker = await startTestWorker(
      testConfig({
        DATABASE_URL: api.config.database.url,
        QUEUE_PREFIX: prefix,
        SMTP_URL: smtp.url,
        SMTP_FROM: 'UBND tỉnh <thongbao@ubnd.example.vn>',
        DELIVERY_BACKOFF_MS: '25',
        NOTICE_EMAILS: JSON.stringify({
          [`drafter@${unit.code}`]: ['gd@unit.example.vn', 'cv@unit.example.vn'],
          [`unit_head@${unit.code}`]: ['gd@unit.example.vn'],
          'drafter@ANOTHER-UNIT': ['other@unit.example.vn'],
          home_affairs: ['vanthu@snv.example.vn'],
          chairman: ['vanphong@ubnd.example.vn'],
          vice_chairman: ['VanPhong@ubnd.example.vn', 'pct@ubnd.example.vn', 'refuse@ubnd.example.vn'],
        }),
      }),
    );
    proposal = await proposalWithDeadline(api, unit.id, (await futureCampaign(api)).id, NOMINEE);
  }, 30_000);

  afterAll(async () => {
    try {
      await worker?.close();
      await smtp?.close();
      await expect(obliterateQueues(prefix)).resolves.toEqual([]);
    } finally {
      await api?.close();
    }
  }, 30_000);

  const recipients = (from = 0) => smtp!.messages.slice(from).flatMap((m) => m.to).sort();
  const deliveries = (seq: number) =>
    rowsWhere<DeliveryRow>(api!, "SELECT delivery_key, recipient, status, attempts FROM notice_deliveries WHERE channel = 'email' AND delivery_key LIKE ? ORDER BY recipient", [
      `${proposal.id}:${seq}:%`,
    ]);

  it('a reminder mails the unit’s people, each address once, with a Vietnamese subject', async () => {
    const { seq } = await sendTimerEvent(api!, proposal.id, 'DEADLINE_REMINDER');
    await waitFor('two messages', () => smtp!.messages.length >= 2);
    expect(recipients()).toEqual(['cv@unit.example.vn', 'gd@unit.example.vn']);
    for (const message of smtp!.messages) {
      expect(message.to).toHaveLength(1);
      expect(message.from).toBe('thongbao@ubnd.example.vn');
      expect(mailHeader(message.raw, 'Subject')).toBe(`Nhắc hạn TH-5: hồ sơ đề nghị khen thưởng ${NOMINEE}`);
      expect(mailHeader(message.raw, 'From')).toBe('UBND tỉnh <thongbao@ubnd.example.vn>');
      const text = mailText(message.raw);
      // Names, not identifiers: the nominee and the award's kind; the id stays in the delivery's fields.
      expect(text).not.toContain(proposal.id);
      expect(text).toContain(`hồ sơ đề nghị khen thưởng theo chuyên đề (`);
      expect(text).toContain(`): ${NOMINEE} — `);
      expect(text).toContain(localEndOfDay((proposal.deadline as { dueDate: string }).dueDate));
      expect(text).toContain('Deadline approaching');
      expect(mailHeader(message.raw, 'Message-ID')).toBe(`<${mailHeader(message.raw, 'X-Delivery-Id')}@khen-thuong>`);
    }
    const rows = await waitFor('both deliveries recorded', async () => {
      const found = await deliveries(seq);
      return found.length === 2 && found.every((row) => row.status === 'delivered') && found;
    });
    expect(rows.map((row) => [row.delivery_key, Number(row.attempts)])).toEqual([
      [`${proposal.id}:${seq}:email:cv@unit.example.vn`, 1],
      [`${proposal.id}:${seq}:email:gd@unit.example.vn`, 1],
    ]);
  });

  it('an escalation mails the unit, home affairs and the chairman’s office, one message per address', async () => {
    const before = smtp!.messages.length;
    const { seq } = await sendTimerEvent(api!, proposal.id, 'ESCALATE');
    await waitFor('five more messages', () => smtp!.messages.length >= before + 5);
    expect(recipients(before)).toEqual(['cv@unit.example.vn', 'gd@unit.example.vn', 'pct@ubnd.example.vn', 'vanphong@ubnd.example.vn', 'vanthu@snv.example.vn']);
    for (const message of smtp!.messages.slice(before)) {
      expect(mailHeader(message.raw, 'Subject')).toBe(`Báo cáo lãnh đạo UBND tỉnh: hồ sơ đề nghị khen thưởng ${NOMINEE} quá hạn TH-5`);
    }
    // The address the server refuses is retried, then dead-lettered; the others are delivered once.
    const rows = await waitFor(
      'the refused address dead-lettered',
      async () => {
        const found = await deliveries(seq);
        return found.find((row) => row.recipient === 'refuse@ubnd.example.vn')?.status === 'dead' && found;
      },
      { timeoutMs: 15_000 },
    );
    expect(rows.map((row) => [row.recipient, row.status, Number(row.attempts)])).toEqual([
      ['cv@unit.example.vn', 'delivered', 1],
      ['gd@unit.example.vn', 'delivered', 1],
      ['pct@ubnd.example.vn', 'delivered', 1],
      ['refuse@ubnd.example.vn', 'dead', ATTEMPTS],
      ['vanphong@ubnd.example.vn', 'delivered', 1],
      ['vanthu@snv.example.vn', 'delivered', 1],
    ]);
    const [lastAttempt] = await rowsWhere<{ outcome: string; error: string }>(
      api!,
      `SELECT a.outcome, a.error FROM notice_delivery_attempts a JOIN notice_deliveries d ON d.id = a.delivery_id
       WHERE d.recipient = ? ORDER BY a.id DESC LIMIT 1`,
      ['refuse@ubnd.example.vn'],
    );
    expect(lastAttempt.outcome).toBe('dead');
    expect(lastAttempt.error).toMatch(/550/);
  }, 30_000);

  it('running the notice and delivery jobs again mails no one twice', async () => {
    const before = smtp!.messages.length;
    expect(before).toBe(7);
    const events = new Queue('domain-events', { connection: { url: REDIS_URL }, prefix });
    const mail = new Queue('notice-deliveries', { connection: { url: REDIS_URL }, prefix });
    try {
      const completed = (await events.getJobs(['completed'], 0, -1)).filter((job) => ['DEADLINE_REMINDER', 'ESCALATE'].includes(job.data.type));
      expect(completed).toHaveLength(2);
      for (const job of completed) {
        const replay = await events.add('proposal.transitioned', job.data, { jobId: `replay-${job.id}` });
        await waitFor('replay completed', async () => (await events.getJobState(replay.id!)) === 'completed');
      }
      const [delivered] = await rowsWhere<{ id: string }>(api!, "SELECT id FROM notice_deliveries WHERE recipient = 'gd@unit.example.vn' LIMIT 1", []);
      const again = await mail.add('notice.email', { deliveryId: delivered.id }, { jobId: 'again-gd', attempts: 1 });
      await waitFor('again-gd completed', async () => (await mail.getJobState(again.id!)) === 'completed');
    } finally {
      await events.close();
      await mail.close();
    }
    expect(smtp!.messages.length).toBe(before);
    const [count] = await rowsWhere<{ n: number | string }>(api!, "SELECT COUNT(*) AS n FROM notice_deliveries WHERE channel = 'email'", []);
    expect(Number(count.n)).toBe(2 + 6);
  });
});
