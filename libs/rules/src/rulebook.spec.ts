import { RULE_IDS, type RuleId } from './rule-finding.js';
import { CHECKPOINTS, type RuleInput } from './rule-input.js';
import { evaluateRules, factsNeededAt, rulesAt } from './rulebook.js';
import { campaign, extraordinary, guidance, specify, thematic, usage } from './rule-spec.fixtures.js';

const rulebook = specify(evaluateRules);

/** Everything wrong at once with a thematic anniversary proposal, one flaw per rule that can see it. */
const flawedAnniversary = {
  campaign: campaign({ round: 'anniversary', plan: null }), // TH-1 prerequisite; TH-2 (no agreed quota for unit-b)
  usage: usage({ byAwardForm: { chairman_certificate: 10 } }), // TH-1 quota: 11/10
  proposal: thematic({
    unitId: 'unit-b',
    nominee: { name: 'Hoàng Văn E', underDiscipline: true }, // ND-1
    achievement: { serviceWork: true }, // TH-4; not outstanding: TH-2
  }),
};

/** Everything wrong at once with an extraordinary collective. */
const flawedExtraordinary = extraordinary({
  nominee: { type: 'collective', name: 'Đội xung kích', ownParticipants: 19, totalParticipants: 30, underDiscipline: true },
  achievement: { basis: undefined, serviceWork: true },
});

