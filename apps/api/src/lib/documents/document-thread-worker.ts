/**
 * The document thread (document-thread.ts starts it): pdfmake's layout and compression take 1–4 s of CPU for a
 * yearly ledger and the Word writer's zip about 0.8 s, which on the server's own thread would hold every other
 * request of the process for that long.
 */
import { parentPort } from 'node:worker_threads';
import type { Block, DocModel } from './doc-model.js';
import { writeDocx } from './docx-writer.js';
import { layoutPdf } from './pdf-layout.js';

export type DocumentFormat = 'pdf' | 'docx';
export interface DocumentRequest { id: number; format: DocumentFormat; model: DocModel }
export type DocumentReply = { id: number; file: Uint8Array } | { id: number; error: string };

/** Structured cloning hands an image's Buffer over as a plain Uint8Array; the layout needs Buffer's base64. */
const revive = (block: Block): Block => {
  if (block.kind === 'image') return { ...block, data: Buffer.from(block.data) };
  return block.kind === 'chart' ? { ...block, png: Buffer.from(block.png) } : block;
};

const RENDER = { pdf: layoutPdf, docx: writeDocx } satisfies Record<DocumentFormat, (model: DocModel) => Promise<Buffer>>;

parentPort?.on('message', ({ id, format, model }: DocumentRequest) => {
  RENDER[format]({ ...model, blocks: model.blocks.map(revive) }).then(
    (file) => parentPort?.postMessage({ id, file } satisfies DocumentReply, [file.buffer as ArrayBuffer]),
    (err: unknown) => parentPort?.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies DocumentReply),
  );
});
