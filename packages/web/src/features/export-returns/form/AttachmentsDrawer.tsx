import { useState } from 'react';
import { Alert, App, Button, Drawer, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Attachment } from '@returntrace/domain';
import { problemText } from '../../../api/problem';
import { fmtTime } from '../../../i18n/format';
import { attachmentUrl, deleteAttachment, ER_KEY, uploadAttachment, useAttachments } from '../api';
import { fmtSize } from '../labels';

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

interface Props {
  open: boolean;
  onClose: () => void;
  /** undefined until the declaration has been saved once */
  id: string | undefined;
  /** upload and delete are offered while the declaration may be changed (its `save` action is allowed) */
  editable: boolean;
}

/** 随附单据: files that go with the declaration (PDF, JPEG, PNG; ≤ 5 MB; the server checks the content). */
export function AttachmentsDrawer({ open, onClose, id, editable }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useAttachments(id, open);
  const [busy, setBusy] = useState(false);
  const refresh = () => Promise.all([
    qc.invalidateQueries({ queryKey: [...ER_KEY, 'attachments', id] }),
    qc.invalidateQueries({ queryKey: [...ER_KEY, 'detail', id] }),
  ]);

  const upload = async (file: File) => {
    if (!id) return;
    if (file.size > MAX_BYTES) { message.error(t('er.att.tooBig', { name: file.name })); return; }
    if (file.type && !TYPES.has(file.type)) { message.error(t('er.att.badType', { name: file.name })); return; }
    setBusy(true);
    try {
      await uploadAttachment(id, file);
      message.success(t('er.att.uploaded'));
      await refresh();
    } catch (e) {
      message.error(`${file.name}: ${problemText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (a: Attachment) => {
    if (!id) return;
    try {
      await deleteAttachment(id, a.id);
      message.success(t('common.deleted'));
      await refresh();
    } catch (e) {
      message.error(problemText(e));
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('er.att.title')} size={640} data-testid="er-attachments" destroyOnHidden>
      {!id ? <Alert type="info" showIcon title={t('er.msg.saveFirst')} /> : (
        <>
          <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
            {editable ? (
              <Upload accept={ACCEPT} multiple showUploadList={false} disabled={busy}
                beforeUpload={(file) => { void upload(file); return false; }}>
                <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="er-att-upload">{t('er.att.upload')}</Button>
              </Upload>
            ) : null}
            <Typography.Text type="secondary" data-testid="er-att-limit">{t('er.att.limit')}</Typography.Text>
          </Space>
          {list.error ? <Alert type="error" showIcon title={problemText(list.error)} /> : (
            <Table<Attachment>
              size="small"
              rowKey="id"
              loading={list.isFetching}
              dataSource={list.data ?? []}
              pagination={false}
              locale={{ emptyText: t('er.att.empty') }}
              data-testid="er-att-table"
              columns={[
                { title: t('er.att.fileName'), dataIndex: 'fileName', ellipsis: true },
                { title: t('er.att.size'), dataIndex: 'size', width: 90, render: (n: number) => fmtSize(n) },
                { title: t('er.att.uploadedAt'), dataIndex: 'uploadedAt', width: 160, render: (v: string) => fmtTime(v) },
                {
                  title: t('common.actions'), key: 'a', width: 150,
                  render: (_: unknown, a) => (
                    <Space size={0}>
                      <Button type="link" size="small" icon={<DownloadOutlined />} href={attachmentUrl(id, a.id)} download={a.fileName}>
                        {t('common.download')}
                      </Button>
                      {editable ? (
                        <Popconfirm title={t('er.att.deleteConfirm', { name: a.fileName })} okButtonProps={{ danger: true }}
                          okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => remove(a)}>
                          <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${a.fileName}`} />
                        </Popconfirm>
                      ) : null}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
