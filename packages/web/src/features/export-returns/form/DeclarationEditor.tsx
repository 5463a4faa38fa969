import { useEffect, useRef, useState } from 'react';
import { draftKey, dropDraft, readDraft, writeDraft } from './draftCache';
import { Alert, Button, Card, Form, Space, Tooltip } from 'antd';
import {
  DeleteOutlined, FileAddOutlined, PaperClipOutlined, PrinterOutlined, SaveOutlined, SendOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Backfill, ExportReturnFilled, ExportReturnLine, ExportReturnView } from '@returntrace/domain';
import { useAuthedSession, useCan } from '../../../api/session';
import { orgName, useLang } from '../../../i18n/labels';
import { problemText } from '../../../api/problem';
import { useReasons } from '../api';
import { AttachmentsDrawer } from './AttachmentsDrawer';
import { GoodsSection } from './GoodsSection';
import { HeaderSection } from './HeaderSection';
import { isRequired, type FieldKit } from './kit';
import { OtherSection } from './OtherSection';
import { ShortcutsModal } from './ShortcutsModal';
import { useDeclarationActions } from './useDeclarationActions';
import { useFieldChecks } from './useFieldChecks';
import { useAltShortcuts, useEnterNavigation } from './useKeyboard';
import { fromInput, type FormValues } from './values';

const EMPTY: FormValues = {
  disposals: [], lines: [], manufacturer: {}, originalTradeMode: [], reasonCategories: [], reasons: [],
};

interface Props {
  /** null for a new declaration */
  initial: ExportReturnView | null;
  reload: () => Promise<ExportReturnView | undefined>;
  /** told the id of the declaration this form has just created, before the URL changes to it */
  onCreated?: (id: string) => void;
}

