import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Radio, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InvestigationView } from '@returntrace/domain';
import { isApiError } from '../../../api/client';
import { applyFormErrors, problemText } from '../../../api/problem';
import { useLang } from '../../../i18n/labels';
import { useOrg } from '../../orgs/api';
import { addMember, removeMember, useBodies, useRefreshCase, type MemberInput } from '../api';
import { orgLabel } from '../labels';

type Member = InvestigationView['members'][number];

/** 协查: collaborators of this or another body, a user or a whole organisation, with edit or read access. */
export function MembersPanel({ view }: { view: InvestigationView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const refresh = useRefreshCase(view.id);
  const [open, setOpen] = useState(false);
  const canAdd = view.allowedActions.includes('add_member');
  const m = (k: string) => t(`inv.mem.${k}`);

  const remove = async (row: Member) => {
    try {
      await removeMember(view.id, row.id);
      message.success(t('common.done'));
      await refresh();
    } catch (e) {
      message.error(problemText(e));
    }
  };

  return (
    <div data-testid="inv-members">
      {canAdd ? <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }} data-testid="inv-member-add">{m('add')}</Button> : null}
      <Table<Member> size="small" rowKey="id" pagination={false} dataSource={view.members}
        columns={[
          { title: m('org'), key: 'org', render: (_: unknown, r) => orgLabel(r.org, lang) },
          { title: m('user'), key: 'user', render: (_: unknown, r) => (r.user ? `${r.user.displayName} (${r.user.username})` : <Tag>{m('whole')}</Tag>) },
          { title: m('access'), dataIndex: 'access', width: 100, render: (v: string) => <Tag color={v === 'edit' ? 'blue' : 'default'}>{m(v)}</Tag> },
          ...(canAdd ? [{ title: t('common.actions'), key: 'op', width: 90, render: (_: unknown, r: Member) => (
            <Popconfirm title={m('removeConfirm')} onConfirm={() => remove(r)}>
              <Button type="link" danger size="small">{m('remove')}</Button>
            </Popconfirm>
          ) }] : []),
        ]} />
      {open ? <AddMemberModal caseId={view.id} onClose={() => setOpen(false)} onAdded={async () => { setOpen(false); message.success(m('added')); await refresh(); }} /> : null}
    </div>
  );
}

function AddMemberModal({ caseId, onClose, onAdded }: { caseId: string; onClose: () => void; onAdded: () => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MemberInput>();
  const [busy, setBusy] = useState(false);
  const orgId = Form.useWatch('orgId', form);
  const [q, setQ] = useState('');
  const bodies = useBodies(q);
  const lang = useLang();
  // the organisation's users are listed for callers with users.read; others may name a user by id or add the whole org
  const org = useOrg(orgId);
  const users = org.data?.users;
  const m = (k: string) => t(`inv.mem.${k}`);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the messages are on the fields
    setBusy(true);
    try {
      await addMember(caseId, { orgId: v.orgId, access: v.access, ...(v.userId?.trim() ? { userId: v.userId.trim() } : {}) });
      await onAdded();
    } catch (e) {
      const unmatched = applyFormErrors(form, e);
      if (!isApiError(e) || e.errors.length === 0 || unmatched.length > 0) form.setFields([{ name: 'orgId', errors: [problemText(e)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={m('add')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden
      okButtonProps={{ 'data-testid': 'inv-member-ok' }}>
      <Form<MemberInput> form={form} layout="vertical" name="member" initialValues={{ access: 'read' }}>
        <Form.Item name="orgId" label={m('org')} rules={[{ required: true, message: t('common.select', { field: m('org') }) }]}>
          <Select showSearch filterOption={false} onSearch={setQ} loading={bodies.isFetching} data-testid="inv-member-org"
            onChange={() => form.setFieldValue('userId', undefined)}
            options={(bodies.data ?? []).map((o) => ({ value: o.id, label: `${lang === 'zh' ? o.nameZh : o.nameEn || o.nameZh} · ${o.code}` }))} />
        </Form.Item>
        <Form.Item name="userId" label={m('user')} extra={m('userPh')}>
          {users ? (
            <Select allowClear showSearch optionFilterProp="label" placeholder={m('userPh')}
              options={users.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))} />
          ) : (
            <Input allowClear placeholder="UUID" />
          )}
        </Form.Item>
        <Form.Item name="access" label={m('access')}>
          <Radio.Group aria-label={m('access')} options={[{ value: 'edit', label: m('edit') }, { value: 'read', label: m('read') }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
