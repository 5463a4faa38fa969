import { useState } from 'react';
import { App, Button, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InvestigationView } from '@returntrace/domain';
import { problemText } from '../../../api/problem';
import { fmtTime } from '../../../i18n/format';
import { caseFileUrl, uploadCaseFile, useRefreshCase } from '../api';
import { fmtSize } from '../labels';

type CaseFile = InvestigationView['files'][number];

/** One button that uploads a file of the case (the server sniffs and decides on the content). */
export function CaseUpload({ caseId, kind, visitId, label, testId }: {
  caseId: string; kind: 'evidence' | 'photo'; visitId?: string; label: string; testId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCase(caseId);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      await uploadCaseFile(caseId, file, kind, visitId);
      message.success(t('inv.file.uploaded'));
      await refresh();
    } catch (e) {
      message.error(`${file.name}: ${problemText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Upload showUploadList={false} multiple={false} accept={kind === 'photo' ? 'image/jpeg,image/png,.jpg,.jpeg,.png' : undefined}
      beforeUpload={(file) => { void upload(file); return false; }}>
      <Button icon={<UploadOutlined />} loading={busy} data-testid={testId}>{label}</Button>
    </Upload>
  );
}

export function FileTable({ caseId, files }: { caseId: string; files: CaseFile[] }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`inv.file.${k}`);
  return (
    <Table<CaseFile> size="small" rowKey="id" pagination={false} dataSource={files} data-testid="inv-files"
      columns={[
        { title: f('name'), dataIndex: 'fileName', render: (v: string, r) => (
          <a href={caseFileUrl(caseId, r.id)} target="_blank" rel="noreferrer"><DownloadOutlined /> {v}</a>
        ) },
        { title: f('kind'), dataIndex: 'kind', width: 110, render: (v: string) => <Tag>{f(v)}</Tag> },
        { title: f('size'), dataIndex: 'size', width: 100, render: (v: number) => fmtSize(v) },
        { title: f('by'), dataIndex: 'uploadedBy', width: 120 },
        { title: f('at'), dataIndex: 'uploadedAt', width: 170, render: (v: string) => fmtTime(v) },
      ]} />
  );
}

/** 证据材料: evidence files of the findings (photos of visits are listed with their visit). */
export function FilesPanel({ view }: { view: InvestigationView }) {
  const { t } = useTranslation();
  const canUpload = view.allowedActions.includes('upload');
  return (
    <div>
      {canUpload ? (
        <div style={{ marginBottom: 12 }}>
          <CaseUpload caseId={view.id} kind="evidence" label={t('inv.file.upload')} testId="inv-evidence-upload" />
        </div>
      ) : null}
      <FileTable caseId={view.id} files={view.files.filter((x) => !x.visitId)} />
    </div>
  );
}