/** 出口退货信息录入 (003 §4.1): the declaration form with the manual's button bar, colours, hint line and keys. */
export function DeclarationEditor({ initial, reload, onCreated }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const session = useAuthedSession();
  const [form] = Form.useForm<FormValues>();
  const checks = useFieldChecks(form);
  const reasons = useReasons();
  const rootRef = useRef<HTMLDivElement>(null);

  // input typed earlier in this tab and not saved yet comes back (only onto the version it was typed against)
  const [restored] = useState(() => readDraft(draftKey(session.user.id, initial?.id), initial?.version ?? null));
  const [record, setRecord] = useState<ExportReturnView | null>(initial);
  const [filled, setFilled] = useState<ExportReturnFilled | null>(restored?.filled ?? initial?.filled ?? null);
  const [goods, setGoods] = useState<ExportReturnLine[]>(restored?.goods ?? initial?.lines ?? []);
  const [office, setOffice] = useState<Backfill['competentOffice']>(restored?.office ?? initial?.competentOffice ?? null);
  const [dirty, setDirty] = useState(!!restored);
  const [changes, setChanges] = useState(0);
  const [hint, setHint] = useState<string | null>(null);
  const [attOpen, setAttOpen] = useState(false);
  const [keysOpen, setKeysOpen] = useState(false);

  const categories = Form.useWatch('reasonCategories', form) ?? [];
  const disposals = Form.useWatch('disposals', form) ?? [];
  const nos = Form.useWatch('originalExportDeclarationNos', form);

  const declare = can('export_returns.declare');
  const allowed = new Set(record?.allowedActions ?? []);
  const editable = declare && (!record || allowed.has('save'));
  const enabled = {
    new: declare,
    save: editable,
    remove: declare && !!record && allowed.has('delete'),
    submit: declare && (!record || allowed.has('submit')),
    print: !!record,
  };

  const actions = useDeclarationActions({
    form, checks, record, enabled, dirty, reload, onCreated,
    onRecord: (r) => {
      dropDraft(draftKey(session.user.id, undefined));
      setRecord(r); setFilled(r.filled); setGoods(r.lines); setOffice(r.competentOffice); setDirty(false);
    },
    onBackfill: (b) => { setFilled(b?.filled ?? null); setGoods(b?.lines ?? []); setOffice(b?.competentOffice ?? null); setDirty(true); },
    onReset: () => {
      setRecord(null); setFilled(null); setGoods([]); setOffice(null); setDirty(false);
      form.resetFields(); form.setFieldsValue(EMPTY);
    },
  });

  const kit: FieldKit = {
    cls: (key) => (isRequired(key, categories.includes('quality')) ? 'rt-f-req' : 'rt-f-opt'),
    rules: checks.rules,
    editable,
  };

  // A newer version of this record (refetched when the page is opened again, e.g. from the query list after the
  // customs decision, or answered to a dialog of the page this one replaced) is shown unless there is unsaved input.
  useEffect(() => {
    if (!initial || !record || initial.id !== record.id || initial.version <= record.version || dirty) return;
    checks.clearExternal();
    form.resetFields();
    form.setFieldsValue(fromInput(initial.input, initial.lines));
    setRecord(initial); setFilled(initial.filled); setGoods(initial.lines); setOffice(initial.competentOffice);
  }, [initial, record, dirty, form, checks]);

  // the red messages beside the fields follow a language switch
  useEffect(() => { checks.relocalize(); }, [lang, checks]);

  // the restored input goes on top of the record's values, so that resetting the form returns to the record
  useEffect(() => {
    if (restored) form.setFieldsValue(restored.values);
  }, [restored, form]);

  const key = draftKey(session.user.id, record?.id);
  useEffect(() => {
    if (!dirty) { dropDraft(key); return undefined; }
    const h = setTimeout(() => writeDraft(key, {
      version: record?.version ?? null, values: form.getFieldsValue(true) as FormValues, filled, goods, office,
    }), 300);
    return () => clearTimeout(h);
  }, [dirty, changes, filled, goods, office, key, record?.version, form]);

  // Leaving the browser page with unsaved input asks first (switching workbench tabs keeps it in the draft cache).
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const onEnter = useEnterNavigation(rootRef, () => void actions.backfill());
  useAltShortcuts({
    save: () => void actions.save(),
    remove: actions.remove,
    print: actions.print,
    keys: () => setKeysOpen(true),
    attachments: () => setAttOpen(true),
  });

  const barButton = (key: string, icon: React.ReactNode, on: () => void, disabled: boolean, shortcut?: string) => (
    <Tooltip title={shortcut ? `${t(`er.btn.${key}`)} (${shortcut})` : t(`er.btn.${key}`)}>
      <Button size="small" icon={icon} onClick={on} disabled={disabled} loading={actions.busy === key}
        data-testid={`er-${key}`}>{t(`er.btn.${key}`)}</Button>
    </Tooltip>
  );

  const hintText = hint ? t(`er.hint.${hint}`) : t('er.msg.hintDefault');

  return (
    <Card
      className={`rt-page rt-er-card${editable ? '' : ' rt-er-readonly'}`}
      data-testid="er-form-page"
      title={editable ? t('menu.erDeclare') : t('page.erDetail')}
      extra={(
        <Space>
          <span className="rt-er-legend" aria-hidden>
            <span><i style={{ background: '#fff8d6' }} />{t('er.msg.legendReq')}</span>
            <span><i style={{ background: '#eceff3' }} />{t('er.msg.legendSys')}</span>
            <span><i style={{ background: '#fff' }} />{t('er.msg.legendOpt')}</span>
          </span>
          <Tooltip title={`${t('er.btn.shortcuts')} (Alt+K)`}>
            <Button shape="circle" size="small" className="rt-er-help" aria-label={t('er.btn.shortcuts')}
              data-testid="er-help" onClick={() => setKeysOpen(true)}>?</Button>
          </Tooltip>
        </Space>
      )}
    >
      <div className="rt-er-bar" role="toolbar" aria-label={t('menu.erDeclare')}>
        {declare ? (
          <>
            {barButton('new', <FileAddOutlined />, actions.newOne, !enabled.new)}
            {barButton('save', <SaveOutlined />, () => void actions.save(), !enabled.save, 'Alt+S')}
            {barButton('delete', <DeleteOutlined />, actions.remove, !enabled.remove, 'Alt+R')}
            {barButton('submit', <SendOutlined />, actions.submit, !enabled.submit)}
          </>
        ) : null}
        {barButton('print', <PrinterOutlined />, actions.print, !enabled.print, 'Alt+P')}
        {barButton('attachments', <PaperClipOutlined />, () => setAttOpen(true), false, 'Alt+U')}
      </div>
      {record?.rejection ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="er-rejection"
          title={`${t('er.msg.rejected')}：${lang === 'zh' ? record.rejection.messageZh : record.rejection.messageEn}`}
          description={record.rejection.reasons.length > 0
            ? record.rejection.reasons.map((r) => (lang === 'zh' ? r.zh : r.en)).join('；') : undefined} />
      ) : null}
      {restored && dirty ? (
        <Alert type="warning" showIcon closable style={{ marginBottom: 12 }} data-testid="er-restored" title={t('er.msg.restored')} />
      ) : null}
      {record && !editable && declare ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('er.msg.readOnly')} /> : null}
      {actions.problem ? (
        <Alert type="error" showIcon closable style={{ marginBottom: 12 }} data-testid="form-error"
          title={problemText(actions.problem.error)}
          description={actions.problem.unmatched.length > 0 ? (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {actions.problem.unmatched.map((u, i) => (
                <li key={i}>{u.field ? `${u.field}: ` : ''}{lang === 'zh' ? u.messageZh : u.message}</li>
              ))}
            </ul>
          ) : undefined}
          onClose={actions.clearProblem} />
      ) : null}
      <div ref={rootRef} onKeyDownCapture={onEnter}
        onFocusCapture={(e) => setHint((e.target as HTMLElement).closest('[data-hint]')?.getAttribute('data-hint') ?? null)}>
        <Form<FormValues>
          form={form}
          name="er"
          className="rt-er-form"
          layout="horizontal"
          labelCol={{ flex: '150px' }}
          labelWrap
          labelAlign="right"
          colon={false}
          validateTrigger="onBlur"
          disabled={!editable}
          initialValues={initial ? fromInput(initial.input, initial.lines) : EMPTY}
          onValuesChange={(changed: Partial<FormValues>) => {
            setDirty(true);
            setChanges((n) => n + 1);
            // a category taken away takes its specific reasons with it (the schema refuses orphans)
            if (changed.reasonCategories) {
              const cats = new Set(changed.reasonCategories);
              const rs = (form.getFieldValue('reasons') as string[] | undefined) ?? [];
              const kept = rs.filter((r) => (reasons.data ?? []).some((x) => x.code === r && cats.has(x.category)));
              if (kept.length !== rs.length) form.setFieldValue('reasons', kept);
            }
          }}
        >
          <div className="rt-er-section">{t('er.section.head')}</div>
          <HeaderSection kit={kit} lang={lang} record={record} filled={filled} office={office} backfilling={actions.busy === 'backfill'}
            otherChosen={disposals.includes('other')}
            collector={{ name: session.user.displayName, org: `${session.org.code} ${orgName(session.org, lang)}` }} />
          <div className="rt-er-section">{t('er.section.goods')}</div>
          <GoodsSection kit={kit} lines={goods} />
          <div className="rt-er-section" style={{ marginTop: 12 }}>{t('er.section.other')}</div>
          <OtherSection kit={kit} lang={lang} reasons={reasons.data ?? []} reasonsError={reasons.error}
            categories={categories} nos={nos} />
        </Form>
      </div>
      <div className="rt-er-hint" role="status" aria-live="polite" data-testid="er-hint">{hintText}</div>
      <ShortcutsModal open={keysOpen} onClose={() => setKeysOpen(false)} />
      <AttachmentsDrawer open={attOpen} onClose={() => setAttOpen(false)} id={record?.id} editable={editable} />
    </Card>
  );
}
