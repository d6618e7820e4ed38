import type { Actor, PersonRole } from '#kernel';
import { MACHINE_VERSIONS } from './machine-registry.js';
import { restore, startProposal, step, type ProposalSnapshot } from './proposal-transitions.js';
import { AWARD_FORMS, type AwardForm, type ProposalInput } from './proposal.types.js';
import { deadlineMetBy, DEADLINE_OPEN_STATES, isDeadlineOpen, QUOTA_STATES, type DeadlineRule } from './stage-policy.js';

const UNIT = 'unit-a';
const person = (role: PersonRole): Actor => ({ id: `${role}-1`, roles: [role], unitId: UNIT });
const input = (awardForm: AwardForm): ProposalInput => ({
  proposalId: 'p-1',
  kind: 'extraordinary',
  unitId: UNIT,
  campaignId: null,
  awardForm,
  nominee: { type: 'individual', name: 'Nguyễn Văn A' },
  achievement: { summary: 'Cứu người đuối nước', date: '2026-02-20', basis: 'rescue' },
});
/** Every event below arrives a day after the deadline ended. */
const deadline = (rule: DeadlineRule) => ({ rule, dueAt: '2026-03-02T17:00:00.000Z' });
const late = '2026-03-03T03:00:00.000Z';

describe('the stage policy: one answer to "is the deadline still open, and which event meets it"', () => {
  it('reads the stages from the machines’ own tags', () => {
    expect([...DEADLINE_OPEN_STATES].sort()).toEqual(['drafting', 'unitDecision']);
    expect([...QUOTA_STATES].sort()).toEqual(['awarded', 'chairmanDecision', 'councilScreening', 'homeAffairsAgreement', 'supplementRequested']);
  });

  it.each([
    ['unit_certificate', 'DX-4', 'SUBMIT'],
    ['unit_certificate', 'TH-5', 'FORWARD'],
    ['chairman_certificate', 'DX-4', 'FORWARD'],
    ['chairman_certificate', 'TH-5', 'FORWARD'],
  ] as const)('a %s under %s meets its deadline at %s', (awardForm, rule, event) => {
    expect(deadlineMetBy(awardForm, rule)).toBe(event);
    expect(isDeadlineOpen({ state: 'drafting', awardForm, deadline: { rule } })).toBe(true);
    expect(isDeadlineOpen({ state: 'unitDecision', awardForm, deadline: { rule } })).toBe(event === 'FORWARD');
    expect(isDeadlineOpen({ state: 'councilScreening', awardForm, deadline: { rule } })).toBe(false);
    expect(isDeadlineOpen({ state: 'drafting', awardForm, deadline: null })).toBe(false);
  });

  // The machine versions are frozen (an old one is never edited), so they keep their own copy of the judgement;
  // this holds every version to the policy, for every award form and rule.
  describe.each(MACHINE_VERSIONS)('machine version %i judges lateness at the event the policy names', (version) => {
    it.each(AWARD_FORMS.flatMap((awardForm) => (['DX-4', 'TH-5'] as const).map((rule) => [awardForm, rule] as const)))(
      '%s under %s',
      (awardForm, rule) => {
        let snapshot: ProposalSnapshot = restore(version, startProposal(version, input(awardForm)));
        snapshot = step(version, snapshot, { type: 'SUBMIT', actor: person('drafter'), at: late, deadline: deadline(rule) }).next;
        const lateAtSubmit = snapshot.context.late;
        snapshot = step(version, snapshot, { type: 'FORWARD', actor: person('unit_head'), at: late, deadline: deadline(rule) }).next;
        expect({ lateAtSubmit, lateAtForward: snapshot.context.late }).toEqual(
          deadlineMetBy(awardForm, rule) === 'SUBMIT' ? { lateAtSubmit: true, lateAtForward: true } : { lateAtSubmit: false, lateAtForward: true },
        );
      },
    );
  });
});
