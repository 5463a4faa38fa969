import { Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvestigationView } from '@returntrace/domain';
import { fmtTime } from '../../../i18n/format';
import { useLang } from '../../../i18n/labels';
import { eventLabel, stateLabel } from '../labels';

/** 办理记录: every state change with who, when and why. */
export function HistoryTimeline({ view }: { view: InvestigationView }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (view.history.length === 0) return <Empty description={t('inv.hist.none')} />;
  return (
    <Timeline data-testid="inv-history"
      items={view.history.map((h, i) => ({
        key: `${h.at}-${i}`,
        color: h.event === 'return_for_rework' || h.event === 'suspend' ? 'red' : h.to === 'closed' ? 'green' : 'blue',
        content: (
          <div data-testid="inv-history-item" data-event={h.event}>
            <b>{eventLabel(h.event, lang)}</b>
            {h.from && h.to && h.from !== h.to ? ` · ${stateLabel(h.from, lang)} → ${stateLabel(h.to, lang)}` : !h.from && h.to ? ` · ${stateLabel(h.to, lang)}` : ''}
            <div style={{ color: '#666' }}>{t('inv.hist.by')}: {h.by} · {fmtTime(h.at)}</div>
            {h.reason ? <div style={{ whiteSpace: 'pre-wrap' }}>{t('inv.act.reason')}: {h.reason}</div> : null}
          </div>
        ),
      }))} />
  );
}
