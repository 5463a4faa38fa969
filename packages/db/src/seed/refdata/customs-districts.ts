import type { CustomsDistrictRow } from '@returntrace/domain';

/**
 * Customs districts (关区代码). 0000 is the General Administration of Customs; codes ending in 00 are the
 * directly-affiliated customs (直属海关) under it; other codes are subordinate offices under their XX00 customs.
 * Seeded: the offices the demo uses, and for reference the directly-affiliated customs whose codes are well
 * established. Further subordinate offices are added by administrators (edit or import).
 */
const direct = (code: string, nameZh: string, nameEn: string): CustomsDistrictRow =>
  ({ code, nameZh, nameEn, direct: true, parentCode: '0000' });
const sub = (code: string, nameZh: string, nameEn: string): CustomsDistrictRow =>
  ({ code, nameZh, nameEn, direct: false, parentCode: `${code.slice(0, 2)}00` });

export const CUSTOMS_DISTRICT_ROWS: readonly CustomsDistrictRow[] = [
  { code: '0000', nameZh: '海关总署', nameEn: 'General Administration of Customs', direct: false, parentCode: null },
  // used by the demo organisations
  direct('0100', '北京海关', 'Beijing Customs'),
  sub('0101', '首都机场海关', 'Beijing Capital Airport Customs'),
  sub('0105', '天竺海关', 'Tianzhu Customs'),
  direct('5300', '深圳海关', 'Shenzhen Customs'),
  sub('5301', '皇岗海关', 'Huanggang Customs'),
  sub('5316', '蛇口海关', 'Shekou Customs'),
  // other directly-affiliated customs
  direct('0200', '天津海关', 'Tianjin Customs'),
  direct('0400', '石家庄海关', 'Shijiazhuang Customs'),
  direct('0500', '太原海关', 'Taiyuan Customs'),
  direct('0600', '满洲里海关', 'Manzhouli Customs'),
  direct('0700', '呼和浩特海关', 'Hohhot Customs'),
  direct('0800', '沈阳海关', 'Shenyang Customs'),
  direct('0900', '大连海关', 'Dalian Customs'),
  direct('1500', '长春海关', 'Changchun Customs'),
  direct('1900', '哈尔滨海关', 'Harbin Customs'),
  direct('2200', '上海海关', 'Shanghai Customs'),
  direct('2300', '南京海关', 'Nanjing Customs'),
  direct('2900', '杭州海关', 'Hangzhou Customs'),
  direct('3100', '宁波海关', 'Ningbo Customs'),
  direct('3300', '合肥海关', 'Hefei Customs'),
  direct('3500', '福州海关', 'Fuzhou Customs'),
  direct('3700', '厦门海关', 'Xiamen Customs'),
  direct('4000', '南昌海关', 'Nanchang Customs'),
  direct('4200', '青岛海关', 'Qingdao Customs'),
  direct('4600', '郑州海关', 'Zhengzhou Customs'),
  direct('4700', '武汉海关', 'Wuhan Customs'),
  direct('4900', '长沙海关', 'Changsha Customs'),
  direct('5100', '广州海关', 'Guangzhou Customs'),
  direct('5200', '黄埔海关', 'Huangpu Customs'),
  direct('5700', '拱北海关', 'Gongbei Customs'),
  direct('6000', '汕头海关', 'Shantou Customs'),
  direct('6400', '海口海关', 'Haikou Customs'),
  direct('6700', '湛江海关', 'Zhanjiang Customs'),
  direct('6800', '江门海关', 'Jiangmen Customs'),
  direct('7200', '南宁海关', 'Nanning Customs'),
  direct('7900', '成都海关', 'Chengdu Customs'),
  direct('8000', '重庆海关', 'Chongqing Customs'),
  direct('8300', '贵阳海关', 'Guiyang Customs'),
  direct('8600', '昆明海关', 'Kunming Customs'),
  direct('8800', '拉萨海关', 'Lhasa Customs'),
  direct('9000', '西安海关', "Xi'an Customs"),
  direct('9400', '乌鲁木齐海关', 'Urumqi Customs'),
  direct('9500', '兰州海关', 'Lanzhou Customs'),
];
