/**
 * What the notes card says of a matter of Decree 152/2025/NĐ-CP Art. 4 open today (docs/rules.md ND-1): the
 * next step would be refused, said before the official presses its button. The finding's own words follow.
 */
export const BLOCKER_MESSAGES = {
  vi: {
    label: 'Chưa thể khen thưởng',
    lead: 'Chưa thể khen thưởng:',
    hint: 'Nếu thực hiện bước xử lý tiếp theo, hệ thống sẽ từ chối vì lý do trên.',
  },
  en: {
    label: 'Cannot be awarded yet',
    lead: 'Cannot be awarded yet:',
    hint: 'The next step will be refused for the reason above.',
  },
};
