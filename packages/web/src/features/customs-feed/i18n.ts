/**
 * Texts of the customs declaration pages (报关单数据), registered under `cf.` when the feature's chunk loads. Menu and
 * tab titles live in the shared i18n files.
 */
import i18n from '../../i18n';

const zh = {
  list: {
    title: '报关单数据', entryId: '报关单号', entryIdPh: '报关单号或其前若干位', direction: '进出口', import: '进口', export: '出口',
    anyDirection: '全部', partyCode: '企业代码', partyCodePh: '收发货人或申报单位的信用代码/海关编码',
    declarePort: '申报地海关', declarePortPh: '4 位关区代码', dateRange: '申报日期', search: '查询', reset: '重置',
    declareDate: '申报日期', trader: '境内收发货人', declaringUnit: '申报单位', country: '启运国/运抵国', tradeMode: '监管方式',
    lines: '商品项数', withdrawn: '撤单', status: '状态', valid: '有效', open: '查看',
  },
  detail: {
    header: '表头', lines: '表体（商品）', iePort: '进出境关别', destinationPort: '目的地海关', ieDate: '进出口日期',
    declarant: '报关人员', traderAddress: '收发货人地址', owner: '消费使用/生产销售单位', ownerDistrict: '消费使用单位所在地关区',
    billOfLading: '提运单号', loadedAt: '首次装载', updatedAt: '最近更新', creditCode: '统一社会信用代码', customsCode: '海关编码',
    lineNo: '项号', hsCode: '商品编号', goodsName: '商品名称', supervisionCategory: '监管类别', quantity: '成交数量',
    unit: '单位', totalPrice: '总价', currency: '币制', originCountry: '原产国/最终目的国', back: '返回列表',
  },
  load: {
    title: '报关单数据装载', upload: '上传文件', selectFile: '选择 CSV 或 Excel 文件', start: '开始装载',
    hint: '每行一项商品，同一报关单的表头列在各行重复。按报关单号新增或更新（商品项整体替换）；任一行有误则整份文件不装载。大文件请使用命令行工具 npm run feed:load。',
    templates: '下载模板', templateCsv: 'CSV 模板', templateXlsx: 'Excel 模板', done: '装载完成：报关单 {{declarations}} 份（新增 {{inserted}}，更新 {{updated}}），商品 {{lines}} 项',
    refused: '文件未装载，请修改以下错误后重新上传', row: '行', column: '列', cell: '单元格', message: '错误说明',
    history: '装载记录', channel: '渠道', fileName: '文件名', declarations: '报关单', linesCount: '商品项', inserted: '新增',
    updated: '更新', startedAt: '开始时间', finishedAt: '完成时间', loadedBy: '操作人', fileRequired: '请先选择文件',
    ch: { batch: '接口批量', upload: '文件上传', bulk: '批量装载工具', demo: '演示数据' },
  },
};

const en: typeof zh = {
  list: {
    title: 'Customs declarations', entryId: 'Declaration no.', entryIdPh: 'Number or its beginning', direction: 'Direction',
    import: 'Import', export: 'Export', anyDirection: 'Any', partyCode: 'Party code',
    partyCodePh: 'Credit or customs code of consignee/consignor or declaring unit', declarePort: 'Declaring customs',
    declarePortPh: '4-digit district', dateRange: 'Declaration date', search: 'Search', reset: 'Reset',
    declareDate: 'Declared', trader: 'Consignee/consignor', declaringUnit: 'Declaring unit', country: 'Country',
    tradeMode: 'Supervision mode', lines: 'Lines', withdrawn: 'Withdrawn', status: 'Status', valid: 'Valid', open: 'Open',
  },
  detail: {
    header: 'Header (表头)', lines: 'Goods lines (表体)', iePort: 'Port of entry/exit', destinationPort: 'Destination customs',
    ieDate: 'Import/export date', declarant: 'Declarant', traderAddress: 'Consignee address', owner: 'Consumer/producer',
    ownerDistrict: 'Consumer district', billOfLading: 'Bill of lading', loadedAt: 'First loaded', updatedAt: 'Last updated',
    creditCode: 'Credit code', customsCode: 'Customs code', lineNo: 'Line', hsCode: 'HS code', goodsName: 'Goods',
    supervisionCategory: 'Supervision category', quantity: 'Quantity', unit: 'Unit', totalPrice: 'Total price',
    currency: 'Currency', originCountry: 'Origin/destination', back: 'Back to list',
  },
  load: {
    title: 'Declaration feed', upload: 'Upload', selectFile: 'Choose a CSV or Excel file', start: 'Load',
    hint: 'One row per goods line; header columns repeat on every line of a declaration. Declarations are added or updated by number (lines replaced); one bad row refuses the whole file. Load large files with npm run feed:load.',
    templates: 'Templates', templateCsv: 'CSV template', templateXlsx: 'Excel template',
    done: 'Loaded: {{declarations}} declarations ({{inserted}} new, {{updated}} updated), {{lines}} lines',
    refused: 'The file was not loaded; correct these errors and upload it again', row: 'Row', column: 'Column', cell: 'Cell',
    message: 'Error', history: 'Load history', channel: 'Channel', fileName: 'File', declarations: 'Declarations',
    linesCount: 'Lines', inserted: 'New', updated: 'Updated', startedAt: 'Started', finishedAt: 'Finished', loadedBy: 'By',
    fileRequired: 'Choose a file first',
    ch: { batch: 'JSON batch', upload: 'Upload', bulk: 'Bulk loader', demo: 'Demo data' },
  },
};

i18n.addResourceBundle('zh', 'translation', { cf: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { cf: en }, true, false);
