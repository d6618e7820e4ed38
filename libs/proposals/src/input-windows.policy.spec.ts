import { DomainError } from '#kernel';
import {
  achievementProblems,
  campaignProblems,
  ceremonyOrderProblems,
  ceremonyProblems,
  decisionProblems,
  eventProblems,
  refuseIfAny,
  type CampaignDates,
} from './input-windows.policy.js';

// Given today, when a request carries these dates, then exactly these fields are named.
const today = '2026-12-06';
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('the dates a request may carry, against today and each other', () => {
  describe('an achievement', () => {
    it.each([
      ['today', { date: today }, []],
      ['twenty years ago to the day', { date: '2006-12-06' }, []],
      ['recognised the day after', { date: '2026-12-01', recognizedAt: '2026-12-02' }, []],
      ['tomorrow', { date: '2026-12-07' }, ['achievement.date']],
      ['60 days ahead', { date: '2027-02-04' }, ['achievement.date']],
      ['in 1900', { date: '1900-01-01' }, ['achievement.date']],
      ['one day past the twenty-year window', { date: '2006-12-05' }, ['achievement.date']],
      ['recognised before it happened', { date: '2026-12-01', recognizedAt: '2026-11-30' }, ['achievement.recognizedAt']],
      ['recognised in the future', { date: '2026-12-01', recognizedAt: '2026-12-08' }, ['achievement.recognizedAt']],
    ])('%s', (_name, achievement, expected) => {
      expect(fields(achievementProblems(achievement, today))).toEqual(expected);
    });

    it('counts the window from 29 February to a year without one', () => {
      expect(fields(achievementProblems({ date: '2008-03-01' }, '2028-02-29'))).toEqual([]);
      expect(fields(achievementProblems({ date: '2008-02-28' }, '2028-02-29'))).toEqual(['achievement.date']);
    });
  });

  describe('a decision', () => {
    it.each([
      ['signed today', '2026-12-06', []],
      ['signed the day of the achievement', '2026-04-22', []],
      ['dated 9999-12-31', '9999-12-31', ['decision.date']],
      ['dated tomorrow', '2026-12-07', ['decision.date']],
      ['dated before the achievement', '2026-04-21', ['decision.date']],
    ])('%s (%s) → %j', (_name, date, expected) => {
      expect(fields(decisionProblems({ date }, '2026-04-22', today))).toEqual(expected);
    });
  });

  describe('an event request', () => {
    it('judges an UPDATE by its new achievement, and a decision by the achievement it would then have', () => {
      expect(fields(eventProblems({ type: 'UPDATE', changes: { achievement: { date: '2027-01-01' } } }, '2026-04-22', today))).toEqual([
        'changes.achievement.date',
      ]);
      expect(fields(eventProblems({ type: 'APPROVE', decision: { date: '2026-04-01' } }, '2026-04-22', today))).toEqual(['decision.date']);
      expect(eventProblems({ type: 'SUBMIT' }, '2026-04-22', today)).toEqual([]);
    });
  });

  describe('a ceremony', () => {
    it.each([
      ['today', today, []],
      ['ten years ahead', '2036-12-06', []],
      ['yesterday', '2026-12-05', ['ceremonyDate']],
      ['in 2001', '2001-01-01', ['ceremonyDate']],
      ['more than ten years ahead', '2036-12-07', ['ceremonyDate']],
      ['9999-12-31', '9999-12-31', ['ceremonyDate']],
    ])('%s (%s) → %j', (_name, date, expected) => {
      expect(fields(ceremonyProblems(date, today))).toEqual(expected);
    });
  });

  describe('a campaign', () => {
    const sound: CampaignDates = {
      plan: { issuedAt: '2026-01-15' },
      launchedAt: '2026-02-01',
      finalReviewAt: '2027-05-20',
      guidance: { issuedAt: '2026-11-25', achievementPeriod: { from: '2026-01-01', to: '2026-12-31' } },
      ceremonyDate: '2027-06-22',
    };

    it('whose steps come in order is accepted, with or without the optional dates', () => {
      expect(campaignProblems(sound, today)).toEqual([]);
      expect(campaignProblems({ guidance: sound.guidance, ceremonyDate: null }, today)).toEqual([]);
    });

    it.each<[string, CampaignDates, string[]]>([
      ['launched after its ceremony', { ...sound, launchedAt: '2027-07-01' }, ['launchedAt']],
      ['launched before its plan', { ...sound, launchedAt: '2026-01-01' }, ['launchedAt']],
      ['reviewed after its ceremony', { ...sound, finalReviewAt: '2027-06-23' }, ['finalReviewAt']],
      ['a plan issued in the future', { ...sound, plan: { issuedAt: '2026-12-10' }, launchedAt: '2026-12-20' }, ['plan.issuedAt']],
      [
        'guidance issued in the future',
        { ...sound, guidance: { ...sound.guidance!, issuedAt: '2026-12-07' } },
        ['guidance.issuedAt'],
      ],
      [
        'an achievement period running backwards',
        { ...sound, guidance: { ...sound.guidance!, achievementPeriod: { from: '2026-12-31', to: '2026-01-01' } } },
        ['guidance.achievementPeriod.from'],
      ],
      [
        'an achievement period from 1800',
        { ...sound, guidance: { ...sound.guidance!, achievementPeriod: { from: '1800-01-01', to: '2026-01-01' } } },
        ['guidance.achievementPeriod.from'],
      ],
      ['a ceremony in the past', { ...sound, ceremonyDate: '2026-11-30', finalReviewAt: null }, ['ceremonyDate']],
      ['a launch in 1066', { ...sound, plan: null, launchedAt: '1066-10-14' }, ['launchedAt']],
    ])('%s', (_name, campaign, expected) => {
      expect(fields(campaignProblems(campaign, today))).toEqual(expected);
    });
  });

  describe('a ceremony moved', () => {
    it('may not come before the launch, the final review or the guidance it follows', () => {
      const campaign: CampaignDates = {
        launchedAt: '2026-02-01',
        finalReviewAt: '2027-05-20',
        guidance: { issuedAt: '2026-11-25', achievementPeriod: { from: '2026-01-01', to: '2026-12-31' } },
      };
      expect(fields(ceremonyOrderProblems({ ...campaign, ceremonyDate: '2027-06-22' }, today))).toEqual([]);
      expect(fields(ceremonyOrderProblems({ ...campaign, ceremonyDate: '2027-05-19' }, today))).toEqual(['finalReviewAt']);
      expect(fields(ceremonyOrderProblems({ ...campaign, ceremonyDate: '2026-11-30' }, today))).toEqual(['ceremonyDate']);
    });
  });

  describe('refusing', () => {
    it('throws one VALIDATION_FAILED naming every field at once, and nothing when there is nothing', () => {
      expect(() => refuseIfAny([])).not.toThrow();
      let thrown: unknown;
      try {
        refuseIfAny([...ceremonyProblems('2001-01-01', today), ...achievementProblems({ date: '2030-01-01' }, today)]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ field: 'ceremonyDate' }, { field: 'achievement.date' }] } });
    });
  });
});
