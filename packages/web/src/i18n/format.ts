import dayjs from 'dayjs';

export const fmtTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—';

export const fmtDate = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY-MM-DD') : '—';
