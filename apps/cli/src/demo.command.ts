import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Readable } from 'node:stream';
import { ConfigError, ConfigModule, loadConfig } from '#config';
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

/** The events that bring a fresh proposal to each stage, and who sends them. */
function pathTo(target: ProposalState, unit: { drafter: Actor; head: Actor }): [Actor, EventRequest][] {
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
      [chairman, { type: 'APPROVE', decision: { number: '1520/QĐ-UBND', date: '2026-06-22', signedBy: 'Chủ tịch UBND tỉnh' } }],
    ],
    awardedByUnit: [
      [unit.drafter, { type: 'SUBMIT' }],
      [unit.head, { type: 'AWARD_AT_UNIT', decision: { number: '87/QĐ-SGDĐT', date: '2026-05-04', signedBy: 'Giám đốc Sở' } }],
    ],
    rejected: [...toProvince, [council, { type: 'REJECT', reason: 'Thành tích chưa thực sự tiêu biểu, nổi bật' }]],
    withdrawn: [[unit.drafter, { type: 'WITHDRAW', reason: 'Đơn vị rút hồ sơ để bổ sung' }]],
  };
  return paths[target];
}

async function main(): Promise<void> {
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

    const education = await units.create({ code: 'SO-GDDT', name: 'Sở Giáo dục và Đào tạo' });
    const health = await units.create({ code: 'SO-YTE', name: 'Sở Y tế' });
    const district = await units.create({ code: 'UBND-CAO-LOC', name: 'UBND huyện Cao Lộc' });
    const campaign = await campaigns.create({
      title: 'Tổng kết phong trào thi đua "Chuyển đổi số" giai đoạn 2021–2025',
      round: 'programme_summary',
      plan: { ref: '45/KH-UBND', issuedAt: '2021-03-01' },
      launchedAt: '2021-04-01',
      finalReviewAt: '2026-05-20',
      guidance: {
        ref: '12/HD-SNV',
        issuedAt: '2026-04-10',
        scope: 'Các sở, ban, ngành, UBND các huyện, thành phố',
        subjects: 'Tập thể, cá nhân có thành tích xuất sắc trong chuyển đổi số',
        criteria: 'Hoàn thành xuất sắc nhiệm vụ chuyển đổi số',
        achievementPeriod: { from: '2021-01-01', to: '2025-12-31' },
        awardForms: ['chairman_certificate', 'unit_certificate'],
        quota: { chairman_certificate: 30, unit_certificate: 100 },
      },
      ceremonyDate: '2026-06-22',
    });

    const stages = PROPOSAL_STATES;
    const nominees = ['Nguyễn Thị Lan', 'Hoàng Văn Dũng', 'Lương Thị Hà', 'Vi Văn Thắng', 'Nông Thị Mai', 'Trường THPT Việt Bắc', 'Lăng Văn Sơn', 'Bế Thị Hoa', 'Chu Văn Bình', 'Hà Thị Thu'];
    let made = 0;
    for (const [i, stage] of stages.entries()) {
      const unit = [education, health, district][i % 3];
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
          : { type: 'individual', name: nominees[i] },
        achievement: thematic
          ? { summary: 'Triển khai hiệu quả hồ sơ điện tử toàn ngành', date: '2025-11-30' }
          : { summary: 'Dũng cảm cứu 2 học sinh bị lũ cuốn trôi', date: '2026-11-20', basis: 'rescue' },
      };
      const created = await create.execute(actors.drafter, draft);
      for (const [actor, event] of pathTo(stage, actors)) {
        const needed = DOCUMENTS_BEFORE[event.type];
        if (needed) await attach(created.body.id, actor, needed.kind, needed.title, nominees[i]);
        await apply.execute(created.body.id, actor, event);
      }
      made++;
      process.stderr.write(`  ${made}/${stages.length} ${stage.padEnd(22)} ${nominees[i]}\n`);
    }

    console.log(`\nDemo data written to ${config.database.url}:`);
    console.log(`  units: ${[education, health, district].map((u) => `${u.code} (${u.id})`).join(', ')}`);
    console.log(`  campaign: ${campaign.id}`);
    console.log(`  proposals: ${made}, one standing in each stage`);
    console.log('\nNext: start the service (npm start) and look around, e.g.');
    console.log(`  TOKEN=$(npm run -s token -- --role unit_head --unit ${education.id})`);
    console.log('  curl -s -H "Authorization: Bearer $TOKEN" "http://localhost:3000/api/proposals?inbox=true"');
  } finally {
    await app.close();
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
