import { Tag } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  INVESTIGATION_EVENT_LABELS, INVESTIGATION_STATE_LABELS, INVESTIGATION_TYPE_LABELS, QUESTIONNAIRE_STATE_LABELS,
  type InvestigationEvent, type InvestigationState, type InvestigationType, type QuestionnaireState,
} from '@returntrace/domain';
import i18n from '../../i18n';
import { bilingual } from '../../i18n/labels';
import type { Lang } from '../../i18n';

export const stateLabel = (s: string, lang: Lang) => bilingual(INVESTIGATION_STATE_LABELS[s as InvestigationState], lang, s);
export const typeLabel = (s: string, lang: Lang) => bilingual(INVESTIGATION_TYPE_LABELS[s as InvestigationType], lang, s);
export const qnStateLabel = (s: string, lang: Lang) => bilingual(QUESTIONNAIRE_STATE_LABELS[s as QuestionnaireState], lang, s);
/** Event names are lower-case verbs in English; buttons capitalise them. */
/** History rows also record the opening of the case, which is not a workflow event. */
const OPEN_LABEL = { zh: '立案', en: 'open' };
export function eventLabel(e: string, lang: Lang): string {
  const l = e === 'open' ? OPEN_LABEL : INVESTIGATION_EVENT_LABELS[e as InvestigationEvent];
  if (!l) return e;
  return lang === 'zh' ? l.zh : `${l.en.charAt(0).toUpperCase()}${l.en.slice(1)} (${l.zh})`;
}

const STATE_COLORS: Record<InvestigationState, string> = {
  opened: 'default', assigned: 'blue', in_progress: 'processing', findings_submitted: 'purple', reviewed: 'cyan',
  closed: 'success', suspended: 'warning',
};
const TYPE_COLORS: Record<InvestigationType, string> = { on_site: 'volcano', written: 'geekblue', filing_only: 'default' };
const QN_COLORS: Record<QuestionnaireState, string> = { sent: 'processing', answered: 'purple', accepted: 'success', returned: 'warning', withdrawn: 'default' };

export const StateTag = ({ state, lang }: { state: string; lang: Lang }) =>
  <Tag color={STATE_COLORS[state as InvestigationState]} data-testid="inv-state" data-state={state}>{stateLabel(state, lang)}</Tag>;
export const TypeTag = ({ type, lang }: { type: string; lang: Lang }) =>
  <Tag color={TYPE_COLORS[type as InvestigationType]} data-testid="inv-type" data-type={type}>{typeLabel(type, lang)}</Tag>;
export const QnStateTag = ({ state, lang }: { state: string; lang: Lang }) =>
  <Tag color={QN_COLORS[state as QuestionnaireState]} data-testid="qn-state" data-state={state}>{qnStateLabel(state, lang)}</Tag>;

/** Whole days past a due instant or date (Beijing time is what the server counts in; the browser's day is close enough for a badge). */
export const daysOverdue = (due: string): number => Math.max(1, dayjs().startOf('day').diff(dayjs(due).startOf('day'), 'day'));

export const OverdueTag = ({ due }: { due: string }) => (
  <Tag color="error" icon={<WarningOutlined />} data-testid="inv-overdue">
    {i18n.t('inv.list.overdueDays', { n: daysOverdue(due) })}
  </Tag>
);

/** Value label of the findings vocabulary (`inv.v.<group>.<value>`). */
export const vLabel = (group: string, value: string | null | undefined) => (value ? i18n.t(`inv.v.${group}.${value}`) : '—');

export const orgLabel = (o: { name: { zh: string; en: string } } | null | undefined, lang: Lang) =>
  (!o ? '' : lang === 'zh' ? o.name.zh : o.name.en || o.name.zh);

export const fmtSize = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
