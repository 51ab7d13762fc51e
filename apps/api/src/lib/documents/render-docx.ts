import type { DocModel } from './doc-model.js';
import { renderInThread } from './document-thread.js';

/** A document model as a Word file (docx-writer.ts, on the document thread, which loads it on first use). */
export function renderDocx(model: DocModel): Promise<Buffer> {
  return renderInThread('docx', model);
}
