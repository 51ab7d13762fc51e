/**
 * Documents (PDF and Word) are rendered on one long-lived worker thread (document-thread-worker.ts) so the server
 * keeps answering while pdfmake or the Word writer works (issue 14 point 6: an export rendered in the jobs process
 * delayed the requests sent to that process by 1–4 s). One thread is enough: documents queue on it, and its CPU is
 * the second core a request would otherwise not get.
 */
import { Worker } from 'node:worker_threads';
import type { DocModel } from './doc-model.js';
import type { DocumentFormat, DocumentReply, DocumentRequest } from './document-thread-worker.js';

interface Pending { resolve: (file: Buffer) => void; reject: (err: Error) => void }

let thread: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * The thread's entry beside this module: bundled JS in dist/, or, when the source runs (tests, npm run dev), the
 * TypeScript file loaded through tsx's loader registered inside the thread (Node 20 takes no --import for a thread).
 */
function startThread(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./document-thread-worker.js', import.meta.url));
  const entry = new URL('./document-thread-worker.ts', import.meta.url).href;
  // A bare specifier: the thread resolves it from the working directory, the project's (npm test, npm run dev).
  const boot = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true });
}

function openThread(): Worker {
  const worker = startThread();
  // An idle thread must not keep a command (seed, a test run) alive after its work is done.
  worker.unref();
  worker.on('message', (reply: DocumentReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiting) return;
    if ('error' in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(Buffer.from(reply.file.buffer, reply.file.byteOffset, reply.file.byteLength));
  });
  const fail = (err: Error) => {
    thread = undefined;
    for (const waiting of pending.values()) waiting.reject(err);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`文档生成线程意外退出(${code})`)));
  return worker;
}

export function renderInThread(format: DocumentFormat, model: DocModel): Promise<Buffer> {
  const worker = (thread ??= openThread());
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // A document waits its turn only while the thread is busy; while it waits, the thread is kept.
    worker.ref();
    worker.postMessage({ id, format, model } satisfies DocumentRequest);
  }).finally(() => { if (pending.size === 0) thread?.unref(); });
}
