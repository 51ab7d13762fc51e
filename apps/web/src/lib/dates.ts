/**
 * Party dates are calendar dates ('YYYY-MM-DD'), not instants: the server compares them as text against
 * today in Beijing, so the browser does the same whatever its own time zone is.
 */
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function todayInShanghai(now: Date = new Date()): string {
  const parts = Object.fromEntries(SHANGHAI_DATE.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The text date `years` after `birthDate`, compared as text exactly as the server does (党章 第一条: 年满十八岁). */
export function anniversary(birthDate: string, years: number): string {
  const y = Number(birthDate.slice(0, 4)) + years;
  return `${String(y).padStart(4, '0')}${birthDate.slice(4)}`;
}

/** Dates are shown as the server sends them (YYYY-MM-DD); a missing one shows a dash. */
export function formatDate(value: string | null | undefined): string {
  return value ? value : '—';
}