describe('evaluateRules', () => {
  describe('at submit (leaving drafting)', () => {
    it('passes a proposal that breaks no rule', () => {
      rulebook.given().when({ proposal: thematic(), checkpoint: 'submit' }).then({});
      rulebook.given().when({ proposal: extraordinary(), checkpoint: 'submit' }).then({});
    });

    it('reports every violation at once, in rule-ID order, and leaves the provincial rules for later', () => {
      rulebook
        .given(flawedAnniversary)
        .when({ proposal: flawedAnniversary.proposal, checkpoint: 'submit' })
        .then({ violations: [['TH-1', 'kế hoạch'], 'ND-1'] });
      rulebook
        .given()
        .when({ proposal: flawedExtraordinary, checkpoint: 'submit' })
        .then({ violations: ['DX-1', ['DX-2', '(19/30)'], 'ND-1'], warnings: ['DX-2'] });
    });

    it('counts no quota yet: that is judged where the proposal reaches the province', () => {
      rulebook
        .given({ usage: usage({ byAwardForm: { chairman_certificate: 10 } }) })
        .when({ proposal: thematic(), checkpoint: 'submit' })
        .then({});
    });
  });

  describe('at forward (reaching the province)', () => {
    it('passes a proposal that breaks no rule', () => {
      rulebook.given({ usage: usage() }).when({ proposal: thematic() }).then({});
      rulebook.given().when({ proposal: extraordinary() }).then({});
    });

    it('reports the rules of submit and the provincial ones together, in rule-ID order', () => {
      rulebook
        .given(flawedAnniversary)
        .when({ proposal: flawedAnniversary.proposal })
        .then({
          violations: [
            ['TH-1', 'kế hoạch'],
            ['TH-1', '(11/10)'],
            ['TH-2', 'tiêu biểu, nổi bật'],
            ['TH-2', 'Sở Nội vụ'],
            'TH-4',
            'ND-1',
          ],
        });
      rulebook
        .given()
        .when({ proposal: flawedExtraordinary })
        .then({ violations: ['TH-4', 'DX-1', 'DX-2', 'ND-1'], warnings: ['DX-2'] });
    });

    it('allows the quota exactly full and refuses one over', () => {
      rulebook.given({ usage: usage({ byAwardForm: { chairman_certificate: 9 } }) }).when({ proposal: thematic() }).then({});
      rulebook.given({ usage: usage({ byAwardForm: { chairman_certificate: 10 } }) }).when({ proposal: thematic() }).then({ violations: [['TH-1', '(11/10)']] });
    });

    it('shows the TH-3 member warning to every reviewer even when the cap is not reached', () => {
      rulebook
        .given({ campaign: campaign({ round: 'programme_summary' }), usage: usage({ steeringMembers: 0 }) })
        .when({ proposal: thematic({ nominee: { steeringCommitteeMember: true } }) })
        .then({ violations: [], warnings: [['TH-3', 'thành viên Ban Chỉ đạo']] });
    });

    it('refuses to judge a thematic proposal without usage rather than count its quotas from zero', () => {
      rulebook.given().when({ proposal: thematic() }).thenThrows(/usage.*required at forward/);
    });

    it('needs no usage for an extraordinary proposal, which has no quota', () => {
      rulebook.given({ campaign: null }).when({ proposal: extraordinary() }).then({});
    });
  });

  describe('at award_at_unit (within the unit’s authority)', () => {
    it('applies ND-1, DX-1 and DX-2 only: service work and the campaign rules do not stop a unit award', () => {
      rulebook
        .given()
        .when({ proposal: flawedExtraordinary, checkpoint: 'award_at_unit' })
        .then({ violations: ['DX-1', 'DX-2', 'ND-1'], warnings: ['DX-2'] });
      rulebook
        .given(flawedAnniversary)
        .when({ proposal: flawedAnniversary.proposal, checkpoint: 'award_at_unit' })
        .then({ violations: ['ND-1'] });
    });

    it('awards service work at the unit', () => {
      rulebook
        .given()
        .when({ proposal: thematic({ awardForm: 'unit_certificate', achievement: { serviceWork: true } }), checkpoint: 'award_at_unit' })
        .then({});
    });
  });

  describe.each(['create', 'update'] as const)('at %s (early advice, never blocking)', (checkpoint) => {
    it('downgrades every violation to a warning, keeping rule-ID order', () => {
      rulebook
        .given({ campaign: flawedAnniversary.campaign })
        .when({ proposal: flawedAnniversary.proposal, checkpoint })
        .then({ violations: [], warnings: ['TH-1', 'TH-2', 'TH-2', 'TH-4', 'ND-1'] });
    });

    it('merges downgraded violations and true warnings of the same rule in order', () => {
      rulebook
        .given({ campaign: campaign({ round: 'programme_summary', plan: null }), usage: usage({ steeringMembers: 2 }) })
        .when({ proposal: thematic({ nominee: { steeringCommitteeMember: true, underDiscipline: true } }), checkpoint })
        .then({ violations: [], warnings: ['TH-1', ['TH-3', '(3/2)'], ['TH-3', 'thành viên Ban Chỉ đạo'], 'ND-1'] });
    });

    it('counts quotas when usage is given', () => {
      rulebook
        .given({ usage: usage({ byAwardForm: { chairman_certificate: 10 } }) })
        .when({ proposal: thematic(), checkpoint })
        .then({ warnings: [['TH-1', '(11/10)']] });
    });

    it('advises a unit-certificate proposal only on the rules of leaving drafting', () => {
      rulebook
        .given({ campaign: campaign({ guidance: guidance({ quota: { unit_certificate: 0 } }) }), usage: usage() })
        .when({ proposal: thematic({ awardForm: 'unit_certificate', achievement: { serviceWork: true } }), checkpoint })
        .then({});
    });
  });

  it('throws on a checkpoint it does not know', () => {
    const input = { checkpoint: 'publish', proposal: extraordinary(), campaign: null } as unknown as RuleInput;
    expect(() => evaluateRules(input)).toThrow(/Unknown rule checkpoint: publish/);
  });

  it('reads its input without changing it', () => {
    const input = deepFreeze({ checkpoint: 'forward', ...flawedAnniversary, proposal: flawedAnniversary.proposal } satisfies RuleInput);
    expect(evaluateRules(input).violations).toHaveLength(6);
  });

  it('returns fresh lists each time, so a caller that appends to them cannot leak into the next answer', () => {
    const first = evaluateRules({ checkpoint: 'submit', proposal: thematic(), campaign: campaign() });
    first.violations.push(first.violations[0] ?? { rule: 'ND-1', message: 'x', messageEn: 'x' });
    first.warnings.push({ rule: 'ND-1', message: 'x', messageEn: 'x' });
    const second = evaluateRules({ checkpoint: 'submit', proposal: thematic(), campaign: campaign() });
    expect(second).toEqual({ violations: [], warnings: [] });
  });
});

