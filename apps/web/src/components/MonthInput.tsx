import type { CSSProperties } from 'react';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

const FORMAT = 'YYYY-MM';

interface Props {
  /** 'YYYY-MM' or empty: forms and the API both work with plain month text. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  disabled?: boolean;
  placeholder?: string;
  /** Months after this one ('YYYY-MM') cannot be picked. */
  max?: string;
  allowClear?: boolean;
  'aria-label'?: string;
  style?: CSSProperties;
}

/** antd month picker speaking 'YYYY-MM' strings, the month twin of DateInput. */
export function MonthInput({ value, onChange, id, disabled, placeholder, max, allowClear = false, style, ...rest }: Props) {
  const parsed = value ? dayjs(`${value}-01`) : null;
  return (
    <DatePicker
      picker="month"
      id={id}
      aria-label={rest['aria-label']}
      value={parsed && parsed.isValid() ? parsed : null}
      onChange={(date: Dayjs | null) => onChange?.(date ? date.format(FORMAT) : null)}
      format={FORMAT}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder ?? '请选择月份'}
      disabledDate={max ? (date: Dayjs) => date.format(FORMAT) > max : undefined}
      style={{ width: '100%', ...style }}
    />
  );
}
