import { useCallback } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { RiskInfoView } from '@returntrace/domain';
import { isApiError } from '../../../api/client';
import { problemText } from '../../../api/problem';
import { RI_KEY } from '../api';

/**
 * Runs one change of a record and refreshes what shows it. A stale version (412) reloads the record and says so;
 * any other problem is re-thrown for the caller's form to place its field errors.
 */
export function useRecordAction(record: RiskInfoView, reload: () => Promise<unknown>) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  return useCallback(async (msgKey: string, send: () => Promise<RiskInfoView>): Promise<boolean> => {
    try {
      const r = await send();
      qc.setQueryData([...RI_KEY, 'detail', record.id], r);
      void qc.invalidateQueries({ queryKey: [...RI_KEY, 'list'] });
      message.success(t(`ri.msg.${msgKey}`));
      return true;
    } catch (e) {
      if (isApiError(e) && e.status === 412) {
        await reload();
        modal.warning({ title: t('ri.m.staleTitle'), content: t('ri.m.stale') });
        return false;
      }
      throw e;
    }
  }, [qc, record.id, message, modal, t, reload]);
}

/** For actions without a form: run, and show any problem as a message. */
export function useSimpleAction(record: RiskInfoView, reload: () => Promise<unknown>) {
  const run = useRecordAction(record, reload);
  const { message } = App.useApp();
  return useCallback(async (msgKey: string, send: () => Promise<RiskInfoView>) => {
    try {
      return await run(msgKey, send);
    } catch (e) {
      message.error(problemText(e));
      return false;
    }
  }, [run, message]);
}