describe('rulesAt', () => {
  const cases: { checkpoint: (typeof CHECKPOINTS)[number]; form: 'unit_certificate' | 'chairman_certificate'; rules: RuleId[] }[] = [
    { checkpoint: 'submit', form: 'chairman_certificate', rules: ['TH-1', 'DX-1', 'DX-2', 'ND-1', 'ND-3'] },
    { checkpoint: 'forward', form: 'chairman_certificate', rules: ['TH-1', 'TH-2', 'TH-3', 'TH-4', 'DX-1', 'DX-2', 'ND-1', 'ND-3'] },
    { checkpoint: 'award_at_unit', form: 'unit_certificate', rules: ['DX-1', 'DX-2', 'ND-1', 'ND-3'] },
    { checkpoint: 'create', form: 'unit_certificate', rules: ['TH-1', 'DX-1', 'DX-2', 'ND-1', 'ND-3'] },
    { checkpoint: 'update', form: 'chairman_certificate', rules: ['TH-1', 'TH-2', 'TH-3', 'TH-4', 'DX-1', 'DX-2', 'ND-1', 'ND-3'] },
    { checkpoint: 'recommend', form: 'chairman_certificate', rules: ['ND-1'] },
    { checkpoint: 'agree', form: 'chairman_certificate', rules: ['ND-1'] },
    { checkpoint: 'approve', form: 'chairman_certificate', rules: ['ND-1'] },
  ];
  it.each(cases)('$checkpoint ($form): $rules', ({ checkpoint, form, rules }) => {
    expect(rulesAt(checkpoint, form)).toEqual(rules);
  });

  it('never checks the deadlines (TH-5, DX-4) or the informational rules (DX-3, ND-2), and lists rules in ID order', () => {
    for (const checkpoint of CHECKPOINTS) {
      for (const form of ['unit_certificate', 'chairman_certificate'] as const) {
        const ids = rulesAt(checkpoint, form);
        expect(ids.filter((id) => ['TH-5', 'DX-4', 'DX-3', 'ND-2'].includes(id))).toEqual([]);
        expect(ids.map((id) => RULE_IDS.indexOf(id))).toEqual(ids.map((id) => RULE_IDS.indexOf(id)).sort((a, b) => a - b));
      }
    }
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

describe('factsNeededAt', () => {
  it('Given the checks of each checkpoint, When asked what to read, Then the campaign goes with a TH rule and other proposals with ND-3', () => {
    for (const checkpoint of CHECKPOINTS) {
      for (const awardForm of ['unit_certificate', 'chairman_certificate'] as const) {
        const ids = rulesAt(checkpoint, awardForm);
        expect(factsNeededAt(checkpoint, awardForm)).toMatchObject({
          campaign: ids.some((id) => id.startsWith('TH-')),
          otherProposals: ids.includes('ND-3'),
        });
      }
    }
  });

  it('Given the provincial decision steps, When asked, Then only ND-1 is read again and the warnings found before stand', () => {
    for (const checkpoint of ['recommend', 'agree', 'approve'] as const) {
      expect(factsNeededAt(checkpoint, 'chairman_certificate')).toEqual({ campaign: false, otherProposals: false, renewsWarnings: false });
    }
    expect(factsNeededAt('award_at_unit', 'unit_certificate')).toEqual({ campaign: false, otherProposals: true, renewsWarnings: true });
    expect(factsNeededAt('forward', 'chairman_certificate')).toEqual({ campaign: true, otherProposals: true, renewsWarnings: true });
  });
});
