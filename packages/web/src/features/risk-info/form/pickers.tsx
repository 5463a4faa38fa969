/** Selects over reference data and organisations used by the risk-information forms and actions. */
import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { kindShort, orgName, useLang } from '../../../i18n/labels';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect';
import { useCountries, useCurrencies, useReturnReasons, useTransferTargets } from '../api';
import { refName, type RefRow } from '../labels';

interface ValueProps<T> {
  id?: string;
  value?: T;
  onChange?: (v: T) => void;
  placeholder?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

/** Country or region by its ISO alpha-3 code (the form's `countryCode`). */
export function CountrySelect(props: ValueProps<string | null | undefined>) {
  const lang = useLang();
  const { data, isLoading } = useCountries();
  const options = useMemo(() => (data ?? []).filter((r) => r.alpha3).map((r) => ({
    value: String(r.alpha3), label: `${String(r.alpha3)} ${refName(r, lang)}`,
  })), [data, lang]);
  return (
    <Select id={props.id} value={props.value ?? undefined} onChange={(v) => props.onChange?.(v ?? null)} allowClear
      showSearch={{ optionFilterProp: 'label' }} loading={isLoading} options={options} placeholder={props.placeholder}
      disabled={props.disabled} data-testid={props['data-testid']} popupMatchSelectWidth={false} />
  );
}

export function countryName(rows: RefRow[] | undefined, alpha3: string | null, lang: 'zh' | 'en') {
  if (!alpha3) return '-';
  const r = rows?.find((x) => x.alpha3 === alpha3);
  return r ? `${alpha3} ${refName(r, lang)}` : alpha3;
}

export function CurrencySelect(props: ValueProps<string | undefined>) {
  const lang = useLang();
  const { data, isLoading } = useCurrencies();
  const options = useMemo(() => (data ?? []).map((r) => ({ value: String(r.code), label: `${String(r.code)} ${refName(r, lang)}` })), [data, lang]);
  return (
    <Select id={props.id} value={props.value} onChange={(v) => props.onChange?.(v ?? undefined)} allowClear
      showSearch={{ optionFilterProp: 'label' }} loading={isLoading} options={options} popupMatchSelectWidth={false}
      style={{ width: '100%' }} data-testid={props['data-testid']} />
  );
}

/** Return reasons (退运原因) from reference data; inactive ones only when already chosen. */
export function ReasonSelect(props: ValueProps<string[] | undefined>) {
  const lang = useLang();
  const { data, isLoading } = useReturnReasons();
  const options = useMemo(() => (data ?? [])
    .filter((r) => r.active !== false || props.value?.includes(String(r.code)))
    .map((r) => ({ value: String(r.code), label: `${String(r.code)} ${refName(r, lang)}` })), [data, lang, props.value]);
  return (
    <Select mode="multiple" id={props.id} value={props.value ?? []} onChange={(v) => props.onChange?.(v)} allowClear
      showSearch={{ optionFilterProp: 'label' }} loading={isLoading} options={options} placeholder={props.placeholder}
      data-testid={props['data-testid']} />
  );
}

export const reasonLabel = (rows: RefRow[] | undefined, code: string, lang: 'zh' | 'en') => {
  const r = rows?.find((x) => x.code === code);
  return r ? `${code} ${refName(r, lang)}` : code;
};

/**
 * An investigating organisation: any active non-enterprise body (GET /risk-info/transfer-targets). Where that list
 * cannot be had the picker falls back to the caller's own organisation tree.
 */
export function TargetOrgSelect(props: ValueProps<string | null | undefined> & {
  /** the current value's name, shown before the list has loaded it */
  current?: { id: string; name: { zh: string; en: string } } | null;
  allowClear?: boolean;
}) {
  const lang = useLang();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(h);
  }, [typed]);
  const list = useTransferTargets(q);
  const options = useMemo(() => {
    const opts = (list.data ?? []).map((o) => ({
      value: o.id, label: `${orgName(o, lang)} · ${kindShort(o.kind, lang)}`,
    }));
    const cur = props.current;
    if (cur && !opts.some((o) => o.value === cur.id)) opts.unshift({ value: cur.id, label: cur.name[lang] || cur.name.zh });
    return opts;
  }, [list.data, lang, props.current]);
  if (list.error) {
    return (
      <span data-testid={props['data-testid']} style={{ display: 'block' }}>
      <OrgTreeSelect id={props.id} value={props.value ?? undefined} onChange={(v) => props.onChange?.(v ?? null)}
        placeholder={props.placeholder} allowClear={props.allowClear} disabled={props.disabled} />
      </span>
    );
  }
  return (
    <Select id={props.id} value={props.value ?? undefined} onChange={(v) => props.onChange?.(v ?? null)}
      allowClear={props.allowClear} showSearch={{ filterOption: false, onSearch: setTyped }} loading={list.isFetching}
      options={options} placeholder={props.placeholder} disabled={props.disabled} data-testid={props['data-testid']}
      onOpenChange={(open) => { if (!open) setTyped(''); }} popupMatchSelectWidth={false} style={{ width: '100%' }} />
  );
}
