import type { LegalInspectionRow, ProhibitedImportRow } from '@returntrace/domain';

/**
 * An excerpt of the catalogue of goods subject to inspection (实施检验检疫的进出口商品目录), as headings or
 * subheadings. It covers the demo enterprises' electrical goods, machines, furniture and toys; their garments,
 * textiles, footwear and plastic articles are outside it, so that the investigation-type rules have both cases to show.
 * Conditions: A = inspected on import, B = inspected on export (海关监管条件).
 */
const LEGAL_INSPECTION: readonly (readonly [string, string, string, string])[] = [
  ['0201', '鲜、冷牛肉', 'Meat of bovine animals, fresh or chilled', 'A/B'],
  ['0303', '冻鱼', 'Fish, frozen', 'A/B'],
  ['0402', '浓缩、加糖或其他甜物质的乳及奶油', 'Milk and cream, concentrated or sweetened', 'A/B'],
  ['1001', '小麦及混合麦', 'Wheat and meslin', 'A/B'],
  ['1201', '大豆', 'Soya beans', 'A/B'],
  ['2204', '鲜葡萄酿造的酒', 'Wine of fresh grapes', 'A/B'],
  ['3304', '美容品或化妆品及护肤品', 'Beauty, make-up and skin-care preparations', 'A/B'],
  ['4011', '新的充气橡胶轮胎', 'New pneumatic tyres, of rubber', 'A'],
  ['6911', '瓷餐具、厨房器具', 'Tableware and kitchenware, of porcelain or china', 'A/B'],
  ['7013', '玻璃制餐桌、厨房用器皿', 'Glassware for table and kitchen', 'A/B'],
  ['7323', '钢铁制餐桌、厨房用器具', 'Table and kitchen articles, of iron or steel', 'A/B'],
  ['841451', '功率不超过125瓦的风扇', 'Fans of an output not exceeding 125 W', 'A'],
  ['8415', '空气调节器', 'Air-conditioning machines', 'A'],
  ['8418', '冷藏箱、冷冻箱及其他制冷设备', 'Refrigerators, freezers and other refrigerating equipment', 'A'],
  ['844332', '可与自动数据处理设备连接的打印机', 'Printers connectable to a data-processing machine', 'A'],
  ['845011', '全自动家用洗衣机', 'Fully-automatic household washing machines', 'A'],
  ['847130', '便携式自动数据处理设备', 'Portable automatic data-processing machines', 'A'],
  ['850440', '静止式变流器（含电源适配器）', 'Static converters (including power adapters)', 'A'],
  ['8509', '家用电动器具', 'Electro-mechanical domestic appliances', 'A'],
  ['8516', '电热水器、电暖器、微波炉及其他电热器具', 'Electric water heaters, space heaters, microwave ovens and other electro-thermic appliances', 'A'],
  ['851762', '接收、转换并发送或再生数据的设备', 'Machines for the reception, conversion and transmission of data', 'A'],
  ['852859', '其他监视器', 'Other monitors', 'A'],
  ['8539', '白炽灯泡、放电灯管及发光二极管光源', 'Filament and discharge lamps, LED light sources', 'A'],
  ['8544', '绝缘电线、电缆', 'Insulated wire and cable', 'A'],
  ['8703', '主要用于载人的机动车辆', 'Motor cars and other vehicles for the transport of persons', 'A'],
  ['8711', '摩托车', 'Motorcycles', 'A'],
  ['9401', '座具', 'Seats', 'A'],
  ['9403', '其他家具', 'Other furniture', 'A'],
  ['9405', '灯具及照明装置', 'Luminaires and lighting fittings', 'A'],
  ['950300', '玩具（三轮车、踏板车、玩偶、电动火车、模型等）', 'Toys (tricycles, scooters, dolls, electric trains, models…)', 'A/B'],
  ['950450', '视频游戏控制器及设备', 'Video game consoles and machines', 'A'],
];

export function buildLegalInspectionRows(): LegalInspectionRow[] {
  return LEGAL_INSPECTION.map(([code, nameZh, nameEn, conditions]) => ({ code, nameZh, nameEn, conditions }));
}

const FIRST = '禁止进口货物目录（第一批）';
const SECOND = '禁止进口货物目录（第二批）（旧机电产品）';
const WASTE = '禁止进口固体废物（海关总署等公告2020年第53号）';

/**
 * An excerpt of the goods prohibited from import: substances of the first batch, used electrical and mechanical
 * products of the second, and the solid waste whose import has been banned entirely since 2021.
 */
const PROHIBITED: readonly (readonly [string, string, string, string])[] = [
  ['2903140000', '四氯化碳', 'Carbon tetrachloride', FIRST],
  ['8402', '旧蒸汽锅炉及过热水锅炉（压力容器）', 'Used steam and superheated-water boilers (pressure vessels)', SECOND],
  ['8415', '旧空气调节器', 'Used air-conditioning machines', SECOND],
  ['8418', '旧电冰箱、冷冻箱', 'Used refrigerators and freezers', SECOND],
  ['8450', '旧洗衣机', 'Used washing machines', SECOND],
  ['851650', '旧微波炉', 'Used microwave ovens', SECOND],
  ['8528', '旧电视接收机及监视器', 'Used television receivers and monitors', SECOND],
  ['2618', '冶炼钢铁所产生的粒状熔渣', 'Granulated slag from the manufacture of iron or steel', WASTE],
  ['2620', '含金属的矿渣、矿灰及残渣', 'Slag, ash and residues containing metals', WASTE],
  ['3915', '塑料的废碎料及下脚料', 'Waste, parings and scrap, of plastics', WASTE],
  ['4004', '橡胶的废碎料及下脚料', 'Waste, parings and scrap of rubber', WASTE],
  ['4707', '回收（废碎）纸或纸板', 'Recovered (waste and scrap) paper or paperboard', WASTE],
  ['5202', '废棉', 'Cotton waste', WASTE],
  ['6309', '旧衣物及其他旧纺织品', 'Worn clothing and other worn articles', WASTE],
  ['7001', '碎玻璃及废玻璃', 'Cullet and other waste and scrap of glass', WASTE],
  ['7204', '钢铁废碎料', 'Ferrous waste and scrap', WASTE],
  ['7404', '铜废碎料', 'Copper waste and scrap', WASTE],
  ['7602', '铝废碎料', 'Aluminium waste and scrap', WASTE],
  ['854810', '废原电池、废蓄电池及其废碎料', 'Waste and scrap of primary cells and accumulators', WASTE],
];

export function buildProhibitedImportRows(): ProhibitedImportRow[] {
  return PROHIBITED.map(([code, nameZh, nameEn, basis]) => ({ code, nameZh, nameEn, basis }));
}
