import { useState } from 'react';
import { Alert, App, Button, Drawer, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import {
  ATTACHMENT_EXTENSIONS, ATTACHMENT_MAX_BYTES, ATTACHMENT_MEDIA_TYPES, checkAttachmentContent, checkAttachmentFileName,
  type Attachment,
} from '@returntrace/domain';
import { problemText } from '../../../api/problem';
import { fmtTime } from '../../../i18n/format';
import { useLang } from '../../../i18n/labels';
import { attachmentUrl, deleteAttachment, ER_KEY, uploadAttachment, useAttachments } from '../api';
import { fmtSize } from '../labels';

/** What the file picker offers: the domain's accepted extensions and media types. */
const ACCEPT = [
  ...ATTACHMENT_MEDIA_TYPES.flatMap((m) => ATTACHMENT_EXTENSIONS[m].map((e) => `.${e}`)),
  ...ATTACHMENT_MEDIA_TYPES,
].join(',');
const MAX_MB = ATTACHMENT_MAX_BYTES / 1024 / 1024;

interface Props {
  open: boolean;
  onClose: () => void;
  /** undefined until the declaration has been saved once */
  id: string | undefined;
  /** upload and delete are offered while the declaration may be changed (its `save` action is allowed) */
  editable: boolean;
}

/** 随附单据: files that go with the declaration (PDF, JPEG, PNG up to ATTACHMENT_MAX_BYTES; the server decides on the content). */
export function AttachmentsDrawer({ open, onClose, id, editable }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lang = useLang();
  const qc = useQueryClient();
  const list = useAttachments(id, open);
  const [busy, setBusy] = useState(false);
  const refresh = () => Promise.all([
    qc.invalidateQueries({ queryKey: [...ER_KEY, 'attachments', id] }),
    qc.invalidateQueries({ queryKey: [...ER_KEY, 'detail', id] }),
  ]);

  /**
   * The domain's checks of the name, size and content, in the browser before uploading, so that a refused file costs
   * no transfer; the server runs the same checks and decides.
   */
  const refusal = async (file: File): Promise<string | null> => {
    if (file.size > ATTACHMENT_MAX_BYTES) return t('er.att.tooBig', { mb: MAX_MB });
    const name = checkAttachmentFileName(file.name);
    if (!name.ok) return lang === 'zh' ? name.issue.messageZh : name.issue.message;
    const content = checkAttachmentContent(name.fileName, new Uint8Array(await file.arrayBuffer()));
    if (!content.ok) return lang === 'zh' ? content.issue.messageZh : content.issue.message;
    return null;
  };

  const upload = async (file: File) => {
    if (!id) return;
    const refused = await refusal(file).catch((e: unknown) => problemText(e));
    if (refused) { message.error(t('er.att.refused', { name: file.name, reason: refused })); return; }
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
            <Typography.Text type="secondary" data-testid="er-att-limit">{t('er.att.limit', { mb: MAX_MB })}</Typography.Text>
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
