import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.js';
import { classifyProblem, problemSentence, problemTextsByField, sentencesByField } from './field-problems.js';

/** Messages exactly as the API words them (class-validator defaults, apps/api/src/dto, the input windows). */
const API_MESSAGES: [field: string, message: string, vi: string][] = [
  ['nominee.name', 'nominee.name should not be empty', 'Chưa nhập họ tên cá nhân hoặc tên tập thể.'],
  ['nominee.name', 'nominee.name must hold visible text, not only spaces or invisible characters', 'Chưa nhập họ tên cá nhân hoặc tên tập thể.'],
  ['nominee.name', 'nominee.name must be one line (no line breaks or tabs)', 'Họ tên cá nhân hoặc tên tập thể chỉ được viết trên một dòng.'],
  ['achievement.summary', 'achievement.summary must be a string', 'Chưa nhập tóm tắt thành tích.'],
  ['achievement.summary', 'achievement.summary must be shorter than or equal to 5000 characters', 'Tóm tắt thành tích không được dài quá 5000 ký tự.'],
  ['achievement.date', 'achievement.date 2027-02-02 is after today (2026-12-07): an achievement cannot be in the future', 'Ngày lập thành tích không được sau hôm nay.'],
  ['achievement.date', 'achievement.date 2001-01-01 is more than 20 years ago (before 2006-12-07)', 'Ngày lập thành tích không được cách đây quá 20 năm.'],
  ['achievement.date', 'achievement.date must be a date written YYYY-MM-DD', 'Ngày lập thành tích chưa đúng: xin nhập một ngày có thật (ngày/tháng/năm).'],
  ['achievement.recognizedAt', 'achievement.recognizedAt 2026-04-20 is before the achievement on 2026-04-22', 'Ngày ghi nhận không được trước ngày lập thành tích.'],
  ['achievement.basis', 'achievement.basis must be one of the following values: outside_duty, rescue, combat', 'Xin chọn căn cứ khen thưởng đột xuất trong danh sách.'],
  ['nominee.ownParticipants', 'nominee.ownParticipants must be an integer number', 'Số cán bộ của đơn vị tham gia phải là số nguyên.'],
  ['nominee.totalParticipants', 'nominee.totalParticipants must not be less than 0', 'Tổng số lực lượng tham gia không được nhỏ hơn 0.'],
  ['nominee.birthYear', 'nominee.birthYear must not be greater than 2026', 'Năm sinh không được lớn hơn 2026.'],
  ['changes.nominee.name', 'changes.nominee.name should not be empty', 'Chưa nhập họ tên cá nhân hoặc tên tập thể.'],
  ['nominee.gender', 'nominee.gender is a mystery', 'Giới tính chưa hợp lệ, xin kiểm tra lại.'],
  ['nominee.somethingNew', 'property nominee.somethingNew should not exist', 'Một mục của hồ sơ chưa hợp lệ, xin kiểm tra lại.'],
];

describe('field problems in the words of an official', () => {
  it.each(API_MESSAGES)('Given the API says of %s "%s", Then the clerk reads "%s"', (field, message, sentence) => {
    expect(problemSentence(field, classifyProblem(message), 'vi')).toBe(sentence);
  });

  it('Given a refusal, When read by field, Then each field gets its first sentence, keyed without the UPDATE prefix, and no English or path is left', () => {
    const error = new ApiError(400, {
      code: 'VALIDATION_FAILED',
      message: '…',
      errors: API_MESSAGES.map(([field, message]) => ({ field, message })),
    });
    const sentences = sentencesByField(error, 'vi');
    expect(sentences['nominee.name']).toBe('Chưa nhập họ tên cá nhân hoặc tên tập thể.');
    expect(Object.keys(sentences)).not.toContain('changes.nominee.name');
    for (const sentence of Object.values(sentences)) {
      expect(sentence).not.toMatch(/[a-z]+\.[a-z]+|should|must|YYYY/);
    }
  });

  it('Given the console in English, Then the sentences are English, still without paths', () => {
    expect(problemSentence('achievement.date', { kind: 'future' }, 'en')).toBe('The date of the achievement cannot be after today.');
    expect(problemSentence('nominee.title', { kind: 'tooLong', limit: 200 }, 'en')).toBe('The position cannot be longer than 200 characters.');
  });

  it('Given anything but a 400, Then there is no field problem', () => {
    expect(sentencesByField(new Error('boom'), 'vi')).toEqual({});
    expect(sentencesByField(null, 'vi')).toEqual({});
  });

  it('Given a refused unit or person form, When read by field with problemTextsByField, Then each field (its own path) gets one sentence without English', () => {
    const error = new ApiError(400, {
      code: 'VALIDATION_FAILED',
      message: '…',
      errors: [
        { field: 'name', message: 'name should not be empty' },
        { field: 'name', message: 'name must be shorter than or equal to 200 characters' },
        { field: 'code', message: 'code must be shorter than or equal to 20 characters' },
        { field: 'nominee.name', message: 'nominee.name should not be empty' },
      ],
    });
    expect(problemTextsByField(error, 'vi')).toEqual({
      name: 'Chưa nhập mục này.',
      code: 'Mục này không được dài quá 20 ký tự.',
      // The same path names different fields on different forms: the sentence under it does not guess.
      'nominee.name': 'Chưa nhập mục này.',
    });
    expect(problemTextsByField(error, 'en')).toEqual({
      name: 'Enter the value.',
      code: 'The value cannot be longer than 20 characters.',
      'nominee.name': 'Enter the value.',
    });
    expect(problemTextsByField(new Error('boom'), 'vi')).toEqual({});
  });
});
