export { stageUpload, discardStaged, type StageUploadOptions } from './stage-upload.js';
export { inspectContent, type InspectContentOptions } from './inspect-content.js';
export { DEFAULT_MAX_ENTRIES, DEFAULT_MAX_INFLATED_BYTES } from './docx-package.js';
export type { UnsafeArchiveReason } from './content-errors.js';
export { safeFileName } from './file-name.js';
export { contentDisposition } from './content-disposition.js';
