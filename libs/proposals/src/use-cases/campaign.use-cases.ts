import { randomUUID } from 'node:crypto';
import { th5Deadline, today, type WorkingCalendar } from '#calendar';
import { Clock, DomainError } from '#kernel';
import type { AwardForm } from '#workflows/proposal';
import { CampaignRepository } from '../ports/campaign.repository.js';
import { ProposalRepository } from '../ports/proposal.repository.js';
import { UnitRepository } from '../ports/unit.repository.js';
import { campaignProblems, ceremonyOrderProblems, refuseIfAny, type FieldProblem } from '../input-windows.policy.js';
import { DEADLINE_OPEN_STATES } from '../proposal-deadline.policy.js';
import type { CampaignRecord, ProposalDeadline } from '../proposal.records.js';

export type NewCampaign = Omit<CampaignRecord, 'id' | 'createdAt' | 'updatedAt'>;

/** A campaign as clients see it, with the day its dossiers must reach the department (TH-5). */
export type CampaignView = CampaignRecord & { dossierDeadline: ProposalDeadline | null };

export interface CampaignQuota {
  campaignId: string;
  byAwardForm: { awardForm: AwardForm; limit: number | null; used: number }[];
}

export class CampaignUseCases {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly proposals: ProposalRepository,
    private readonly units: UnitRepository,
    private readonly clock: Clock,
    private readonly calendar: WorkingCalendar,
  ) {}

  /**
   * TH-5's deadline for the campaign's ceremony. A ceremony the working calendar cannot count back from (1800,
   * 9999) is the caller's mistake, named as such: it is asked before anything is written, so such a date never
   * reaches a row that every later list would then fail to show.
   */
  private dossierDeadline(campaign: CampaignRecord): ProposalDeadline | null {
    if (!campaign.ceremonyDate) return null;
    try {
      const { rule, dueDate, dueAt, provisional } = th5Deadline(campaign.ceremonyDate, this.calendar);
      return { rule, dueDate, dueAt, provisional };
    } catch (error) {
      // The calendar says so as a RangeError or as its own VALIDATION_FAILED, without naming the request's field.
      const outOfRange = error instanceof RangeError || (error instanceof DomainError && error.code === 'VALIDATION_FAILED');
      if (!outOfRange) throw error;
      throw new DomainError('VALIDATION_FAILED', `The ceremony date ${campaign.ceremonyDate} is outside the working calendar`, {
        errors: [{ field: 'ceremonyDate', message: `no working calendar for ${campaign.ceremonyDate}: ${error.message}` }],
      });
    }
  }

  private toView(campaign: CampaignRecord): CampaignView {
    return { ...campaign, dossierDeadline: this.dossierDeadline(campaign) };
  }

  async create(input: NewCampaign): Promise<CampaignView> {
    refuseIfAny([...campaignProblems(input, today(this.clock)), ...(await this.unknownQuotaUnits(input))]);
    const now = this.clock.now().toISOString();
    const campaign: CampaignRecord = { id: randomUUID(), ...input, createdAt: now, updatedAt: now };
    const view = this.toView(campaign);
    await this.campaigns.create(campaign);
    return view;
  }

  async get(id: string): Promise<CampaignView> {
    return this.toView(await this.find(id));
  }

  async list(): Promise<CampaignView[]> {
    return (await this.campaigns.list()).map((c) => this.toView(c));
  }

  /**
   * Moves the ceremony, and with it the TH-5 deadline of every open thematic proposal of the campaign: one
   * statement, however many proposals there are.
   */
  async reschedule(id: string, ceremonyDate: string, options: { confirm?: boolean } = {}): Promise<CampaignView & { proposalsMoved: number }> {
    const before = await this.find(id);
    refuseIfAny(ceremonyOrderProblems({ ...before, ceremonyDate }, today(this.clock)));
    const campaign = { ...before, ceremonyDate, updatedAt: this.clock.now().toISOString() };
    const view = this.toView(campaign);
    if (!options.confirm) await this.refuseMakingLate(before, view);
    await this.campaigns.update(campaign);
    const proposalsMoved = await this.proposals.setCampaignDeadline(id, DEADLINE_OPEN_STATES, view.dossierDeadline, {
      topic: 'deadlines.reconcile',
      key: `campaign.${id}.${campaign.updatedAt}`,
      payload: { campaignId: id, reason: `ceremony moved to ${ceremonyDate}` },
    }, campaign.updatedAt);
    return { ...view, proposalsMoved };
  }

  /**
   * How much of each award form's number (TH-1) the campaign has used: proposals past the unit stage and
   * neither rejected nor withdrawn, the same count FORWARD is judged against. Forms the guidance offers come
   * first; a form in use that the guidance does not offer is listed too, with no limit.
   */
  async quota(id: string): Promise<CampaignQuota> {
    const campaign = await this.find(id);
    const usage = await this.proposals.quotaUsage(id, '');
    const forms = new Set<AwardForm>([...(campaign.guidance?.awardForms ?? []), ...(Object.keys(usage.byAwardForm) as AwardForm[])]);
    return {
      campaignId: id,
      byAwardForm: [...forms].map((awardForm) => ({
        awardForm,
        limit: campaign.guidance?.quota?.[awardForm] ?? null,
        used: usage.byAwardForm[awardForm] ?? 0,
      })),
    };
  }

  /**
   * Moving a ceremony earlier can leave open dossiers with a TH-5 deadline that has already passed: each would
   * be marked late and escalated at once, and the log keeps that forever. So it is done only when the caller
   * has seen how many and says so (`confirm: true`).
   */
  private async refuseMakingLate(before: CampaignRecord, after: CampaignView): Promise<void> {
    const now = this.clock.now().toISOString();
    const newDue = after.dossierDeadline?.dueAt;
    if (!newDue || newDue >= now) return;
    const oldDue = before.ceremonyDate ? this.dossierDeadline(before)?.dueAt : undefined;
    if (oldDue && oldDue < now) return; // already late before the move: the move changes nothing for them
    let madeLate = 0;
    for await (const batch of this.proposals.openDeadlines(DEADLINE_OPEN_STATES, before.id)) madeLate += batch.length;
    if (madeLate === 0) return;
    throw new DomainError(
      'CONFIRMATION_REQUIRED',
      `Moving the ceremony to ${after.ceremonyDate} puts the TH-5 deadline at ${after.dossierDeadline!.dueDate}, already past: ${madeLate} open proposal(s) would be late at once. Send confirm: true to move it anyway.`,
      { field: 'ceremonyDate', rule: 'TH-5', proposalsMadeLate: madeLate, dossierDeadline: after.dossierDeadline },
    );
  }

  /** TH-2's numbers per unit must name units that exist: a quota for a unit nobody can draft for is a typo. */
  private async unknownQuotaUnits(input: NewCampaign): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    for (const unitId of Object.keys(input.guidance?.unitQuota ?? {})) {
      if (!(await this.units.findById(unitId))) {
        problems.push({ field: `guidance.unitQuota.${unitId}`, message: `guidance.unitQuota names ${unitId}, which is no unit` });
      }
    }
    return problems;
  }

  private async find(id: string): Promise<CampaignRecord> {
    const campaign = await this.campaigns.findById(id);
    if (!campaign) throw new DomainError('NOT_FOUND', `Campaign ${id} does not exist`, { id });
    return campaign;
  }
}
