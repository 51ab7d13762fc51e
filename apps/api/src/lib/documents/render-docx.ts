import type { DocModel } from './doc-model.js';

/**
 * A document model as a Word file. The writer and the docx package behind it are imported on first use,
 * not at start: with exceljs and pdfmake (loaded the same way) they were half of the server's start-up time.
 */
export async function renderDocx(model: DocModel): Promise<Buffer> {
  const { writeDocx } = await import('./docx-writer.js');
  return writeDocx(model);
}
