import { Alert, Button, Card, Space, Table } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '@returntrace/domain';
import { problemText } from '../../api/problem';
import { fmtTime } from '../../i18n/format';
import { useLang } from '../../i18n/labels';
import { useReceipts } from './api';
import { statusLabel } from './labels';

/** 回执: the receipts of one declaration, newest first, with 刷新 and (optionally) 关闭 (003 §4.2 回执查看). */
export function ReceiptsPanel({ id, unifiedNo, onClose }: { id: string; unifiedNo: string; onClose?: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useReceipts(id);
  const text = (r: Receipt) => {
    const main = lang === 'zh' ? r.messageZh : r.messageEn || r.messageZh;
    const why = r.reasons.map((x) => (lang === 'zh' ? x.zh : x.en || x.zh)).join('；');
    return why ? `${main}（${why}）` : main || '-';
  };
  return (
    <Card
      size="small"
      className="rt-er-receipts"
      data-testid="er-receipts"
      title={t('er.r.title', { no: unifiedNo })}
      extra={(
        <Space>
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void q.refetch()} data-testid="er-receipts-refresh">
            {t('common.refresh')}
          </Button>
          {onClose ? <Button size="small" onClick={onClose} data-testid="er-receipts-close">{t('common.close')}</Button> : null}
        </Space>
      )}
    >
      {q.error ? <Alert type="error" showIcon title={problemText(q.error)} /> : (
        <Table<Receipt>
          size="small"
          rowKey="seq"
          loading={q.isFetching}
          dataSource={q.data ?? []}
          pagination={false}
          columns={[
            { title: t('er.r.seq'), key: 'i', width: 64, render: (_: unknown, _r, i) => i + 1 },
            { title: t('er.r.status'), dataIndex: 'status', width: 240, render: (s: number) => statusLabel(s, lang) },
            { title: t('er.r.content'), key: 'c', render: (_: unknown, r) => text(r) },
            { title: t('er.r.at'), dataIndex: 'at', width: 170, render: (v: string) => fmtTime(v) },
          ]}
        />
      )}
    </Card>
  );
}
