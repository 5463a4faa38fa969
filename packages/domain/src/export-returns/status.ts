/** Statuses of an export-return declaration, numbered exactly as the Single Window manual (003 §4.2) numbers them. */
export const EXPORT_RETURN_STATUSES = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
export type ExportReturnStatus = (typeof EXPORT_RETURN_STATUSES)[number];

export const EXPORT_RETURN_STATUS_LABELS: Record<ExportReturnStatus, { zh: string; en: string }> = {
  0: { zh: '暂存', en: 'Draft' },
  1: { zh: '已提交', en: 'Submitted' },
  2: { zh: '提交失败', en: 'Submission failed' },
  3: { zh: '海关接收成功', en: 'Received by customs' },
  4: { zh: '海关接收失败', en: 'Refused at customs receipt' },
  5: { zh: '电子审核完成，待人工审核', en: 'Electronic audit done, awaiting manual audit' },
  6: { zh: '电子审核退单', en: 'Rejected by electronic audit' },
  7: { zh: '人工审核通过', en: 'Manual audit passed' },
  8: { zh: '人工审核退单', en: 'Rejected by manual audit' },
};

export const isExportReturnStatus = (n: unknown): n is ExportReturnStatus =>
  typeof n === 'number' && (EXPORT_RETURN_STATUSES as readonly number[]).includes(n);
