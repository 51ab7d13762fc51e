import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useFullMemberSearch } from './api';

interface Option {
  value: number;
  label: string;
}

interface BaseProps {
  id?: string;
  placeholder?: string;
  /** Names already known (e.g. from the recruitment's relations), so chosen values show a name. */
  known?: readonly Option[];
  'aria-label'?: string;
}

type Props =
  | (BaseProps & { multiple: true; max?: number; value?: number[]; onChange?: (value: number[]) => void })
  | (BaseProps & { multiple?: false; value?: number; onChange?: (value: number | undefined) => void });

/** Searches the roster by name; only 正式党员 in good standing can be chosen (培养联系人, 入党介绍人). */
export function MemberSelect(props: Props) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [seen, setSeen] = useState<ReadonlyMap<number, string>>(new Map());
  useEffect(() => {
    const timer = setTimeout(() => setQ(text), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const search = useFullMemberSearch(q);

  const found = useMemo(
    () => (search.data ?? []).map((m) => ({ value: m.id, label: `${m.name}(${m.organizationName})` })),
    [search.data],
  );
  useEffect(() => {
    if (found.length === 0) return;
    setSeen((old) => {
      const next = new Map(old);
      for (const option of found) next.set(option.value, option.label);
      return next;
    });
  }, [found]);

  const chosen = props.multiple ? (props.value ?? []) : props.value !== undefined ? [props.value] : [];
  const known = new Map<number, string>([...(props.known ?? []).map((o) => [o.value, o.label] as const), ...seen]);
  const options: Option[] = [
    ...chosen.filter((id) => !found.some((o) => o.value === id)).map((id) => ({ value: id, label: known.get(id) ?? `党员#${id}` })),
    ...found,
  ];
  const full = props.multiple && props.max !== undefined && chosen.length >= props.max;

  const common = {
    id: props.id,
    'aria-label': props['aria-label'],
    showSearch: { filterOption: false, onSearch: setText, searchValue: text },
    placeholder: props.placeholder ?? '输入姓名搜索正式党员',
    loading: search.isFetching,
    notFoundContent: q ? (search.isFetching ? '搜索中…' : '没有找到符合条件的正式党员') : '请输入姓名搜索',
    style: { width: '100%' },
  };
  if (props.multiple) {
    return (
      <Select<number[]>
        {...common}
        mode="multiple"
        value={props.value}
        onChange={(value) => {
          props.onChange?.(value);
          setText('');
        }}
        options={options.map((o) => ({ ...o, disabled: full && !chosen.includes(o.value) }))}
      />
    );
  }
  return (
    <Select<number>
      {...common}
      allowClear
      value={props.value}
      onChange={(value) => props.onChange?.(value ?? undefined)}
      options={options}
    />
  );
}
