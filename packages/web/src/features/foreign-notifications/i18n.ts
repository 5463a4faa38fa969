/** Texts of the foreign notification pages (境外通报召回), registered under `fn.` when the feature's chunk loads. */
import i18n from '../../i18n';

const zh = {
  title: '境外通报召回批量导入', selectFile: '选择 CSV 或 Excel 文件', start: '导入', fileRequired: '请先选择文件',
  hint: '每行一条境外官方通报或召回：通报国家（地区）、通报日期、产品名称、HS 编码（可为前若干位）、企业或品牌、采取措施、通报原因、通报编号。任一行有误则整份文件不导入；本关区已有的通报（通报编号相同，或国家、日期、产品、企业均相同）只关联、不重复建立。',
  templates: '下载模板', templateCsv: 'CSV 模板', templateXlsx: 'Excel 模板',
  done: '导入完成：共 {{rows}} 行，新建风险信息 {{created}} 条，重复通报 {{duplicates}} 条',
  refused: '文件未导入，请修改以下错误后重新上传', row: '行', column: '列', message: '错误说明',
  result: '本次导入结果', status: '结果', created: '新建', duplicate: '重复（已关联）', infoNo: '风险信息编号', matches: '匹配建议',
  list: '境外通报列表', showAll: '显示全部批次', search: '产品、企业或通报编号', batch: '批次',
  country: '国家（地区）', notifiedOn: '通报日期', product: '产品', hsCode: 'HS 编码', enterpriseOrBrand: '企业或品牌',
  measure: '措施', reason: '原因', reference: '通报编号', importedAt: '导入时间', importedBy: '导入人',
  proposed: '待确认', confirmed: '已确认', rejected: '已驳回', review: '审核匹配',
  matchesTitle: '与出口退运申报的匹配建议', noMatches: '没有匹配的出口退运申报',
  unifiedNo: '统一编号', returnNo: '退货编号', manufacturer: '生产企业', consignee: '收货人', returnCountry: '退货国家',
  hsCodes: '商品编码', score: '匹配度', basis: '匹配依据', confirm: '确认关联', reject: '驳回', decidedBy: '处理人',
  basisCreditCode: '信用代码相同', basisName: '企业名称包含', basisHs: '同一税目 {{heading}}', basisCountry: '退货国家相同',
  confirmedMsg: '已确认，风险信息已关联该出口退运申报', rejectedMsg: '已驳回',
};

const en: typeof zh = {
  title: 'Import foreign notifications and recalls', selectFile: 'Choose a CSV or Excel file', start: 'Import', fileRequired: 'Choose a file first',
  hint: 'One foreign official notification or recall per row: country, date, product, HS code (or its first digits), enterprise or brand, measure, reason, reference. One bad row refuses the whole file; notifications already known in this jurisdiction (same reference, or same country, date, product and enterprise) are linked, not created again.',
  templates: 'Templates', templateCsv: 'CSV template', templateXlsx: 'Excel template',
  done: 'Imported {{rows}} rows: {{created}} new risk records, {{duplicates}} known notifications',
  refused: 'The file was not imported; correct these errors and upload it again', row: 'Row', column: 'Column', message: 'Error',
  result: 'Result of this import', status: 'Result', created: 'New', duplicate: 'Known (linked)', infoNo: 'Risk record', matches: 'Proposed matches',
  list: 'Foreign notifications', showAll: 'All batches', search: 'Product, enterprise or reference', batch: 'Batch',
  country: 'Country', notifiedOn: 'Date', product: 'Product', hsCode: 'HS code', enterpriseOrBrand: 'Enterprise or brand',
  measure: 'Measure', reason: 'Reason', reference: 'Reference', importedAt: 'Imported', importedBy: 'By',
  proposed: 'Proposed', confirmed: 'Confirmed', rejected: 'Rejected', review: 'Review matches',
  matchesTitle: 'Export returns that may be related', noMatches: 'No export return matches',
  unifiedNo: 'Unified no.', returnNo: 'Return no.', manufacturer: 'Manufacturer', consignee: 'Consignee', returnCountry: 'Returned from',
  hsCodes: 'HS codes', score: 'Score', basis: 'Why', confirm: 'Confirm', reject: 'Reject', decidedBy: 'Decided by',
  basisCreditCode: 'same credit code', basisName: 'name contains the enterprise', basisHs: 'same HS heading {{heading}}', basisCountry: 'same country',
  confirmedMsg: 'Confirmed: the risk record is linked to this export return', rejectedMsg: 'Rejected',
};

i18n.addResourceBundle('zh', 'translation', { fn: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { fn: en }, true, false);
