import { Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';

/** The keyboard table of the manual (003 §2.3.3), opened by Alt+K or the round "?" button. */
export function ShortcutsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const rows = [
    ['Enter', 'enter'], ['Backspace', 'backspace'], ['Alt+S', 'altS'], ['Alt+R', 'altR'], ['Alt+P', 'altP'],
    ['Alt+K', 'altK'], ['Alt+U', 'altU'], ['Shift+Enter', 'shiftEnter'],
  ].map(([key, desc]) => ({ key: key!, desc: t(`er.shortcuts.${desc!}`) }));
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('er.shortcuts.title')} width={620}
      // data-* props land on the modal's root, which has no box of its own; the panel wrapper is what the user sees
      modalRender={(panel) => <div data-testid="er-shortcuts-modal">{panel}</div>}>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: t('er.shortcuts.key'), dataIndex: 'key', width: 140, render: (k: string) => <kbd>{k}</kbd> },
          { title: t('er.shortcuts.desc'), dataIndex: 'desc' },
        ]}
      />
    </Modal>
  );
}
