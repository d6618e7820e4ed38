import { nd1UnderDiscipline, restrictionOpenOn } from './nd-1-under-discipline.rule.js';
import type { RestrictionInput } from './rule-input.js';
import { extraordinary, specify, thematic } from './rule-spec.fixtures.js';

const rule = specify(nd1UnderDiscipline);

const DOC = { type: 'Công văn', number: '123/CV-UBND', date: '2026-03-01', issuer: 'UBND huyện Cao Lộc' };
const matter = (overrides: Partial<RestrictionInput> = {}): RestrictionInput => ({
  kind: 'discipline_considered',
  from: '2026-03-01',
  document: DOC,
  ...overrides,
});
const TODAY = '2026-05-10';

describe('ND-1 with the matters recorded against the registered person (Decree 152/2025 Art. 4)', () => {
  it('Given discipline being considered from 01/03/2026, When the proposal is judged on 10/05/2026, Then it is refused naming the matter and its document', () => {
    rule
      .given({ person: { restrictions: [matter()] }, today: TODAY })
      .when({ proposal: thematic({ nominee: { name: 'Nguyễn Văn An' } }) })
      .then({
        violations: [['ND-1', '"Nguyễn Văn An" đang bị xem xét kỷ luật theo Công văn số 123/CV-UBND ngày 01/03/2026 của UBND huyện Cao Lộc']],
      });
  });

  it.each([
    ['investigation', 'đang bị điều tra, thanh tra, kiểm tra có dấu hiệu vi phạm'],
    ['complaint', 'có đơn thư khiếu nại, tố cáo đang được xác minh'],
    ['press', 'có vấn đề báo chí nêu đang được xác minh'],
  ] as const)('Given an open %s matter, When judged, Then it is refused in the words of the law', (kind, words) => {
    rule
      .given({ person: { restrictions: [matter({ kind })] }, today: TODAY })
      .when({ proposal: extraordinary() })
      .then({ violations: [['ND-1', words]] });
  });

  it('Given a matter closed on 01/05/2026, When judged on 10/05/2026, Then it passes', () => {
    rule.given({ person: { restrictions: [matter({ closedOn: '2026-05-01' })] }, today: TODAY }).when({ proposal: thematic() }).then({});
  });

  it('Given a matter closed on 20/05/2026, When judged on 10/05/2026 (before the closing day), Then it is still refused', () => {
    rule
      .given({ person: { restrictions: [matter({ closedOn: '2026-05-20' })] }, today: TODAY })
      .when({ proposal: thematic() })
      .then({ violations: ['ND-1'] });
  });

  it('Given a matter from 01/06/2026, When judged on 10/05/2026, Then it has not begun and passes', () => {
    rule.given({ person: { restrictions: [matter({ from: '2026-06-01' })] }, today: TODAY }).when({ proposal: thematic() }).then({});
  });

  describe('a discipline being served until 30/04/2026', () => {
    const served = matter({ kind: 'discipline_served', from: '2025-11-01', endsOn: '2026-04-30', document: { ...DOC, type: 'Quyết định' } });

    it('Given an achievement of 15/03/2026, When judged after the end, Then the achievement predates the end and is refused', () => {
      rule
        .given({ person: { restrictions: [served] }, today: TODAY })
        .when({ proposal: thematic({ achievement: { date: '2026-03-15' } }) })
        .then({ violations: [['ND-1', 'thời gian thi hành kỷ luật đến ngày 30/04/2026: thành tích ngày 15/03/2026 lập trước khi chấm dứt kỷ luật']] });
    });

    it('Given an achievement of 05/05/2026, When judged, Then it counts and passes', () => {
      rule
        .given({ person: { restrictions: [served] }, today: TODAY })
        .when({ proposal: extraordinary({ achievement: { date: '2026-05-05' } }) })
        .then({});
    });

    it('Given the discipline lifted early on 01/03/2026, When an achievement of 15/03/2026 is judged, Then it counts', () => {
      rule
        .given({ person: { restrictions: [{ ...served, closedOn: '2026-03-01' }] }, today: TODAY })
        .when({ proposal: thematic({ achievement: { date: '2026-03-15' } }) })
        .then({});
    });
  });

  it('Given two open matters and the old self-declared flag, When judged, Then every one is reported at once', () => {
    rule
      .given({ person: { restrictions: [matter(), matter({ kind: 'complaint' })] }, today: TODAY })
      .when({ proposal: thematic({ nominee: { underDiscipline: true } }) })
      .then({ violations: [['ND-1', 'đang trong thời gian'], ['ND-1', 'xem xét kỷ luật theo'], ['ND-1', 'khiếu nại, tố cáo']] });
  });

  it('Given no date from the caller, When a matter is open, Then it still refuses; once closed it passes', () => {
    rule.given({ person: { restrictions: [matter()] } }).when({ proposal: thematic() }).then({ violations: ['ND-1'] });
    rule.given({ person: { restrictions: [matter({ closedOn: '2026-04-01' })] } }).when({ proposal: thematic() }).then({});
  });
});

describe('restrictionOpenOn: the one reading of "open" the registry page and ND-1 share', () => {
  it('Given a matter not yet begun, closed, or still running, When asked on 10/05/2026, Then only the running one is open', () => {
    expect(restrictionOpenOn(matter({ from: '2026-06-01' }), TODAY)).toBe(false);
    expect(restrictionOpenOn(matter({ closedOn: '2026-05-10' }), TODAY)).toBe(false);
    expect(restrictionOpenOn(matter({ closedOn: '2026-05-11' }), TODAY)).toBe(true);
    expect(restrictionOpenOn(matter(), TODAY)).toBe(true);
  });

  it('Given a discipline served until 10/05/2026, When asked on its last day and the day after, Then it is open on the last day only', () => {
    const served = matter({ kind: 'discipline_served', endsOn: '2026-05-10' });
    expect(restrictionOpenOn(served, TODAY)).toBe(true);
    expect(restrictionOpenOn(served, '2026-05-11')).toBe(false);
  });

  it('Given a discipline lifted on 20/05/2026 after its last day (ND-1 reads the lifting as its end), When asked on 15/05/2026, Then it is open as ND-1 refuses it', () => {
    const lifted = matter({ kind: 'discipline_served', endsOn: '2026-05-10', closedOn: '2026-05-20' });
    expect(restrictionOpenOn(lifted, '2026-05-15')).toBe(true);
    rule
      .given({ person: { restrictions: [lifted] }, today: '2026-05-15' })
      .when({ proposal: thematic({ achievement: { date: '2026-05-12' } }) })
      .then({ violations: ['ND-1'] });
  });
});
