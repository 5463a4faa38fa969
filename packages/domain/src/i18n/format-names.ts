import type { BilingualText } from './bilingual';

/** What a zod 4 string format expects, phrased to follow "Must be " / "须为". */
export const FORMAT_NAMES: Readonly<Record<string, BilingualText>> = {
  email: { en: 'a valid e-mail address', zh: '有效的电子邮件地址' },
  url: { en: 'a valid URL', zh: '有效的网址' },
  httpUrl: { en: 'a valid http(s) URL', zh: '有效的 http(s) 网址' },
  hostname: { en: 'a valid host name', zh: '有效的主机名' },
  uuid: { en: 'a valid UUID', zh: '有效的 UUID' },
  uuidv4: { en: 'a valid UUID (version 4)', zh: '有效的 UUID（第 4 版）' },
  uuidv6: { en: 'a valid UUID (version 6)', zh: '有效的 UUID（第 6 版）' },
  uuidv7: { en: 'a valid UUID (version 7)', zh: '有效的 UUID（第 7 版）' },
  guid: { en: 'a valid GUID', zh: '有效的 GUID' },
  datetime: { en: 'an ISO 8601 date and time such as 2026-11-23T08:00:00.000Z', zh: 'ISO 8601 日期时间（如 2026-11-23T08:00:00.000Z）' },
  date: { en: 'a date such as 2026-11-23', zh: '日期（如 2026-11-23）' },
  time: { en: 'a time such as 08:00:00', zh: '时间（如 08:00:00）' },
  duration: { en: 'an ISO 8601 duration such as P3D', zh: 'ISO 8601 时长（如 P3D）' },
  ipv4: { en: 'an IPv4 address', zh: 'IPv4 地址' },
  ipv6: { en: 'an IPv6 address', zh: 'IPv6 地址' },
  cidrv4: { en: 'an IPv4 address range', zh: 'IPv4 地址段' },
  cidrv6: { en: 'an IPv6 address range', zh: 'IPv6 地址段' },
  mac: { en: 'a MAC address', zh: 'MAC 地址' },
  e164: { en: 'a phone number in E.164 form such as +8613800000000', zh: 'E.164 格式的电话号码（如 +8613800000000）' },
  base64: { en: 'base64-encoded text', zh: 'base64 编码的文本' },
  base64url: { en: 'base64url-encoded text', zh: 'base64url 编码的文本' },
  hex: { en: 'hexadecimal text', zh: '十六进制文本' },
  json_string: { en: 'valid JSON text', zh: '有效的 JSON 文本' },
  jwt: { en: 'a valid JWT', zh: '有效的 JWT' },
  emoji: { en: 'an emoji', zh: '表情符号' },
  nanoid: { en: 'a valid nanoid', zh: '有效的 nanoid' },
  cuid: { en: 'a valid cuid', zh: '有效的 cuid' },
  cuid2: { en: 'a valid cuid2', zh: '有效的 cuid2' },
  ulid: { en: 'a valid ULID', zh: '有效的 ULID' },
  xid: { en: 'a valid XID', zh: '有效的 XID' },
  ksuid: { en: 'a valid KSUID', zh: '有效的 KSUID' },
  lowercase: { en: 'lower case', zh: '小写' },
  uppercase: { en: 'upper case', zh: '大写' },
};

/** What an `invalid_type` issue expected, phrased to follow "Must be " / "须为". */
export const TYPE_NAMES: Readonly<Record<string, BilingualText>> = {
  string: { en: 'text', zh: '文本' },
  number: { en: 'a number', zh: '数字' },
  int: { en: 'an integer', zh: '整数' },
  bigint: { en: 'an integer', zh: '整数' },
  boolean: { en: 'true or false', zh: '布尔值（true 或 false）' },
  array: { en: 'a list', zh: '数组' },
  tuple: { en: 'a list', zh: '数组' },
  object: { en: 'an object', zh: '对象' },
  record: { en: 'an object', zh: '对象' },
  map: { en: 'a map', zh: '映射' },
  set: { en: 'a set', zh: '集合' },
  date: { en: 'a valid date', zh: '有效日期' },
  null: { en: 'null', zh: 'null' },
  undefined: { en: 'absent', zh: '空' },
  file: { en: 'a file', zh: '文件' },
  symbol: { en: 'a symbol', zh: '符号' },
  function: { en: 'a function', zh: '函数' },
  nan: { en: 'NaN', zh: 'NaN' },
};

/** Units of a sized value (`too_small` / `too_big` origin). */
export const SIZE_UNITS: Readonly<Record<string, BilingualText>> = {
  string: { en: 'characters', zh: '个字符' },
  array: { en: 'items', zh: '项' },
  set: { en: 'items', zh: '项' },
  map: { en: 'entries', zh: '项' },
  file: { en: 'bytes', zh: '字节' },
};
