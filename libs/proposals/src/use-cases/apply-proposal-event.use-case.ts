import { today, type WorkingCalendar } from '#calendar';
import { Clock, DomainError, type Actor } from '#kernel';
import { documentRequirements, factsNeededAt, missingDocuments, type Checkpoint } from '#rules';
import {
  acceptedEventTypes,
  allowedEventTypes,
  restore,
  step,
  toStored,
  TIMER_EVENT_TYPES,
  type ProposalEvent,
  type ProposalEventType,
  type ProposalSnapshot,
} from '#workflows/proposal';
import { oncePerKey, type IdempotencyToken } from '../idempotency.js';
import { ProposalRepository, type ProposalWriteTx } from '../ports/proposal.repository.js';
import type { PersonRepository, PersonWriteTx } from '../ports/person.repository.js';
import { personFacts, stampPerson } from '../person-registry.policy.js';
import { eventProblems, refuseIfAny } from '../input-windows.policy.js';
import { assertCanSeeUnit } from '../proposal-access.policy.js';
import { proposalDeadline } from '../proposal-deadline.policy.js';
import { judgeProposal, ruleViolation } from '../proposal-rules.js';
import type { ProposalRecord } from '../proposal.records.js';
import type { PersonRecord } from '../person.records.js';
import { sealNextLine } from '../proposal-log.js';
import { toProposalView, type ProposalView } from '../proposal.view.js';

/** An event as a caller sends it: the type and its inputs. Who and when are added here, never by the caller. */
export type EventRequest = { type: ProposalEventType } & Record<string, unknown>;

/**
 * Whether the dossier's documents are checked (HS-1 … HS-4). Off only where a province still accepts paper
 * dossiers (REQUIRED_DOCUMENTS=false, docs/documents.md): the documents are then on paper and not asked for.
 */
export interface DossierRules {
  documentsRequired: boolean;
}

export interface ApplyEventOptions {
  /** The version the caller last saw (If-Match); a different current version is a conflict. */
  expectedVersion?: number;
  idempotency?: IdempotencyToken;
}

/** Where the rulebook is asked (docs/rules.md readings): leaving drafting, reaching the province, a unit award. */
const CHECKPOINT_OF: Partial<Record<ProposalEventType, Checkpoint>> = {
  UPDATE: 'update',
  SUBMIT: 'submit',
  FORWARD: 'forward',
  AWARD_AT_UNIT: 'award_at_unit',
  // Decree 152/2025/NĐ-CP Art. 4 is asked again at every step up to the decision (ND-1 only; docs/rules.md).
  RECOMMEND: 'recommend',
  AGREE: 'agree',
  APPROVE: 'approve',
};

/**
 * How a command runs (docs/architecture.md): load, `transition`, then in one transaction the chained event, the
 * compare-and-set of the snapshot and the outbox rows. A lost race is a VERSION_CONFLICT, never an overwrite.
 * The rulebook is asked inside the same transaction, so quotas are counted against committed data only.
 */
