/** antd form rule for a 'YYYY-MM-DD' (or 'YYYY-MM') value between two dates, compared as text like the server does. */
export function dateRangeRule(options: { min?: string; minMessage?: string; max?: string; maxMessage?: string }) {
  const { min, max } = options;
  return {
    validator: (_rule: unknown, value: string | null | undefined) => {
      if (!value) return Promise.resolve();
      if (max !== undefined && value > max) return Promise.reject(new Error(options.maxMessage ?? `不能晚于${max}`));
      if (min !== undefined && value < min) return Promise.reject(new Error(options.minMessage ?? `不能早于${min}`));
      return Promise.resolve();
    },
  };
}
