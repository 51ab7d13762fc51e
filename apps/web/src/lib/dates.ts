// Party dates are calendar dates ('YYYY-MM-DD'), not instants, compared as text; today in Beijing
// (todayInShanghai) and the calendar arithmetic are shared with the server in @dj/contracts.

/** The text date `years` after `birthDate`, compared as text exactly as the server does (党章 第一条: 年满十八岁). */
export function anniversary(birthDate: string, years: number): string {
  const y = Number(birthDate.slice(0, 4)) + years;
  return `${String(y).padStart(4, '0')}${birthDate.slice(4)}`;
}

/** Dates are shown as the server sends them (YYYY-MM-DD); a missing one shows a dash. */
export function formatDate(value: string | null | undefined): string {
  return value ? value : '—';
}
