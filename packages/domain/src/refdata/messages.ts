/**
 * Error codes of reference-data validation with their English and Chinese messages. Row schemas carry the code as
 * their zod message (`{ error: 'hs_chapter_code' }`); `refMessage` turns a code and its parameters into text.
 */
export const REF_ERROR_CODES = [
  'required',
  'too_long',
  'invalid_type',
  'integer',
  'boolean',
  'control_chars',
  'unknown_field',
  'hs_section_code',
  'hs_chapter_code',
  'hs_chapter_ref',
  'hs_chapter_range',
  'country_code',
  'country_alpha3',
  'numeric3',
  'currency_code',
  'minor_units',
  'division_code',
  'division_level',
  'division_level_mismatch',
  'division_parent',
  'district_code',
  'district_direct',
  'district_parent',
  'unit_code',
  'reason_code',
  'reason_category',
  'reason_category_mismatch',
  'duplicate_key',
  'unknown_column',
  'missing_column',
  'duplicate_column',
  'empty_file',
  'too_many_rows',
  'unknown_reference',
  'key_mismatch',
  'extra_cells',
  'formula_prefix',
  'in_use',
  'not_utf8',
  'malformed_csv',
  'hs_prefix',
  'inspection_conditions',
  'rate_month',
  'usd_rate',
  'rate_code',
] as const;
export type RefErrorCode = (typeof REF_ERROR_CODES)[number];

export const isRefErrorCode = (s: string): s is RefErrorCode => (REF_ERROR_CODES as readonly string[]).includes(s);

export type RefMessageParams = Record<string, string | number | undefined>;

type Builder = (p: RefMessageParams) => { en: string; zh: string };

