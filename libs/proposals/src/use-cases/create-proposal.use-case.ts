import { randomUUID } from 'node:crypto';
import { today, type WorkingCalendar } from '#calendar';
import { GENESIS_HASH, eventHash } from '#audit';
import { Clock, DomainError, type Actor } from '#kernel';
import { CURRENT_MACHINE_VERSION, startProposal, type ProposalInput } from '#workflows/proposal';
import { oncePerKey, type IdempotencyToken } from '../idempotency.js';
import { CampaignRepository } from '../ports/campaign.repository.js';
import { ProposalRepository } from '../ports/proposal.repository.js';
import { UnitRepository } from '../ports/unit.repository.js';
import type { PersonRepository } from '../ports/person.repository.js';
import { personFacts, stampPerson } from '../person-registry.policy.js';
import { achievementProblems, refuseIfAny } from '../input-windows.policy.js';
import { assertCanDraftFor } from '../proposal-access.policy.js';
import { assertUnitAcceptsProposals } from '../unit-history.policy.js';
import { proposalDeadline } from '../proposal-deadline.policy.js';
import { judgeProposal } from '../proposal-rules.js';
import type { LoggedEvent, ProposalRecord } from '../proposal.records.js';
import { toProposalView, type ProposalView } from '../proposal.view.js';

export type NewProposal = Omit<ProposalInput, 'proposalId'>;

export class CreateProposalUseCase {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly units: UnitRepository,
    private readonly campaigns: CampaignRepository,
    private readonly clock: Clock,
    private readonly calendar: WorkingCalendar,
    /** The registry of nominees: every nominee is registered (or the named person checked) before CREATED. */
    private readonly people: PersonRepository,
  ) {}

  async execute(actor: Actor, draft: NewProposal, token?: IdempotencyToken) {
    assertCanDraftFor(actor, draft.unitId);
    refuseIfAny(achievementProblems(draft.achievement, today(this.clock)));
    const unit = await this.units.findHead(draft.unitId);
    if (!unit) {
      throw new DomainError('NOT_FOUND', `Unit ${draft.unitId} does not exist`, { field: 'unitId' });
    }
    // A unit merged or dissolved (docs/units.md) drafts nothing new: 409 UNIT_DISSOLVED names its successor.
    if (unit.dissolvedOn) {
      const successor = unit.successorId ? await this.units.findHead(unit.successorId) : null;
      assertUnitAcceptsProposals(unit, today(this.clock), successor?.name);
    }
    if (draft.kind === 'thematic' && !draft.campaignId) {
      throw new DomainError('VALIDATION_FAILED', 'A thematic proposal belongs to a campaign', {
        errors: [{ field: 'campaignId', message: 'campaignId is required when kind is thematic' }],
      });
    }
    const campaign = draft.campaignId ? await this.campaigns.findById(draft.campaignId) : null;
    if (draft.campaignId && !campaign) {
      throw new DomainError('NOT_FOUND', `Campaign ${draft.campaignId} does not exist`, { field: 'campaignId' });
    }

    const now = this.clock.now().toISOString();
    return this.proposals.transaction((tx) =>
      oncePerKey(tx, actor.id, token, 201, now, async (): Promise<ProposalView> => {
        const registry = this.people.within(tx);
        // The nominee is stamped (the named person checked, or a new one made) before the CREATED line seals it;
        // a new person is written after the proposal row, as the UPDATE command writes it after its compare-and-set.
        const { nominee, newPerson } = await stampPerson(registry, draft.nominee, { unitId: draft.unitId, actor, at: now, day: today(this.clock) });
        const input: ProposalInput = { proposalId: randomUUID(), ...draft, nominee, campaignId: draft.campaignId ?? null };
        const snapshot = startProposal(CURRENT_MACHINE_VERSION, input);
        // While drafting, the rulebook advises: whatever it finds is a warning, shown at once.
        // A nominee registered a moment ago has no matters and no other proposals: nothing to read back.
        const person = draft.nominee.personId ? await personFacts(registry, nominee, null) : undefined;
        const { warnings } = judgeProposal('create', input, campaign, undefined, { person, today: today(this.clock) });
        const body = {
          proposalId: input.proposalId,
          seq: 1,
          type: 'CREATED',
          actor,
          at: now,
          payload: { ...input },
          machineVersion: CURRENT_MACHINE_VERSION,
          state: snapshot.value,
        };
        const event: LoggedEvent = { ...body, prevHash: GENESIS_HASH, hash: eventHash(GENESIS_HASH, body) };
        const record: ProposalRecord = {
          id: input.proposalId,
          kind: input.kind,
          unitId: input.unitId,
          campaignId: input.campaignId,
          awardForm: input.awardForm,
          state: snapshot.value,
          snapshot,
          version: 1,
          machineVersion: CURRENT_MACHINE_VERSION,
          late: false,
          escalation: snapshot.context.escalation,
          warnings,
          deadline: proposalDeadline(input, campaign, this.calendar),
          lastSeq: 1,
          lastHash: event.hash,
          createdAt: now,
          updatedAt: now,
        };
        await tx.insert(record, event, [
          {
            topic: 'proposal.created',
            key: `${record.id}:1`,
            payload: { proposalId: record.id, seq: 1, state: record.state, at: now },
          },
        ]);
        if (newPerson) await registry.insert(newPerson);
        if (nominee.personId) await registry.link(record.id, nominee.personId, now);
        return toProposalView(record, actor);
      }),
    );
  }
}
