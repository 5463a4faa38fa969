import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { post } from '../../api/client';
import { problemText } from '../../api/problem';
import type { User } from './api';

/** Unlock and reset-second-factor, each behind a confirmation. */
export function useUserActions() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();

  const run = (title: string, path: string, done: string) =>
    modal.confirm({
      title,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await post(path, {});
          message.success(done);
          await qc.invalidateQueries({ queryKey: ['users'] });
        } catch (e) {
          message.error(problemText(e));
        }
      },
    });

  return {
    unlock: (u: User) => run(t('users.unlockConfirm', { name: u.username }), `/users/${u.id}/unlock`, t('users.unlocked')),
    resetTotp: (u: User) => run(t('users.resetTotpConfirm', { name: u.username }), `/users/${u.id}/reset-totp`, t('users.totpReset')),
  };
}
