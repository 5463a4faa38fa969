import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get, type Page } from '../../../api/client';
import type { Lang } from '../../../i18n';

type Row = Record<string, string | number | boolean | null>;

interface Props {
  dataset: 'divisions' | 'customs-districts';
  value?: string;
  onChange?: (v: string | undefined) => void;
  /** customs offices only: leave out directly-affiliated customs (直属关区) */
  subordinateOnly?: boolean;
  lang: Lang;
  className?: string;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  'aria-label'?: string;
  /** fixed width in pixels; the select fills its cell otherwise */
  width?: number;
}

const nameOf = (r: Row, lang: Lang) => String((lang === 'en' && r.nameEn) || r.nameZh || '');
const labelOf = (r: Row, lang: Lang) => `${String(r.code)} ${nameOf(r, lang)}`;

/**
 * A reference-data parameter (参数) picked by typing its code or name, searched on the server; Space opens the
 * list as in the Single Window. The chosen code's own entry is fetched so that a saved value shows its name.
 */
export function RefSelect({ dataset, value, onChange, subordinateOnly, lang, className, placeholder, disabled, id, width, ...rest }: Props) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(h);
  }, [typed]);

  const list = useQuery({
    queryKey: ['refdata', 'entries', dataset, { q, page: 1, pageSize: 50 }],
    queryFn: () => get<Page<Row>>(`/refdata/${dataset}`, { q: q || undefined, page: 1, pageSize: 50 }),
    staleTime: 5 * 60_000,
    placeholderData: (prev) => prev,
    enabled: !disabled,
  });
  const current = useQuery({
    queryKey: ['refdata', 'entry', dataset, value],
    queryFn: () => get<Row>(`/refdata/${dataset}/${encodeURIComponent(value ?? '')}`),
    enabled: !!value,
    staleTime: 30 * 60_000,
    retry: false,
  });

  const options = useMemo(() => {
    const rows = (list.data?.items ?? []).filter((r) => !subordinateOnly || r.direct === false);
    const opts = rows.map((r) => ({ value: String(r.code), label: labelOf(r, lang) }));
    if (value && !opts.some((o) => o.value === value)) {
      opts.unshift({ value, label: current.data ? labelOf(current.data, lang) : value });
    }
    return opts;
  }, [list.data, subordinateOnly, lang, value, current.data]);

  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      className={className}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      disabled={disabled}
      placeholder={placeholder}
      loading={list.isFetching}
      options={options}
      onOpenChange={(open) => { if (!open) setTyped(''); }}
      popupMatchSelectWidth={false}
      style={{ width: width ?? '100%' }}
    />
  );
}
