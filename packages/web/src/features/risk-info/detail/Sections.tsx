import { useState } from 'react';
import { App, Button, Card, Table, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RiskInfoView } from '@returntrace/domain';
import { problemText } from '../../../api/problem';
import { useCan } from '../../../api/session';
import { fmtTime } from '../../../i18n/format';
import { useLang } from '../../../i18n/labels';
import { fmtSize } from '../../export-returns/labels';
import { fileUrl, uploadFile } from '../api';

type LinkRow = RiskInfoView['links'][number];
type TransferRow = RiskInfoView['transfers'][number];
type FileRow = RiskInfoView['files'][number];

/** 关联与重复: duplicates caught at intake and export returns linked to the record. */
export function LinksSection({ record }: { record: RiskInfoView }) {
  const { t } = useTranslation();
  const d = (k: string) => t(`ri.d.${k}`);
  if (record.links.length === 0) return null;
  return (
    <Card size="small" title={d('links')} style={{ marginTop: 12 }} data-testid="ri-links">
      <Table<LinkRow> size="small" rowKey="id" pagination={false} dataSource={record.links} columns={[
        { key: 'kind', title: d('kind'), width: 220, render: (_: unknown, r: LinkRow) => <Tag>{t(`ri.d.linkKind.${r.kind}`)}</Tag> },
        { key: 'target', title: d('linkTarget'), render: (_: unknown, r: LinkRow) => (r.exportReturn ? (
          <Link to={`/export-returns/${r.exportReturn.id}`} className="rt-mono">{r.exportReturn.unifiedNo}</Link>
        ) : r.foreignNotificationId ? `${d('foreignNotification')} ${r.foreignNotificationId.slice(0, 8)}` : '-') },
        { key: 'note', title: d('note'), dataIndex: 'note', render: (v: string) => v || '-' },
        { key: 'at', title: d('at'), dataIndex: 'at', width: 165, render: (v: string) => fmtTime(v) },
      ]} />
    </Card>
  );
}

const TRANSFER_COLORS = { pending: 'gold', accepted: 'green', declined: 'red' } as const;

/** 移送记录: every transfer, and how the investigating body answered it. */
export function TransfersSection({ record }: { record: RiskInfoView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const d = (k: string) => t(`ri.d.${k}`);
  if (record.transfers.length === 0) return null;
  return (
    <Card size="small" title={d('transfers')} style={{ marginTop: 12 }} data-testid="ri-transfers">
      <Table<TransferRow> size="small" rowKey="id" pagination={false} dataSource={record.transfers} columns={[
        { key: 'to', title: d('toOrg'), render: (_: unknown, r: TransferRow) => r.toOrg.name[lang] || r.toOrg.name.zh },
        { key: 'status', title: t('ri.f.state'), width: 100, render: (_: unknown, r: TransferRow) => (
          <Tag color={TRANSFER_COLORS[r.status]} data-testid="ri-transfer-status">{t(`ri.d.transferStatus.${r.status}`)}</Tag>
        ) },
        { key: 'by', title: d('by'), dataIndex: 'by', width: 120 },
        { key: 'at', title: d('at'), dataIndex: 'at', width: 165, render: (v: string) => fmtTime(v) },
        { key: 'note', title: d('note'), dataIndex: 'note', render: (v: string) => v || '-' },
        { key: 'decidedBy', title: d('decidedByUser'), dataIndex: 'decidedBy', width: 120, render: (v: string | null) => v ?? '-' },
        { key: 'decidedAt', title: d('decisionAt'), dataIndex: 'decidedAt', width: 165, render: (v: string | null) => (v ? fmtTime(v) : '-') },
        { key: 'reason', title: d('reason'), dataIndex: 'reason', render: (v: string) => v || '-' },
      ]} />
    </Card>
  );
}

/** 附件: pictures and documents; the server sniffs what is uploaded. */
export function FilesSection({ record, reload }: { record: RiskInfoView; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [busy, setBusy] = useState(false);
  const d = (k: string) => t(`ri.d.${k}`);
  const mayUpload = can('risk_info.collect') || can('risk_info.review');
  return (
    <Card size="small" title={d('files')} style={{ marginTop: 12 }} data-testid="ri-files"
      extra={mayUpload ? (
        <Upload showUploadList={false} multiple={false} customRequest={async ({ file }) => {
          setBusy(true);
          try {
            await uploadFile(record.id, file as File);
            await reload();
            message.success(d('uploaded'));
          } catch (e) {
            message.error(problemText(e));
          } finally {
            setBusy(false);
          }
        }}>
          <Button icon={<UploadOutlined />} loading={busy} size="small" data-testid="ri-upload">{d('upload')}</Button>
        </Upload>
      ) : null}>
      <Table<FileRow> size="small" rowKey="id" pagination={false} dataSource={record.files} columns={[
        { key: 'name', title: d('fileName'), render: (_: unknown, r: FileRow) => (
          <a href={fileUrl(record.id, r.id)} target="_blank" rel="noreferrer" data-testid="ri-file-link">{r.fileName}</a>
        ) },
        { key: 'type', title: 'MIME', dataIndex: 'mediaType', width: 180 },
        { key: 'size', title: d('size'), dataIndex: 'size', width: 100, render: (v: number) => fmtSize(v) },
        { key: 'at', title: d('uploadedAt'), dataIndex: 'uploadedAt', width: 165, render: (v: string) => fmtTime(v) },
      ]} />
    </Card>
  );
}
