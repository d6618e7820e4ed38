const vi = {
  title: 'Sửa hồ sơ đề nghị khen thưởng',
  returnReason: 'Lý do trả lại',
  fixedNote: 'Loại khen thưởng, đơn vị và phong trào không đổi được khi sửa; nếu cần đổi, rút hồ sơ và lập hồ sơ mới.',
  notEditable: 'Hồ sơ này hiện không sửa được. Chỉ sửa được hồ sơ đang soạn thảo (kể cả hồ sơ bị trả lại), và chỉ cán bộ của đơn vị lập hồ sơ được sửa.',
  back: 'Quay lại hồ sơ',
  save: 'Lưu thay đổi',
  noCampaign: 'Không theo phong trào',
  state: 'Bước hiện tại',
};

const en: typeof vi = {
  title: 'Edit the commendation proposal',
  returnReason: 'Reason for return',
  fixedNote: 'The kind of award, the unit and the campaign cannot change here; to change them, withdraw the proposal and draft a new one.',
  notEditable: 'This proposal cannot be edited now. Only a proposal being drafted (a returned one included) can be edited, and only by its own unit.',
  back: 'Back to the proposal',
  save: 'Save the changes',
  noCampaign: 'No campaign',
  state: 'Current stage',
};

export const MESSAGES = { vi, en };
