import { useQuery } from '@tanstack/react-query';
import { get, type Page } from '../../api/client';

export type ColumnType = 'text' | 'nullableText' | 'integer' | 'boolean';

export interface DatasetColumn {
  field: string;
  labelZh: string;
  labelEn: string;
  /** from the server; without it the type is inferred from the data */
  type?: ColumnType;
}

export interface Dataset {
  id: string;
  labelZh: string;
  labelEn: string;
  descriptionZh?: string;
  descriptionEn?: string;
  count: number;
  columns: DatasetColumn[];
  key: string;
}

type Bilingual = { zh: string; en: string };
interface RawColumn { field: string; label?: Bilingual; labelZh?: string; labelEn?: string; type?: ColumnType }
interface RawDataset {
  id: string; label?: Bilingual; labelZh?: string; labelEn?: string; description?: Bilingual;
  keyField?: string; key?: string; count: number; columns: RawColumn[];
}

/** The server sends `label: {zh, en}` and `keyField`; docs/API.md spoke of `labelZh`/`labelEn` and `key`. Both are read. */
function normalise(d: RawDataset): Dataset {
  return {
    id: d.id,
    labelZh: d.labelZh ?? d.label?.zh ?? d.id,
    labelEn: d.labelEn ?? d.label?.en ?? d.id,
    descriptionZh: d.description?.zh,
    descriptionEn: d.description?.en,
    count: d.count,
    key: d.key ?? d.keyField ?? 'code',
    columns: d.columns.map((c) => ({
      field: c.field,
      labelZh: c.labelZh ?? c.label?.zh ?? c.field,
      labelEn: c.labelEn ?? c.label?.en ?? c.field,
      type: c.type,
    })),
  };
}

export type Entry = Record<string, unknown>;

export function useDatasets() {
  return useQuery({
    queryKey: ['refdata', 'datasets'],
    queryFn: () => get<RawDataset[] | { items: RawDataset[] }>('/refdata')
      .then((r) => (Array.isArray(r) ? r : r.items).map(normalise)),
    staleTime: 60_000,
  });
}

export function useEntries(dataset: string, params: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['refdata', 'entries', dataset, params],
    queryFn: () => get<Page<Entry>>(`/refdata/${encodeURIComponent(dataset)}`, params),
    placeholderData: (prev) => prev,
  });
}

export const fileUrl = (dataset: string, kind: 'export' | 'template', format: 'csv' | 'xlsx') =>
  `/api/v1/refdata/${encodeURIComponent(dataset)}/${kind}?format=${format}`;
