const vi = {
  searchHint: 'Gõ vài chữ của tên để tìm trong danh sách đối tượng; chưa có thì nhập đủ thông tin, hồ sơ lưu xong sẽ được thêm vào danh sách.',
  chosenHint: 'Đã chọn từ danh sách đối tượng. Sửa tên sẽ bỏ chọn.',
  suggestions: 'Đối tượng có trong danh sách',
  searching: 'Đang tìm…',
  born: (year: number) => `sinh năm ${year}`,
  male: 'Nam',
  female: 'Nữ',
};

const en: typeof vi = {
  searchHint: 'Type part of the name to search the registry; if the person is not there, fill in the details and saving adds them.',
  chosenHint: 'Chosen from the registry. Editing the name unlinks it.',
  suggestions: 'Registered people and collectives',
  searching: 'Searching…',
  born: (year: number) => `born ${year}`,
  male: 'Male',
  female: 'Female',
};

export const MESSAGES = { vi, en };
