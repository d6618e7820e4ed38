import {
  certificateDocument,
  formFileName,
  FORM_MEDIA_TYPES,
  quyetDinhDocument,
  renderForm,
  toTrinhDocument,
  type FormFormat,
  type IssuingBody,
  type NomineeLine,
  type OfficialDocument,
  type QuyetDinhData,
  type Signer,
} from '#forms';
import { Clock, DomainError, type Actor } from '#kernel';
import { localDateOf } from '#calendar';
import { decisionNameOf, issuingUnitOn, sentNameOf } from '../document-unit-name.policy.js';
import { nameOn } from '../unit-history.policy.js';
import { CampaignRepository } from '../ports/campaign.repository.js';
import { ProposalRepository } from '../ports/proposal.repository.js';
import { UnitRepository } from '../ports/unit.repository.js';
import { assertCanSeeUnit } from '../proposal-access.policy.js';
import type { ProposalForm } from '../dossier.view.js';
import { PROVINCE } from '../province.js';
import type { ProposalRecord, UnitRecord } from '../proposal.records.js';

/** A generated document, ready to send. */
export interface GeneratedForm {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/** Laws every commendation decision of the province rests on (Decree 30/2020: "Căn cứ" lines, italic). */
const LEGAL_BASES = [
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
  'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
  'Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;',
];

const CAMPAIGN_PAGE = 200;

/**
 * The documents generated from what is stored (docs/documents.md): the unit's tờ trình, the decision and the
 * certificate once the award is decided, and a campaign's decision over its whole approved list. Nothing here
 * writes: a generated form is a rendering of the log, and the signed copy comes back as a `quyet_dinh` upload.
 */
export class ProposalForms {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly units: UnitRepository,
    private readonly campaigns: CampaignRepository,
    private readonly clock: Clock,
  ) {}

  async forProposal(proposalId: string, form: ProposalForm, format: FormFormat, viewer: Actor): Promise<GeneratedForm> {
    const record = await this.proposals.findById(proposalId);
    if (!record) throw new DomainError('NOT_FOUND', `Proposal ${proposalId} does not exist`, { id: proposalId });
    assertCanSeeUnit(viewer, record.unitId);
    const unit = await this.unitOf(record);
    const campaignTitle = record.campaignId ? ((await this.campaigns.findById(record.campaignId))?.title ?? null) : null;
    const context = record.snapshot.context;

    if (form === 'to-trinh') {
      // The unit's own paper, as it was sent (docs/documents.md): its name on that day, even if renamed or merged since.
      const name = sentNameOf(unit, await this.sentOn(record));
      const document = toTrinhDocument({
        issuer: unitIssuer(name),
        number: null,
        symbol: `TTr-${unit.code}`,
        date: null,
        awardForm: context.awardForm,
        kind: record.kind,
        campaignTitle,
        recipient: context.awardForm === 'chairman_certificate' ? PROVINCE.chairman : `Thủ trưởng ${name}`,
        nominees: [nomineeLine(record, name)],
        signer: unitHeadSigner(),
      });
      return render(document, format);
    }

    // Every unit, for the chain of merges a decision may have to name (a few hundred rows, docs/units.md).
    const units = new Map((await this.units.list()).map((one) => [one.id, one]));
    const decided = await this.decisionOf(record, unit, units);
    // Named as on the decision's date: "Huyện Cao Lộc (nay là Xã Cao Lộc)" once the unit had been merged.
    const nominee = nomineeLine(record, decisionNameOf(unit, decided.date, units));
    if (form === 'quyet-dinh') {
      const document = quyetDinhDocument({ ...decided, kind: record.kind, campaignTitle, nominees: [nominee] });
      return render(document, format);
    }
    const document = certificateDocument({
      awardForm: context.awardForm,
      issuer: decided.issuer,
      nominee,
      decision: { number: decided.number, date: decided.date },
      signer: decided.signer,
      campaignTitle,
    });
    return render(document, format);
  }

  /**
   * One decision over a campaign's approved list: the proposals APPROVEd under the same decision number (the
   * newest number, unless one is asked for), each a line of its list.
   */
  async forCampaign(campaignId: string, format: FormFormat, viewer: Actor, decisionNumber?: string): Promise<GeneratedForm> {
    const campaign = await this.campaigns.findById(campaignId);
    if (!campaign) throw new DomainError('NOT_FOUND', `Campaign ${campaignId} does not exist`, { id: campaignId });
    if (!viewer.roles.some((role) => role !== 'drafter' && role !== 'unit_head')) {
      throw new DomainError('FORBIDDEN', "A campaign's decision lists every unit's nominees: provincial roles only");
    }
    const awarded: ProposalRecord[] = [];
    let cursor: string | null = null;
    do {
      const page = await this.proposals.list({ scopes: [{}], campaignId, state: 'awarded' }, cursor, CAMPAIGN_PAGE);
      awarded.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const withDecision = awarded.filter((record) => record.snapshot.context.decision);
    if (withDecision.length === 0) {
      throw new DomainError('FORM_NOT_READY', 'No proposal of this campaign has been approved yet: there is no decision to print', {
        campaignId,
      });
    }
    const newest = withDecision.reduce((a, b) => (a.updatedAt >= b.updatedAt ? a : b));
    const number = decisionNumber ?? newest.snapshot.context.decision!.number;
    const listed = withDecision.filter((record) => record.snapshot.context.decision!.number === number);
    if (listed.length === 0) {
      throw new DomainError('NOT_FOUND', `No proposal of this campaign was approved under decision ${number}`, { decision: number });
    }
    const units = new Map((await this.units.list()).map((unit) => [unit.id, unit]));
    const first = listed[0];
    const decided = await this.decisionOf(first, units.get(first.unitId)!, units);
    const nominees = listed
      .map((record) => nomineeLine(record, decisionNameOf(units.get(record.unitId)!, decided.date, units)))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || a.name.localeCompare(b.name, 'vi'));
    const document = quyetDinhDocument({ ...decided, kind: first.kind, campaignTitle: campaign.title, nominees });
    return render(document, format);
  }

