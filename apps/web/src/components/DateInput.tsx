import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

const FORMAT = 'YYYY-MM-DD';

interface Props {
  /** 'YYYY-MM-DD' or empty: forms and the API both work with plain date text. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  disabled?: boolean;
  placeholder?: string;
  /** Dates after this one ('YYYY-MM-DD') cannot be picked. */
  max?: string;
  /** Dates before this one ('YYYY-MM-DD') cannot be picked. */
  min?: string;
  'aria-label'?: string;
}

/** antd DatePicker speaking 'YYYY-MM-DD' strings, so no Dayjs object leaks into form values or requests. */
export function DateInput({ value, onChange, id, disabled, placeholder, max, min, ...rest }: Props) {
  const parsed = value ? dayjs(value) : null;
  return (
    <DatePicker
      id={id}
      aria-label={rest['aria-label']}
      value={parsed && parsed.isValid() ? parsed : null}
      onChange={(date: Dayjs | null) => onChange?.(date ? date.format(FORMAT) : null)}
      format={FORMAT}
      disabled={disabled}
      placeholder={placeholder ?? '请选择日期'}
      disabledDate={
        max || min
          ? (date: Dayjs) => {
              const text = date.format(FORMAT);
              return (max !== undefined && text > max) || (min !== undefined && text < min);
            }
          : undefined
      }
      style={{ width: '100%' }}
    />
  );
}
