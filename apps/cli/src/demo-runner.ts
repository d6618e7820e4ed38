import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Readable } from 'node:stream';
import { databaseIdentity, prefixOfItsOwn } from '#bootstrap';
import { addDays, localDateOf, type IsoDate } from '#calendar';
import { ConfigModule, DEFAULT_DATABASE_URL, loadConfig, type AppConfig } from '#config';
import { inspectContent, stageUpload } from '#documents';
import { DECREE_30, renderForm, type OfficialDocument } from '#forms';
import type { Actor, DocumentKind } from '#kernel';
import { openDatabase, PersistenceModule } from '#persistence';
import {
  ApplyProposalEventUseCase,
  CampaignUseCases,
  CreateProposalUseCase,
  DossierUseCases,
  ProposalsModule,
  UnitUseCases,
  type EventRequest,
  type NewProposal,
} from '#proposals';
import type { DataSource } from 'typeorm';
import { PROPOSAL_STATES, type ProposalState } from '#workflows/proposal';

/** What each step's holder attaches before it (docs/documents.md, HS-1 … HS-3), with the document's title. */
const DOCUMENTS_BEFORE: Partial<Record<string, { kind: DocumentKind; title: string }>> = {
  SUBMIT: { kind: 'bao_cao_thanh_tich', title: 'BÁO CÁO THÀNH TÍCH' },
  FORWARD: { kind: 'to_trinh', title: 'TỜ TRÌNH ĐỀ NGHỊ KHEN THƯỞNG' },
  RECOMMEND: { kind: 'bien_ban_hoi_dong', title: 'BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG' },
};

/** A one-page PDF standing in for the scan a clerk would attach, in the service's own fonts and margins. */
function standIn(title: string, nominee: string): OfficialDocument {
  const line = (text: string, bold = false) => ({ kind: 'paragraph' as const, runs: [{ text, bold }], align: 'center' as const, spaceAfterPt: 6 });
  return {
    meta: { title, fileStem: 'tai-lieu-mau' },
    page: { size: 'A4', orientation: 'portrait', marginsMm: { ...DECREE_30.marginsMm }, pageNumbers: 'none' },
    fontSizePt: DECREE_30.bodyPt,
    blocks: [line(title, true), line(nominee), line('(Tài liệu mẫu do lệnh npm run demo tạo ra)')],
  };
}

const person = (id: string, name: string, roles: Actor['roles'], unitId: string | null = null): Actor => ({ id, name, roles, unitId });

