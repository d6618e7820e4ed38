import { renderDocx } from './docx.renderer.js';
import type { OfficialDocument } from './official-document.js';
import { renderPdf } from './pdf.renderer.js';

/** The two files a form is rendered to: DOCX for the clerk to edit, PDF to print and sign. */
export const FORM_MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;
export type FormFormat = keyof typeof FORM_MEDIA_TYPES;

export const isFormFormat = (value: unknown): value is FormFormat => value === 'docx' || value === 'pdf';

export function renderForm(doc: OfficialDocument, format: FormFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return renderDocx(doc);
    case 'pdf':
      return renderPdf(doc);
    default:
      throw new Error(`Unknown form format "${String(format)}"`);
  }
}

/** "quyet-dinh-1234-QD-UBND.pdf": ASCII only, safe in a Content-Disposition header and on any disk. */
export const formFileName = (doc: OfficialDocument, format: FormFormat): string => `${doc.meta.fileStem}.${format}`;
