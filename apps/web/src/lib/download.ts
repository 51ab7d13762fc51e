import { apiDownload, apiPostDownload, type QueryValue } from './api-client';

/** Hands a downloaded blob to the browser as a file, through a temporary <a download>. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke on the next turn: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Fetches a file with the session cookie (and the server's Chinese error on failure), then saves it. */
export async function downloadFile(path: string, fallbackName: string, query?: Record<string, QueryValue>): Promise<string> {
  const { blob, filename } = await apiDownload(path, fallbackName, query);
  saveBlob(blob, filename);
  return filename;
}

/** POSTs `body` (never in the URL) and saves the file the server answers with. */
export async function downloadPostedFile(path: string, fallbackName: string, body: unknown): Promise<string> {
  const { blob, filename } = await apiPostDownload(path, fallbackName, body);
  saveBlob(blob, filename);
  return filename;
}