/** The events that bring a fresh proposal to each stage, and who sends them; decisions are signed `today`. */
function pathTo(target: ProposalState, unit: { drafter: Actor; head: Actor }, today: IsoDate): [Actor, EventRequest][] {
  const council = person('demo-council', 'Hội đồng TĐKT tỉnh', ['council']);
  const homeAffairs = person('demo-home-affairs', 'Sở Nội vụ', ['home_affairs']);
  const chairman = person('demo-chairman', 'Chủ tịch UBND tỉnh', ['chairman']);
  const toProvince: [Actor, EventRequest][] = [
    [unit.drafter, { type: 'SUBMIT' }],
    [unit.head, { type: 'FORWARD' }],
  ];
  const recommend: [Actor, EventRequest] = [council, { type: 'RECOMMEND', vote: { members: 9, for: 8, against: 1 } }];
  const agree: [Actor, EventRequest] = [homeAffairs, { type: 'AGREE' }];
  const paths: Record<ProposalState, [Actor, EventRequest][]> = {
    drafting: [],
    unitDecision: [[unit.drafter, { type: 'SUBMIT' }]],
    councilScreening: toProvince,
    homeAffairsAgreement: [...toProvince, recommend],
    chairmanDecision: [...toProvince, recommend, agree],
    supplementRequested: [
      ...toProvince,
      recommend,
      [homeAffairs, { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu bản sao quyết định công nhận thành tích' }],
    ],
    awarded: [
      ...toProvince,
      recommend,
      agree,
      [chairman, { type: 'APPROVE', decision: { number: '1520/QĐ-UBND', date: today, signedBy: 'Chủ tịch UBND tỉnh' } }],
    ],
    awardedByUnit: [
      [unit.drafter, { type: 'SUBMIT' }],
      [unit.head, { type: 'AWARD_AT_UNIT', decision: { number: '87/QĐ-SGDĐT', date: today, signedBy: 'Giám đốc Sở' } }],
    ],
    rejected: [...toProvince, [council, { type: 'REJECT', reason: 'Thành tích chưa thực sự tiêu biểu, nổi bật' }]],
    withdrawn: [[unit.drafter, { type: 'WITHDRAW', reason: 'Đơn vị rút hồ sơ để bổ sung' }]],
  };
  return paths[target];
}

/** A value as a shell word: as it is when that is safe, else in single quotes. */
const shellWord = (value: string) => (/^[\w./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

/**
 * The environment the closing hint's commands need to act on the demo's database: its DATABASE_URL (for every
 * command), and for the service also PORT when given and the queue prefix: QUEUE_PREFIX as given, or, on a
 * database other than the default, a prefix of its own (start-up refuses a prefix that already serves another
 * database, as the default one does once npm start has run on ./data/app.sqlite).
 */
async function hintEnvironment(config: AppConfig, dataSource: DataSource, env: NodeJS.ProcessEnv): Promise<{ database: string; service: string }> {
  const pairs = (entries: [string, string | undefined][]) =>
    entries.flatMap(([name, value]) => (value ? [`${name}=${shellWord(value)} `] : [])).join('');
  const customDatabase = !!env.DATABASE_URL && env.DATABASE_URL !== DEFAULT_DATABASE_URL;
  const prefix = env.QUEUE_PREFIX || (customDatabase ? prefixOfItsOwn(config.queuePrefix, await databaseIdentity(config.database, dataSource)) : undefined);
  const database = pairs([['DATABASE_URL', customDatabase ? env.DATABASE_URL : undefined]]);
  return { database, service: database + pairs([['QUEUE_PREFIX', prefix], ['PORT', env.PORT]]) };
}

/** Fills the database DATABASE_URL names, when it is empty, and prints the commands that act on it. */
export async function runDemo(): Promise<void> {
  const config = loadConfig();
  const dataSource = await openDatabase(config.database, true);
  @Module({ imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot(dataSource), ProposalsModule] })
  class DemoModule {}
  const app = await NestFactory.createApplicationContext(DemoModule, { logger: false });
  try {
    const units = app.get(UnitUseCases);
    if ((await units.list()).length > 0) {
      console.error(`${config.database.url} already holds data; the demo only fills an empty database.`);
      console.error('Point DATABASE_URL at a new file (e.g. DATABASE_URL=sqlite:./data/demo.sqlite npm run demo).');
      process.exitCode = 1;
      return;
    }
    const campaigns = app.get(CampaignUseCases);
    const create = app.get(CreateProposalUseCase);
    const apply = app.get(ApplyProposalEventUseCase);
    const dossier = app.get(DossierUseCases);
    /** Attaches a stand-in document through the same path an upload takes: staged, judged by its bytes, stored. */
    const attach = async (proposalId: string, actor: Actor, kind: DocumentKind, title: string, nominee: string) => {
      const bytes = await renderForm(standIn(title, nominee), 'pdf');
      const staged = await stageUpload(Readable.from([bytes]), { directory: config.documents.stagingDirectory, maxBytes: config.documents.maxBytes });
      const content = await inspectContent(staged.path);
      await dossier.attach(proposalId, actor, { kind, fileName: `${title.toLocaleLowerCase('vi')} - ${nominee}.pdf`, staged, content });
    };

    // Dated from today in Vietnam, as the service judges dates: a ceremony ahead, a rescue a few days ago (its
    // DX-4 deadline still running), decisions signed today; never a date the service would refuse as past or future.
    const today = localDateOf(new Date());
    // Units as they are since 1 July 2025 (docs/units.md): a department in the departments' bloc, a commune and a
    // ward in a cluster, and the former district that was merged into the commune on that day.
    const departments = await units.createCluster({ name: 'Khối các sở, ban, ngành', kind: 'khoi' });
    const communes = await units.createCluster({ name: 'Cụm thi đua các xã, phường khu vực Cao Lộc', kind: 'cum' });
    const education = await units.create({ code: 'SO-GDDT', name: 'Sở Giáo dục và Đào tạo', type: 'so_ban_nganh', clusterId: departments.id });
    const commune = await units.create({ code: 'XA-CAO-LOC', name: 'Xã Cao Lộc', type: 'xa', clusterId: communes.id });
    const ward = await units.create({ code: 'PHUONG-LVT', name: 'Phường Lương Văn Tri', type: 'phuong', clusterId: communes.id });
    const district = await units.create({ code: 'HUYEN-CAO-LOC', name: 'Huyện Cao Lộc', type: 'huyen_cu', clusterId: communes.id });
    const campaign = await campaigns.create({
      title: 'Tổng kết phong trào thi đua "Chuyển đổi số" giai đoạn 2021–2025',
      round: 'programme_summary',
      plan: { ref: '45/KH-UBND', issuedAt: '2021-03-01' },
      launchedAt: '2021-04-01',
      finalReviewAt: addDays(today, 30),
      guidance: {
        ref: '12/HD-SNV',
        issuedAt: addDays(today, -30),
        scope: 'Các sở, ban, ngành, UBND các xã, phường',
        subjects: 'Tập thể, cá nhân có thành tích xuất sắc trong chuyển đổi số',
        criteria: 'Hoàn thành xuất sắc nhiệm vụ chuyển đổi số',
        achievementPeriod: { from: '2021-01-01', to: '2025-12-31' },
        awardForms: ['chairman_certificate', 'unit_certificate'],
        quota: { chairman_certificate: 30, unit_certificate: 100 },
      },
      ceremonyDate: addDays(today, 60),
    });

    const stages = PROPOSAL_STATES;
    const nominees = ['Nguyễn Thị Lan', 'Hoàng Văn Dũng', 'Lương Thị Hà', 'Vi Văn Thắng', 'Nông Thị Mai', 'Trường THPT Việt Bắc', 'Lăng Văn Sơn', 'Bế Thị Hoa', 'Chu Văn Bình', 'Hà Thị Thu'];
    let made = 0;
    for (const [i, stage] of stages.entries()) {
      const unit = [education, commune, ward][i % 3];
      const actors = {
        drafter: person(`demo-drafter-${unit.code}`, `Chuyên viên ${unit.code}`, ['drafter'], unit.id),
        head: person(`demo-head-${unit.code}`, `Thủ trưởng ${unit.code}`, ['unit_head'], unit.id),
      };
      const thematic = i % 2 === 0;
      const draft: NewProposal = {
        kind: thematic ? 'thematic' : 'extraordinary',
        campaignId: thematic ? campaign.id : null,
        unitId: unit.id,
        awardForm: stage === 'awardedByUnit' ? 'unit_certificate' : 'chairman_certificate',
        nominee: nominees[i].startsWith('Trường')
          ? { type: 'collective', name: nominees[i], ownParticipants: 24, totalParticipants: 30 }
          : // Registered in the people registry as the proposal is created (docs/architecture.md, "People and their awards").
            { type: 'individual', name: nominees[i], birthYear: 1978 + i, gender: / Thị /.test(nominees[i]) ? 'female' : 'male', workplace: unit.name },
        achievement: thematic
          ? { summary: 'Triển khai hiệu quả hồ sơ điện tử toàn ngành', date: '2025-11-30' }
          : { summary: 'Dũng cảm cứu 2 học sinh bị lũ cuốn trôi', date: addDays(today, -3), basis: 'rescue' },
      };
      const created = await create.execute(actors.drafter, draft);
      for (const [actor, event] of pathTo(stage, actors, today)) {
        const needed = DOCUMENTS_BEFORE[event.type];
        if (needed) await attach(created.body.id, actor, needed.kind, needed.title, nominees[i]);
        await apply.execute(created.body.id, actor, event);
      }
      made++;
      process.stderr.write(`  ${made}/${stages.length + 1} ${stage.padEnd(22)} ${nominees[i]}\n`);
    }

    // The former district's proposal, for an achievement of May 2025, awarded before the merge is recorded: it
    // still reads "Huyện Cao Lộc (nay là Xã Cao Lộc)", and the district takes no new proposal (409 UNIT_DISSOLVED).
    const districtActors = {
      drafter: person(`demo-drafter-${district.code}`, `Chuyên viên ${district.code}`, ['drafter'], district.id),
      head: person(`demo-head-${district.code}`, `Thủ trưởng ${district.code}`, ['unit_head'], district.id),
    };
    const old = await create.execute(districtActors.drafter, {
      kind: 'thematic',
      campaignId: campaign.id,
      unitId: district.id,
      awardForm: 'chairman_certificate',
      nominee: { type: 'individual', name: 'Hoàng Thị Nga' },
      achievement: { summary: 'Đưa dịch vụ công trực tuyến toàn trình về các xã của huyện', date: '2025-05-20' },
    });
    for (const [actor, event] of pathTo('awarded', districtActors, today)) {
      const needed = DOCUMENTS_BEFORE[event.type];
      if (needed) await attach(old.body.id, actor, needed.kind, needed.title, 'Hoàng Thị Nga');
      await apply.execute(old.body.id, actor, event);
    }
    made++;
    await units.recordChange(person('demo-admin', 'Quản trị hệ thống', ['admin']), district.id, {
      kind: 'merged_into',
      from: '2025-07-01',
      successorId: commune.id,
      document: { ref: '1675/NQ-UBTVQH15', issuedAt: '2025-06-16', kind: 'Nghị quyết' },
    });
    process.stderr.write(`  ${made}/${stages.length + 1} ${'awarded'.padEnd(22)} Hoàng Thị Nga (Huyện Cao Lộc, sáp nhập vào Xã Cao Lộc từ 01/07/2025)\n`);

    console.log(`\nDemo data written to ${config.database.url}:`);
    console.log(`  units: ${[education, commune, ward, district].map((u) => `${u.code} (${u.id})`).join(', ')}`);
    console.log(`  ${district.name} merged into ${commune.name} from 01/07/2025 (see /units as admin)`);
    console.log(`  campaign: ${campaign.id}`);
    console.log(`  proposals: ${made}, one standing in each stage, and the former district's awarded one`);
    const hint = await hintEnvironment(config, dataSource, process.env);
    console.log('\nNext: start the service on this database and look around, e.g.');
    console.log(`  ${hint.service}npm start`);
    console.log(`  TOKEN=$(npm run -s token -- --role unit_head --unit ${education.id})`);
    console.log(`  curl -s -H "Authorization: Bearer $TOKEN" "http://localhost:${config.port}/api/proposals?inbox=true"`);
    console.log(`  ${hint.database}npm run audit -- verify`);
  } finally {
    await app.close();
    await dataSource.destroy();
  }
}