  /** Who issued the award, under which number, on which day, signed by whom: only once it is decided. */
  private async decisionOf(
    record: ProposalRecord,
    unit: UnitRecord,
    units: ReadonlyMap<string, UnitRecord>,
  ): Promise<Pick<QuyetDinhData, 'issuer' | 'number' | 'date' | 'awardForm' | 'legalBases' | 'proposer' | 'signer' | 'recipients'>> {
    const context = record.snapshot.context;
    if (record.state === 'awarded' && context.decision) {
      const approval = (await this.proposals.history(record.id)).findLast((event) => event.type === 'APPROVE');
      const onBehalf = approval?.actor.roles.includes('vice_chairman') && !approval.actor.roles.includes('chairman');
      return {
        issuer: { name: PROVINCE.committee, place: PROVINCE.place, nameInText: 'Ủy ban nhân dân tỉnh' },
        number: context.decision.number,
        date: context.decision.date,
        awardForm: context.awardForm,
        legalBases: LEGAL_BASES,
        proposer: 'Xét đề nghị của Giám đốc Sở Nội vụ',
        signer: { authority: onBehalf ? 'KT. CHỦ TỊCH' : '', title: onBehalf ? 'PHÓ CHỦ TỊCH' : 'CHỦ TỊCH', name: context.decision.signedBy },
        recipients: ['Như Điều 3', 'Chủ tịch, các Phó Chủ tịch UBND tỉnh', 'Lưu: VT, NV'],
      };
    }
    if (record.state === 'awardedByUnit') {
      const award = (await this.proposals.history(record.id)).findLast((event) => event.type === 'AWARD_AT_UNIT');
      const date = context.decision?.date ?? localDateOf(award ? new Date(award.at) : this.clock.now());
      // A unit that had ended by then issues nothing: the unit it was merged into does (docs/documents.md).
      const issuing = issuingUnitOn(unit, date, units);
      return {
        issuer: unitIssuer(nameOn(issuing, date)),
        // The unit registers its own decision: the number is left for its clerk unless the award carried one.
        number: context.decision?.number ?? `      /QĐ-${issuing.code}`,
        date,
        awardForm: context.awardForm,
        legalBases: [LEGAL_BASES[1], LEGAL_BASES[2]],
        proposer: `Xét đề nghị của bộ phận phụ trách thi đua, khen thưởng`,
        signer: unitHeadSigner(),
        recipients: ['Như Điều 3', 'Lưu: VT'],
      };
    }
    throw new DomainError('FORM_NOT_READY', 'The award has not been decided yet: the decision and the certificate come after APPROVE', {
      state: record.state,
    });
  }

  /**
   * The day the tờ trình left the unit: its latest FORWARD (to the province), else its latest SUBMIT (to the
   * unit's head, for the unit's own award); not sent yet, the day it is printed.
   */
  private async sentOn(record: ProposalRecord): Promise<string> {
    const history = await this.proposals.history(record.id);
    const sent = history.findLast((event) => event.type === 'FORWARD') ?? history.findLast((event) => event.type === 'SUBMIT');
    return localDateOf(sent ? new Date(sent.at) : this.clock.now());
  }

  private async unitOf(record: ProposalRecord): Promise<UnitRecord> {
    const unit = await this.units.findById(record.unitId);
    if (!unit) throw new DomainError('NOT_FOUND', `Unit ${record.unitId} does not exist`, { id: record.unitId });
    return unit;
  }
}

async function render(document: OfficialDocument, format: FormFormat): Promise<GeneratedForm> {
  return { fileName: formFileName(document, format), mediaType: FORM_MEDIA_TYPES[format], bytes: await renderForm(document, format) };
}

/** The unit as the issuer of its own paper, under the name it bears on that paper's day. */
const unitIssuer = (name: string): IssuingBody => ({
  parent: PROVINCE.committeeShort,
  name: name.toLocaleUpperCase('vi'),
  place: PROVINCE.place,
  nameInText: name,
});

/** The head signs with the title of their own office, which the unit registry does not hold yet: a blank line. */
const unitHeadSigner = (): Signer => ({ authority: '', title: 'THỦ TRƯỞNG ĐƠN VỊ', name: '' });

/** `unitName`: the unit as the document names it on its own day (document-unit-name.policy.ts). */
function nomineeLine(record: ProposalRecord, unitName: string): NomineeLine {
  const { nominee, achievement } = record.snapshot.context;
  return { name: nominee.name, type: nominee.type, title: nominee.title ?? null, unitName, achievementSummary: achievement.summary };
}
