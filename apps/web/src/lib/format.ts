// The one place the web turns an instant (an ISO timestamp from the API) into text. Every time shown is Beijing
// time, whatever zone the browser is set to: a town officer's laptop set to another zone, or a phone abroad, must
// read what the PDF ledgers print. Calendar dates ('YYYY-MM-DD') are not instants and are shown as sent
// (lib/dates.ts formatDate). The linter forbids toLocale*String, the local-zone getters and dayjs().format
// elsewhere in the web (eslint.config.js), so a new page cannot slip back to the browser's zone.
const SHANGHAI_PARTS = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type Parts = { year: string; month: string; day: string; hour: string; minute: string };

/** The instant's Beijing calendar fields, or null when the text is not a time. */
function beijingParts(iso: string): Parts | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(SHANGHAI_PARTS.formatToParts(date).map((p) => [p.type, p.value])) as unknown as Parts;
}

/** yyyy-MM-dd HH:mm in Beijing time, whatever the browser's own time zone is. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = beijingParts(iso);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : iso;
}

/** The Beijing day (yyyy-MM-dd) an instant falls on: 2026-03-27T17:00Z is 2026-03-28 in the town. */
export function formatDayOf(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = beijingParts(iso);
  return p ? `${p.year}-${p.month}-${p.day}` : iso;
}

/** M月D日 HH:mm in Beijing time, for short lists (the reminder bell). */
export function formatShortDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = beijingParts(iso);
  return p ? `${Number(p.month)}月${Number(p.day)}日 ${p.hour}:${p.minute}` : iso;
}

/** A file's size as people read it: 12 KB, 3.4 MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function yesNo(value: boolean): string {
  return value ? '是' : '否';
}
