/**
 * The PDF thread (render-pdf.ts starts it): pdfmake's layout and compression take 1–4 s of CPU for a yearly
 * ledger, which on the server's own thread would hold every other request of the process for that long.
 */
import { parentPort } from 'node:worker_threads';
import type { Block, DocModel } from './doc-model.js';
import { layoutPdf } from './pdf-layout.js';

export interface PdfRequest { id: number; model: DocModel }
export type PdfReply = { id: number; pdf: Uint8Array } | { id: number; error: string };

/** Structured cloning hands an image's Buffer over as a plain Uint8Array; the layout needs Buffer's base64. */
const revive = (block: Block): Block => (block.kind === 'image' ? { ...block, data: Buffer.from(block.data) } : block);

parentPort?.on('message', ({ id, model }: PdfRequest) => {
  layoutPdf({ ...model, blocks: model.blocks.map(revive) }).then(
    (pdf) => parentPort?.postMessage({ id, pdf } satisfies PdfReply, [pdf.buffer as ArrayBuffer]),
    (err: unknown) => parentPort?.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies PdfReply),
  );
});