export class ApplyProposalEventUseCase {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly clock: Clock,
    private readonly calendar: WorkingCalendar,
    private readonly dossier: DossierRules,
    /** The registry of nominees: ND-1's recorded matters and ND-3's other proposals are read from it at every step. */
    private readonly people: PersonRepository,
  ) {}

  async execute(proposalId: string, actor: Actor, request: EventRequest, options: ApplyEventOptions = {}) {
    return this.proposals.transaction(async (tx) => {
      const current = await tx.load(proposalId);
      if (!current) throw new DomainError('NOT_FOUND', `Proposal ${proposalId} does not exist`, { id: proposalId });
      assertCanSeeUnit(actor, current.unitId);

      return oncePerKey(tx, actor.id, options.idempotency, 200, this.clock.now().toISOString(), async (): Promise<ProposalView> => {
        if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
          throw conflict(current);
        }
        const { record, live } = await this.advance(tx, current, actor, request);
        return toProposalView(record, actor, live);
      });
    });
  }

  /**
   * The command inside a transaction someone else holds (timers fire many proposals in one). Every refusal
   * is thrown before the first write, so a caller that catches it may go on with the same transaction.
   * Returns the proposal as it now is.
   */
  async applyTo(tx: ProposalWriteTx, current: ProposalRecord, actor: Actor, request: EventRequest): Promise<ProposalRecord> {
    return (await this.advance(tx, current, actor, request)).record;
  }

  /** {@link applyTo}, also handing back the machine snapshot it stepped to, so the caller's view need not restore it. */
  private async advance(tx: ProposalWriteTx, current: ProposalRecord, actor: Actor, request: EventRequest) {
    const proposalId = current.id;
    const snapshot = restore(current.machineVersion, current.snapshot);
    let event = { ...request, actor, at: this.clock.now().toISOString() } as ProposalEvent;
    assertAllowed(snapshot, current, actor, event);
    refuseIfAny(eventProblems(event, snapshot.context.achievement.date, today(this.clock)));
    const registry = this.people.within(tx);
    let newPerson: PersonRecord | undefined;
    if (event.type === 'UPDATE' && event.changes?.nominee) {
      // A changed nominee names its registered person before the UPDATE line seals it (as CREATED does); a new
      // person is only written after the compare-and-set, below.
      const context = { unitId: current.unitId, actor, at: event.at, day: today(this.clock) };
      const stamped = await stampPerson(registry, event.changes.nominee, context, snapshot.context.nominee);
      newPerson = stamped.newPerson;
      event = { ...event, changes: { ...event.changes, nominee: stamped.nominee } };
    }

    const judged = await this.judge(tx, current, snapshot, event, registry);
    // An UPDATE was already stepped to be judged on what it makes of the proposal (and is never stamped).
    const live = judged.stepped ?? step(current.machineVersion, snapshot, judged.event).next;
    const next = toStored(live);
    const { actor: _actor, at, type, ...fields } = judged.event;
    const payload = judged.rules ? { ...fields, rules: judged.rules } : fields;
    const logged = sealNextLine(current, { type, actor, at, payload, state: next.value });
    const updated: ProposalRecord = {
      ...current,
      awardForm: next.context.awardForm,
      state: next.value,
      snapshot: next,
      version: current.version + 1,
      late: next.context.late,
      escalation: next.context.escalation,
      warnings: judged.warnings,
      deadline: type === 'UPDATE' ? proposalDeadline(next.context, judged.campaign, this.calendar) : current.deadline,
      lastSeq: logged.seq,
      lastHash: logged.hash,
      updatedAt: at,
    };
    // The compare-and-set is the first write: a lost race leaves the transaction untouched.
    const won = await tx.advance(current, updated, logged, [
      {
        topic: 'proposal.transitioned',
        key: `${proposalId}:${logged.seq}`,
        payload: { proposalId, seq: logged.seq, type, from: current.state, to: next.value, at },
      },
    ]);
    if (!won) throw conflict(current);
    if (newPerson) await registry.insert(newPerson);
    const personId = next.context.nominee.personId;
    if (personId && personId !== snapshot.context.nominee.personId) await registry.link(proposalId, personId, at);
    return { record: updated, live };
  }

  /**
   * Asks the rulebook where the event is a checkpoint: a refusal lists every violated rule; warnings are kept
   * for every reviewer. The event that meets the deadline carries it, so the machine can judge lateness.
   */
  private async judge(
    tx: ProposalWriteTx,
    current: ProposalRecord,
    snapshot: ProposalSnapshot,
    event: ProposalEvent,
    registry: PersonWriteTx,
  ) {
    const checkpoint = CHECKPOINT_OF[event.type];
    const missing = await this.missingDocuments(tx, current, snapshot, event);
    if (!checkpoint) {
      if (missing.length > 0) throw ruleViolation(missing);
      return { event, warnings: current.warnings, campaign: null, rules: undefined, stepped: undefined };
    }

    // An update is judged on what the proposal becomes; the others on what it is.
    const stepped = checkpoint === 'update' ? step(current.machineVersion, snapshot, event).next : undefined;
    const facts = stepped ? stepped.context : snapshot.context;
    // What the rulebook reads here (campaign, ND-3's other proposals), as its checks at this checkpoint say. SUBMIT
    // is also judged as an 'update' below (the advice kept for the unit head): it reads what either asks.
    const needs = factsNeededAt(checkpoint, facts.awardForm);
    const advice = checkpoint === 'submit' ? factsNeededAt('update', facts.awardForm) : needs;
    const campaign =
      current.campaignId && (needs.campaign || advice.campaign) ? await tx.loadCampaign(current.campaignId, checkpoint === 'forward') : null;
    const usage =
      checkpoint === 'forward' && campaign ? await tx.quotaUsage(campaign.id, current.unitId) : undefined;
    const person = await personFacts(registry, facts.nominee, current.id, { otherProposals: needs.otherProposals || advice.otherProposals });
    const known = { person, today: today(this.clock) };
    const { violations, warnings: found } = judgeProposal(checkpoint, facts, campaign, usage, known);
    if (checkpoint !== 'update' && violations.length + missing.length > 0) throw ruleViolation([...violations, ...missing]);
    if (!needs.renewsWarnings) return { event, warnings: current.warnings, campaign: null, rules: undefined, stepped: undefined };
    // The unit head deciding a submitted proposal should see what the province will ask (e.g. the TH-3
    // member warning): after SUBMIT the advice of the drafting stage is kept, not just the submit findings.
    const warnings = checkpoint === 'submit' ? judgeProposal('update', facts, campaign, undefined, known).warnings : found;

    const meetsDeadline = (event.type === 'SUBMIT' || event.type === 'FORWARD') && current.deadline;
    const stamped = meetsDeadline
      ? ({ ...event, deadline: { rule: current.deadline!.rule, dueAt: current.deadline!.dueAt } } as ProposalEvent)
      : event;
    return { event: stamped, warnings, campaign, rules: { checkpoint, warnings: warnings.map((w) => w.rule), usage }, stepped };
  }

  /** What the dossier lacks for this step (HS-1 … HS-4), each naming the kind of document to attach. */
  private async missingDocuments(tx: ProposalWriteTx, current: ProposalRecord, snapshot: ProposalSnapshot, event: ProposalEvent) {
    if (!this.dossier.documentsRequired || documentRequirements(event.type, snapshot.context).length === 0) return [];
    const present = (await tx.documents(current.id)).map((document) => document.kind);
    return missingDocuments(event.type, snapshot.context, present).map(({ rule, message, messageEn, documentKind }) => ({
      rule,
      message,
      messageEn,
      documentKind,
    }));
  }
}

function assertAllowed(snapshot: ProposalSnapshot, current: ProposalRecord, actor: Actor, event: ProposalEvent): void {
  const isTimer = (TIMER_EVENT_TYPES as readonly string[]).includes(event.type);
  const personAsksForTimer = isTimer && !actor.roles.includes('system');
  if (!acceptedEventTypes(snapshot).includes(event.type) || personAsksForTimer) {
    throw new DomainError('INVALID_TRANSITION', `${event.type} is not possible while the proposal is in ${current.state}`, {
      state: current.state,
      allowed: allowedEventTypes(snapshot, actor),
    });
  }
  if (!snapshot.can(event)) {
    throw new DomainError('FORBIDDEN', `Your roles do not allow ${event.type} in ${current.state}`, {
      state: current.state,
      allowed: allowedEventTypes(snapshot, actor),
    });
  }
}

const conflict = (current: ProposalRecord) =>
  new DomainError('VERSION_CONFLICT', 'Someone acted on this proposal first; reload it and try again', {
    currentVersion: current.version,
  });
