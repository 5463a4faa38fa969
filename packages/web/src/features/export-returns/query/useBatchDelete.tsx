import { App, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { ExportReturnRow } from '@returntrace/domain';
import { problemText } from '../../../api/problem';
import { useLang } from '../../../i18n/labels';
import { batchDelete, ER_KEY, type BatchDeleteResult } from '../api';

/** 删除 of the query list: confirmation, then a report of what was deleted and what was refused and why. */
export function useBatchDelete(onDone: () => void) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();

  const report = (r: BatchDeleteResult, rows: ExportReturnRow[]) => {
    const unified = (id: string, no: string | null) => no ?? rows.find((x) => x.id === id)?.unifiedNo ?? id;
    modal.info({
      title: t('er.q.batchResult'),
      width: 640,
      okText: t('common.ok'),
      content: (
        <div data-testid="er-batch-result">
          <Typography.Paragraph>{t('er.q.batchDeleted', { n: r.deleted.length })}</Typography.Paragraph>
          {r.refused.length > 0 ? (
            <>
              <Typography.Paragraph type="danger">{t('er.q.batchRefused', { n: r.refused.length })}</Typography.Paragraph>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={r.refused}
                columns={[
                  { title: t('er.q.unifiedNo'), key: 'no', width: 190, render: (_: unknown, x) => unified(x.id, x.unifiedNo) },
                  { title: t('er.q.reason'), key: 'm', render: (_: unknown, x) => (lang === 'zh' ? x.messageZh : x.message) },
                ]}
              />
            </>
          ) : null}
        </div>
      ),
    });
  };

  const confirm = (ids: string[], rows: ExportReturnRow[]) => {
    if (ids.length === 0) { message.warning(t('er.q.selectRows')); return; }
    modal.confirm({
      title: t('er.q.batchDeleteTitle'),
      content: t('er.q.batchDeleteText', { n: ids.length }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const r = await batchDelete(ids);
          onDone();
          await qc.invalidateQueries({ queryKey: ER_KEY });
          report(r, rows);
        } catch (e) {
          message.error(problemText(e));
        }
      },
    });
  };
  return { confirm };
}