const MESSAGES: Record<RefErrorCode, Builder> = {
  required: () => ({ en: 'Required', zh: '必填' }),
  too_long: (p) => ({ en: `At most ${p.max} characters`, zh: `不超过 ${p.max} 个字符` }),
  invalid_type: (p) => ({ en: `Expected ${p.expected ?? 'a different type'}`, zh: `类型有误，应为 ${p.expected ?? '其他类型'}` }),
  integer: () => ({ en: 'Must be a whole number', zh: '应为整数' }),
  boolean: () => ({ en: 'Must be true or false (also accepted: 1/0, yes/no, 是/否)', zh: '应为 true 或 false（也可填 1/0、是/否）' }),
  control_chars: () => ({ en: 'Control characters are not allowed', zh: '不允许包含控制字符' }),
  unknown_field: (p) => ({ en: `Unknown field ${p.value}`, zh: `未知字段 ${p.value}` }),
  hs_section_code: () => ({ en: 'Must be an HS section number in Roman numerals, I to XXII', zh: '应为罗马数字表示的类号 I 至 XXII' }),
  hs_chapter_code: () => ({
    en: 'Must be a two-digit HS chapter 01 to 97, e.g. 01 (format the column as text in Excel)',
    zh: '应为两位数字的章号 01 至 97，如 01（Excel 中请将该列设为文本格式）',
  }),
  hs_chapter_ref: () => ({
    en: 'Must be a two-digit chapter number 01 to 99, e.g. 01',
    zh: '应为两位数字的章号 01 至 99，如 01',
  }),
  hs_chapter_range: () => ({ en: 'chapterFrom must not come after chapterTo', zh: '起始章号不能大于截止章号' }),
  country_code: () => ({ en: 'Must be an ISO 3166-1 alpha-2 code: two capital letters, e.g. CN', zh: '应为 ISO 3166-1 二位字母代码（大写），如 CN' }),
  country_alpha3: () => ({ en: 'Must be an ISO 3166-1 alpha-3 code: three capital letters, e.g. CHN', zh: '应为 ISO 3166-1 三位字母代码（大写），如 CHN' }),
  numeric3: () => ({ en: 'Must be a three-digit numeric code, e.g. 156', zh: '应为三位数字代码，如 156' }),
  currency_code: () => ({ en: 'Must be an ISO 4217 code: three capital letters, e.g. CNY', zh: '应为 ISO 4217 三位字母代码（大写），如 CNY' }),
  minor_units: () => ({ en: 'Must be a whole number from 0 to 4', zh: '应为 0 至 4 的整数' }),
  division_code: () => ({ en: 'Must be a six-digit GB/T 2260 code, e.g. 440300', zh: '应为六位数字的 GB/T 2260 行政区划代码，如 440300' }),
  division_level: () => ({ en: 'Must be 1 (province), 2 (prefecture) or 3 (county)', zh: '应为 1（省级）、2（地级）或 3（县级）' }),
  division_level_mismatch: (p) => ({
    en: `The code ${p.value} denotes level ${p.expected}`,
    zh: `代码 ${p.value} 对应的级别应为 ${p.expected}`,
  }),
  division_parent: (p) => ({
    en: p.expected ? `Must be ${p.expected} for code ${p.value}` : `Must be empty for a provincial-level code`,
    zh: p.expected ? `代码 ${p.value} 的上级应为 ${p.expected}` : '省级区划的上级代码应为空',
  }),
  district_code: () => ({ en: 'Must be a four-digit customs district code, e.g. 5300', zh: '应为四位数字的关区代码，如 5300' }),
  district_direct: (p) => ({
    en: `Must be ${p.expected} for code ${p.value} (codes ending in 00 are directly-affiliated customs, 0000 is the General Administration)`,
    zh: `代码 ${p.value} 的该项应为 ${p.expected}（以 00 结尾的为直属海关，0000 为海关总署）`,
  }),
  district_parent: (p) => ({
    en: p.expected ? `Must be ${p.expected} for code ${p.value}` : 'Must be empty for the General Administration (0000)',
    zh: p.expected ? `代码 ${p.value} 的上级关区应为 ${p.expected}` : '海关总署（0000）的上级关区应为空',
  }),
  unit_code: () => ({ en: 'Must be a three-digit unit code, e.g. 035', zh: '应为三位数字的计量单位代码，如 035' }),
  reason_code: () => ({ en: 'Must be a reason code: QUA, TRD, TRN or OTH, a hyphen and two digits, e.g. QUA-01', zh: '应为退运原因代码：QUA、TRD、TRN 或 OTH 加连字符和两位数字，如 QUA-01' }),
  reason_category: () => ({ en: 'Must be quality, trade, transport or other', zh: '应为 quality（质量）、trade（贸易）、transport（运输）或 other（其他）' }),
  reason_category_mismatch: (p) => ({
    en: `The code ${p.value} belongs to the category ${p.expected}`,
    zh: `代码 ${p.value} 属于类别 ${p.expected}`,
  }),
  duplicate_key: (p) => ({
    en: `Code ${p.value} appears more than once (first on row ${p.first})`,
    zh: `代码 ${p.value} 重复（首次出现在第 ${p.first} 行）`,
  }),
  unknown_column: (p) => ({
    en: `Unknown column "${p.value}"; expected columns: ${p.expected}`,
    zh: `未知的列“${p.value}”；应有的列：${p.expected}`,
  }),
  missing_column: (p) => ({ en: `Missing column "${p.value}"`, zh: `缺少列“${p.value}”` }),
  duplicate_column: (p) => ({ en: `Column "${p.value}" appears more than once`, zh: `列“${p.value}”重复出现` }),
  empty_file: () => ({ en: 'The file has no data rows', zh: '文件中没有数据行' }),
  too_many_rows: (p) => ({ en: `At most ${p.max} data rows per file`, zh: `每个文件最多 ${p.max} 行数据` }),
  unknown_reference: (p) => ({
    en: `No ${p.dataset} entry with code ${p.value}`,
    zh: `${p.datasetZh ?? p.dataset}中不存在代码 ${p.value}`,
  }),
  extra_cells: (p) => ({
    en: `This row has a value in column ${p.value}, which has no header`,
    zh: `该行在没有表头的第 ${p.value} 列中有内容`,
  }),
  formula_prefix: () => ({
    en: 'Must not start with =, +, -, @ or a tab (spreadsheets would read it as a formula)',
    zh: '不能以 =、+、-、@ 或制表符开头（电子表格会将其视为公式）',
  }),
  in_use: (p) => ({
    en: `Code ${p.value} is still used by ${p.dataset} (${p.examples})`,
    zh: `代码 ${p.value} 仍被${p.datasetZh ?? p.dataset}使用（${p.examples}）`,
  }),
  not_utf8: () => ({
    en: 'The file is not UTF-8 text: save it from Excel as "CSV UTF-8", or upload the .xlsx workbook',
    zh: '文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 工作簿',
  }),
  malformed_csv: (p) => ({ en: `The CSV cannot be read: ${p.reason}`, zh: `无法读取 CSV 文件：${p.reason}` }),
  hs_prefix: () => ({
    en: 'Must be an HS code or prefix of 2, 4, 6, 8 or 10 digits, e.g. 8516 or 8516500000 (format the column as text in Excel)',
    zh: '应为 2、4、6、8 或 10 位数字的商品编码或其前缀，如 8516 或 8516500000（Excel 中请将该列设为文本格式）',
  }),
  inspection_conditions: () => ({ en: 'Must be inspection condition letters such as A, B or A/B', zh: '应为检验检疫条件代码，如 A、B 或 A/B' }),
  rate_month: () => ({ en: 'Must be a month as YYYY-MM, e.g. 2026-03', zh: '应为 YYYY-MM 格式的月份，如 2026-03' }),
  usd_rate: () => ({
    en: 'Must be a positive decimal number with at most 8 decimal places, e.g. 1.0825',
    zh: '应为大于 0 的小数，最多 8 位小数，如 1.0825',
  }),
  rate_code: (p) => ({ en: `Must be currency and month joined by a hyphen: ${p.expected}`, zh: `应为币制与月份以连字符连接：${p.expected}` }),
  key_mismatch: (p) => ({ en: `Must equal the code in the address (${p.expected})`, zh: `应与地址中的代码（${p.expected}）一致` }),
};

export function refMessage(code: RefErrorCode, params: RefMessageParams = {}): { message: string; messageZh: string } {
  const m = MESSAGES[code](params);
  return { message: m.en, messageZh: m.zh };
}

/** One field error; import errors also carry the spreadsheet row (header = row 1, first data row = row 2). */
export interface RefFieldError {
  field: string;
  code: RefErrorCode;
  message: string;
  messageZh: string;
}
export interface RefRowError extends RefFieldError {
  row: number;
}

export function refFieldError(field: string, code: RefErrorCode, params: RefMessageParams = {}): RefFieldError {
  return { field, code, ...refMessage(code, params) };
}
