import type { DocModel } from './doc-model.js';
import { renderInThread } from './document-thread.js';

/** A document model as A4 PDF bytes (pdfmake, on the document thread: pdf-layout.ts). */
export function renderPdf(model: DocModel): Promise<Buffer> {
  return renderInThread('pdf', model);
}
