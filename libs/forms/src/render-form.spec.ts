import { FORM_MEDIA_TYPES, formFileName, renderForm } from './render-form.js';
import { quyetDinhDocument } from './quyet-dinh.form.js';
import { decisionData, HANG } from './test-support/form-fixtures.js';

describe('renderForm', () => {
  const doc = quyetDinhDocument(decisionData([HANG]));

  it('renders both formats, each recognisable by its bytes', async () => {
    const [pdf, docx] = await Promise.all([renderForm(doc, 'pdf'), renderForm(doc, 'docx')]);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(docx.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });

  it('names the media types and an ASCII file name', () => {
    expect(FORM_MEDIA_TYPES).toEqual({
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pdf: 'application/pdf',
    });
    expect(formFileName(doc, 'pdf')).toBe('quyet-dinh-1234-QD-UBND.pdf');
    expect(formFileName(doc, 'docx')).toBe('quyet-dinh-1234-QD-UBND.docx');
  });

  it('refuses another format', () => {
    expect(() => renderForm(doc, 'odt' as never)).toThrow(/Unknown form format/);
  });
});
