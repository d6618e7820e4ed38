import JSZip from 'jszip';

/**
 * Reads generated documents back, for tests: the text of a DOCX or a PDF, the number and size of a PDF's pages,
 * and a DOCX's parts. Only what a test needs to check that a document says what it should, in the right letters.
 *
 * pdfjs-dist is an ES module that Jest cannot transform; it is loaded with a dynamic import(), which Jest (run
 * with --experimental-vm-modules) hands to Node's own loader, and only by the tests that read PDFs.
 */

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : XML_ENTITIES[e.toLowerCase()],
  );

/** One part of a DOCX (or any OOXML package) as text: 'word/document.xml', 'docProps/core.xml', … */
export async function docxPart(buffer: Buffer | Uint8Array, path = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const part = zip.file(path);
  if (!part) throw new Error(`${path} is not in the package`);
  return part.async('string');
}

/**
 * The text of a DOCX's body: the <w:t> runs of each paragraph joined, paragraphs (in table cells too) one per
 * line, <w:tab/> as a tab and <w:br/> as a line break.
 */
export async function docxText(buffer: Buffer | Uint8Array): Promise<string> {
  const xml = await docxPart(buffer);
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];
  return paragraphs
    .map((p) =>
      (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>/g) ?? [])
        .map((token) => (token === '<w:tab/>' ? '\t' : token === '<w:br/>' ? '\n' : decodeXml(token.replace(/<[^>]+>/g, ''))))
        .join(''),
    )
    .join('\n');
}

async function openPdf(buffer: Buffer | Uint8Array) {
  const { getDocument } = await loadPdfJs();
  // pdfjs takes ownership of (and detaches) the array it is given: hand it a copy.
  return getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

interface Positioned {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The text of a PDF, page after page (separated by a form feed), each line of print on a line of its own.
 * Pieces are put into lines by their baseline and ordered left to right, a space put between two pieces where
 * the print leaves a gap, so text set side by side (the two columns of a header) reads across.
 */
export async function pdfText(buffer: Buffer | Uint8Array): Promise<string> {
  const pdf = await openPdf(buffer);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: Positioned[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height || Math.abs(item.transform[3]) });
      }
      items.sort((a, b) => b.y - a.y || a.x - b.x);
      const lines: Positioned[][] = [];
      for (const item of items) {
        const line = lines[lines.length - 1];
        if (line && Math.abs(line[0].y - item.y) <= Math.max(1, 0.3 * Math.min(line[0].height, item.height))) line.push(item);
        else lines.push([item]);
      }
      pages.push(
        lines
          .map((line) => {
            line.sort((a, b) => a.x - b.x);
            let text = '';
            let end = -Infinity;
            for (const item of line) {
              if (text && item.x - end > 0.15 * item.height && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
              text += item.str;
              end = item.x + item.width;
            }
            return text;
          })
          .join('\n'),
      );
      page.cleanup();
    }
    return pages.join('\n\f');
  } finally {
    await pdf.destroy();
  }
}

export async function pdfPageCount(buffer: Buffer | Uint8Array): Promise<number> {
  const pdf = await openPdf(buffer);
  try {
    return pdf.numPages;
  } finally {
    await pdf.destroy();
  }
}

/** Width and height of a page in points, as viewed (rotation applied): A4 is 595 × 842. */
export async function pdfPageSize(buffer: Buffer | Uint8Array, pageNumber = 1): Promise<{ width: number; height: number }> {
  const pdf = await openPdf(buffer);
  try {
    const viewport = (await pdf.getPage(pageNumber)).getViewport({ scale: 1 });
    return { width: viewport.width, height: viewport.height };
  } finally {
    await pdf.destroy();
  }
}

/** The PDF's document information (Title, Author, …). */
export async function pdfInfo(buffer: Buffer | Uint8Array): Promise<Record<string, unknown>> {
  const pdf = await openPdf(buffer);
  try {
    const { info } = await pdf.getMetadata();
    return info as Record<string, unknown>;
  } finally {
    await pdf.destroy();
  }
}

/** Names of the fonts a PDF declares (/BaseFont), read from its objects: "ABCDEF+Tinos-Bold", "Helvetica", … */
export function pdfFontNames(buffer: Buffer | Uint8Array): string[] {
  const raw = Buffer.from(buffer).toString('latin1');
  return [...new Set([...raw.matchAll(/\/BaseFont\s*\/([^\s/<>[\]()]+)/g)].map((m) => m[1]))];
}
