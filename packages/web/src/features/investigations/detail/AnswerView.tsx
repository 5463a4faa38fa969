import { Descriptions, Empty, List, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireView } from '@returntrace/domain';
import { fmtTime } from '../../../i18n/format';
import { fmtSize, vLabel } from '../labels';

const yn = (v: boolean | undefined, t: (k: string) => string) => (v === undefined ? '—' : t(`inv.f.yesNo.${String(v)}`));
const pre = (s: string | undefined) => <span style={{ whiteSpace: 'pre-wrap' }}>{s || '—'}</span>;

/** An enterprise's answer to a questionnaire, section by section, with the free questions and its files. */
export function AnswerView({ q, fileUrl }: { q: QuestionnaireView; fileUrl: (fileId: string) => string }) {
  const { t } = useTranslation();
  const a = q.answer;
  const qn = (k: string) => t(`inv.qn.${k}`);
  const f = (k: string) => t(`inv.f.${k}`);
  if (!a) return <Empty description={qn('noAnswer')} />;
  return (
    <div data-testid="qn-answer">
      <Descriptions size="small" column={1} bordered>
        {a.returnReason ? (
          <Descriptions.Item label={vLabel('section', 'return_reason')}>
            {a.returnReason.category ? <Tag>{vLabel('category', a.returnReason.category)}</Tag> : null}
            {a.returnReason.nonQualityKind ? <Tag>{vLabel('nonQualityKind', a.returnReason.nonQualityKind)}</Tag> : null}
            <div>{pre(a.returnReason.explanation)}</div>
          </Descriptions.Item>
        ) : null}
        {a.inspection !== undefined ? <Descriptions.Item label={vLabel('section', 'inspection')}>{pre(a.inspection)}</Descriptions.Item> : null}
        {a.qualitySystem ? (
          <Descriptions.Item label={vLabel('section', 'quality_system')}>
            <div>{qn('qmsCertified')}: {yn(a.qualitySystem.qmsCertified, t)}</div>
            <div>{qn('productCertified')}: {yn(a.qualitySystem.productCertified, t)}</div>
            <div>{qn('destinationStandardsCollected')}: {yn(a.qualitySystem.destinationStandardsCollected, t)}</div>
            <div>{pre(a.qualitySystem.explanation)}</div>
          </Descriptions.Item>
        ) : null}
        {a.goodsFlow ? (
          <Descriptions.Item label={vLabel('section', 'goods_flow')}>
            <Tag>{vLabel('flow', a.goodsFlow.flow)}</Tag>{a.goodsFlow.date ?? ''}
            <div>{pre(a.goodsFlow.explanation)}</div>
          </Descriptions.Item>
        ) : null}
        {a.correctiveActions ? (
          <Descriptions.Item label={vLabel('section', 'corrective_actions')}>
            {a.correctiveActions.map((c, i) => <div key={i}>{i + 1}. {c.action} · {f('dueOn')} {c.dueOn}</div>)}
          </Descriptions.Item>
        ) : null}
        {a.other !== undefined ? <Descriptions.Item label={vLabel('section', 'other')}>{pre(a.other)}</Descriptions.Item> : null}
        {q.questions.map((question, i) => (
          <Descriptions.Item key={`q${i}`} label={`${t('inv.qn.question', { n: i + 1 })}: ${question}`}>{pre(a.answers[i])}</Descriptions.Item>
        ))}
      </Descriptions>
      {q.files.length > 0 ? (
        <List size="small" header={qn('files')} dataSource={q.files} data-testid="qn-files"
          renderItem={(file) => (
            <List.Item>
              <a href={fileUrl(file.id)} target="_blank" rel="noreferrer"><DownloadOutlined /> {file.fileName}</a>
              <span>{fmtSize(file.size)} · {fmtTime(file.uploadedAt)}</span>
            </List.Item>
          )} />
      ) : null}
    </div>
  );
}
