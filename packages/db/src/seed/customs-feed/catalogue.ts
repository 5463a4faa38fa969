/** Goods, destinations, brokers and third-party traders the demo customs feed is generated from. */
import { makeCreditCode } from '@returntrace/domain';

export interface Product {
  hsCode: string;
  goodsName: string;
  unit: string;
  /** unit price range in US cents */
  priceCents: [number, number];
  /** quantity range per line */
  quantity: [number, number];
  /** 监管类别名称 */
  supervisionCategory: string;
}

const p = (hsCode: string, goodsName: string, unit: string, priceCents: [number, number], quantity: [number, number], legal = true): Product =>
  ({ hsCode, goodsName, unit, priceCents, quantity, supervisionCategory: legal ? '法检' : '非法检' });

/** Products by HS chapter (39, 61, 63, 64, 84, 85, 94, 95). */
export const PRODUCTS: Record<string, Product[]> = {
  '39': [
    p('3924100000', '塑料餐具及厨房用具', '035', [180, 650], [200, 5000], false),
    p('3926909090', '其他塑料制品', '007', [35, 420], [500, 20000], false),
    p('3923210000', '乙烯聚合物制的袋及包', '035', [120, 300], [300, 8000], false),
  ],
  '61': [
    p('6109100021', '棉制针织男式T恤衫', '011', [250, 900], [300, 12000]),
    p('6110200029', '棉制针织套头衫', '011', [600, 2200], [200, 6000]),
    p('6104620000', '棉制针织女式长裤', '011', [500, 1800], [200, 6000]),
  ],
  '63': [
    p('6302100090', '针织或钩编床上用织物制品', '006', [800, 3500], [100, 3000]),
    p('6307900090', '其他纺织制成品', '007', [60, 600], [500, 15000], false),
    p('6304930000', '合成纤维制装饰用织物制品', '011', [300, 1500], [200, 5000]),
  ],
  '64': [
    p('6402999000', '橡胶或塑料制外底及鞋面的鞋靴', '025', [400, 1800], [300, 9000]),
    p('6404199000', '纺织材料制鞋面的运动鞋', '025', [900, 3500], [200, 6000]),
    p('6403990090', '皮革制鞋面的其他鞋靴', '025', [1500, 6000], [100, 3000]),
  ],
  '84': [
    p('8471300000', '便携式自动数据处理设备（笔记本电脑）', '001', [18000, 65000], [20, 800]),
    p('8414519900', '功率不超过125瓦的其他风扇', '001', [900, 4500], [100, 4000]),
    p('8443329000', '其他打印机', '001', [4500, 22000], [20, 600]),
    p('8450111000', '全自动波轮式洗衣机', '001', [9000, 26000], [20, 400]),
  ],
  '85': [
    p('8517629900', '其他接收、转换并发送数据的设备（无线路由器）', '001', [1200, 6500], [100, 5000]),
    p('8504401400', '功率小于1千瓦的直流稳压电源（电源适配器）', '007', [150, 900], [500, 20000]),
    p('8516500000', '微波炉', '001', [3500, 9000], [50, 1500]),
    p('8528591000', '彩色监视器', '001', [6000, 25000], [20, 800]),
  ],
  '94': [
    p('9401619000', '木框架的装软垫的座具', '011', [2500, 12000], [20, 600]),
    p('9403609990', '其他木家具', '011', [3000, 18000], [10, 400]),
    p('9405110000', '枝形吊灯及其他天花板或墙壁照明装置', '007', [1200, 8000], [50, 2000]),
  ],
  '95': [
    p('9503008900', '其他玩具', '007', [80, 1500], [500, 20000]),
    p('9503002100', '玩具电动火车', '006', [900, 4500], [100, 3000]),
    p('9504501100', '视频游戏控制器', '001', [2500, 12000], [50, 2000]),
  ],
};

/** The HS chapters each demo enterprise trades in, by slug. */
export const ENTERPRISE_CHAPTERS: Record<string, string[]> = {
  huaxin: ['85', '84'],
  pengcheng: ['95', '39'],
  qianhai: ['94', '63'],
  jinghua: ['84', '85'],
  yanjing: ['61', '63'],
  tianzhu: ['64', '39'],
};

/** The customs districts each demo enterprise declares at (the first is its home office). */
export const ENTERPRISE_DISTRICTS: Record<string, string[]> = {
  huaxin: ['5301', '5316'],
  pengcheng: ['5301', '5316'],
  qianhai: ['5316', '5301'],
  jinghua: ['0101', '0105'],
  yanjing: ['0105', '0101'],
  tianzhu: ['0105', '0101'],
};

/** Destinations with the currency the buyer pays in. */
export const DESTINATIONS: readonly { country: string; currency: string }[] = [
  { country: 'USA', currency: 'USD' }, { country: 'DEU', currency: 'EUR' }, { country: 'GBR', currency: 'GBP' },
  { country: 'JPN', currency: 'JPY' }, { country: 'AUS', currency: 'AUD' }, { country: 'FRA', currency: 'EUR' },
  { country: 'NLD', currency: 'EUR' }, { country: 'KOR', currency: 'USD' }, { country: 'CAN', currency: 'CAD' },
  { country: 'ARE', currency: 'USD' }, { country: 'SGP', currency: 'USD' }, { country: 'MYS', currency: 'USD' },
];

/** Rough units of a currency per US dollar, to keep amounts plausible. */
export const PER_USD: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79, JPY: 150, AUD: 1.52, CAD: 1.36 };

export interface ThirdParty {
  creditCode: string;
  customsCode: string;
  name: string;
  district: string;
}

/** Customs brokers (报关行) that declare on behalf of traders, in the south and the north. */
export const BROKERS: Record<'south' | 'north', ThirdParty[]> = {
  south: [
    { creditCode: makeCreditCode('91440300MA5F2B7C1'), customsCode: '4403180A21', name: '深圳市中港通报关有限公司', district: '5301' },
    { creditCode: makeCreditCode('91440300MA5H8K3D6'), customsCode: '4403180B37', name: '深圳蛇口华运报关行有限公司', district: '5316' },
  ],
  north: [
    { creditCode: makeCreditCode('91110105MA02C4E8R'), customsCode: '1105180C11', name: '北京空港通达报关有限公司', district: '0101' },
  ],
};

/** Small traders outside the platform whose returns a demo enterprise declares as agent. */
export const THIRD_PARTY_TRADERS: Record<'south' | 'north', ThirdParty[]> = {
  south: [
    { creditCode: makeCreditCode('91440300MA5J1N4W2'), customsCode: '4403963011', name: '深圳市星辰电子贸易有限公司', district: '5301' },
    { creditCode: makeCreditCode('91440300MA5K6P2X8'), customsCode: '4403163012', name: '深圳市乐童玩具有限公司', district: '5316' },
  ],
  north: [
    { creditCode: makeCreditCode('91110108MA03D9F1T'), customsCode: '1108163013', name: '北京优纺服饰有限公司', district: '0105' },
    { creditCode: makeCreditCode('91110113MA04E2G6Q'), customsCode: '1113963014', name: '北京捷步鞋业贸易有限公司', district: '0101' },
  ],
};

export const regionOf = (district: string): 'south' | 'north' => (district.startsWith('53') ? 'south' : 'north');

export const DECLARANTS = ['陈晓东', '李海燕', '王志刚', '赵丽华', '刘建国', '孙晓梅', '周文斌', '吴静怡'];
