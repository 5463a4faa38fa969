import { makeCreditCode, type OrgKind, type Role } from '@returntrace/domain';

/** One organisation of the demo data set; `slug` names it in user names and tests. */
export interface DemoOrg {
  slug: string;
  kind: OrgKind;
  code: string;
  customsCode?: string;
  nameZh: string;
  nameEn: string;
  parent?: string;
  divisionCode?: string;
  address?: string;
}

const ent = (slug: string, body17: string, customsCode: string, nameZh: string, nameEn: string, parent: string, divisionCode: string, address: string): DemoOrg =>
  ({ slug, kind: 'enterprise', code: makeCreditCode(body17), customsCode, nameZh, nameEn, parent, divisionCode, address });

export const DEMO_ORGS: DemoOrg[] = [
  { slug: 'gacc', kind: 'gacc', code: '0000', nameZh: '海关总署', nameEn: 'General Administration of Customs', divisionCode: '110000', address: '北京市东城区建国门内大街6号' },
  { slug: 'sz', kind: 'direct_customs', code: '5300', nameZh: '深圳海关', nameEn: 'Shenzhen Customs', parent: 'gacc', divisionCode: '440300', address: '深圳市福田区福强路1011号' },
  { slug: 'hg', kind: 'sub_customs', code: '5301', nameZh: '皇岗海关', nameEn: 'Huanggang Customs', parent: 'sz', divisionCode: '440304' },
  { slug: 'sk', kind: 'sub_customs', code: '5316', nameZh: '蛇口海关', nameEn: 'Shekou Customs', parent: 'sz', divisionCode: '440305' },
  { slug: 'bj', kind: 'direct_customs', code: '0100', nameZh: '北京海关', nameEn: 'Beijing Customs', parent: 'gacc', divisionCode: '110000', address: '北京市朝阳区光华路甲10号' },
  { slug: 'pek', kind: 'sub_customs', code: '0101', nameZh: '首都机场海关', nameEn: 'Beijing Capital Airport Customs', parent: 'bj', divisionCode: '110113' },
  { slug: 'tz', kind: 'sub_customs', code: '0105', nameZh: '天竺海关', nameEn: 'Tianzhu Customs', parent: 'bj', divisionCode: '110113' },
  { slug: 'szkjy', kind: 'tech_institution', code: makeCreditCode('12440300455755160'), nameZh: '深圳市检验检疫科学研究院', nameEn: 'Shenzhen Academy of Inspection and Quarantine', parent: 'sz', divisionCode: '440304' },
  { slug: 'szscjg', kind: 'market_regulation', code: makeCreditCode('11440300007503271'), nameZh: '深圳市市场监督管理局', nameEn: 'Shenzhen Administration for Market Regulation', parent: 'sz', divisionCode: '440304' },
  ent('huaxin', '91440300MA5DHX8K1', '4403161001', '深圳华信电子有限公司', 'Shenzhen Huaxin Electronics Co., Ltd.', 'hg', '440304', '深圳市福田区华强北路1002号'),
  ent('pengcheng', '91440300MA5EQ7N2P', '4403961002', '深圳鹏程玩具制造有限公司', 'Shenzhen Pengcheng Toys Manufacturing Co., Ltd.', 'hg', '440306', '深圳市宝安区福永街道凤凰路88号'),
  ent('qianhai', '91440300MA5G3R9T4', '4403161003', '深圳前海家具出口有限公司', 'Shenzhen Qianhai Furniture Export Co., Ltd.', 'sk', '440305', '深圳市南山区前海路3101号'),
  ent('jinghua', '91110105MA01K7W3C', '1105961004', '北京京华机电设备有限公司', 'Beijing Jinghua Electromechanical Equipment Co., Ltd.', 'pek', '110105', '北京市朝阳区酒仙桥路10号'),
  ent('yanjing', '91110108MA00D6Y2F', '1108161005', '北京燕京纺织品进出口有限公司', 'Beijing Yanjing Textiles Import & Export Co., Ltd.', 'tz', '110108', '北京市海淀区中关村南大街5号'),
  ent('tianzhu', '91110113MA02B8U5L', '1113961006', '北京天竺鞋业有限公司', 'Beijing Tianzhu Footwear Co., Ltd.', 'tz', '110113', '北京市顺义区天竺镇府前一街9号'),
];

export interface DemoUser {
  username: string;
  displayName: string;
  org: string;
  roles: Role[];
}

const CUSTOMS_ROLE_SLUGS: [string, Role][] = [
  ['officer', 'customs_officer'], ['auditor', 'customs_auditor'], ['investigator', 'investigator'],
  ['warning', 'warning_office'], ['admin', 'sysadmin'],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '敏', '静', '磊', '强', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英'];

function personName(i: number): string {
  return `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
}

/** One user per role per customs office, an assessor, a market-regulation investigator, an operator per enterprise. */
export function demoUsers(): DemoUser[] {
  const out: DemoUser[] = [];
  let i = 0;
  for (const org of DEMO_ORGS) {
    if (org.kind === 'gacc' || org.kind === 'direct_customs' || org.kind === 'sub_customs') {
      for (const [slug, role] of CUSTOMS_ROLE_SLUGS) out.push({ username: `${org.slug}.${slug}`, displayName: personName(i++), org: org.slug, roles: [role] });
    } else if (org.kind === 'tech_institution') {
      out.push({ username: `${org.slug}.assessor`, displayName: personName(i++), org: org.slug, roles: ['risk_assessor'] });
    } else if (org.kind === 'market_regulation') {
      out.push({ username: `${org.slug}.investigator`, displayName: personName(i++), org: org.slug, roles: ['investigator'] });
    } else if (org.kind === 'enterprise') {
      out.push({ username: `ent.${org.slug}`, displayName: personName(i++), org: org.slug, roles: ['enterprise_operator'] });
    }
  }
  return out;
}

/** The password of every demo account (meets the policy: 16 characters, 4 classes). */
export const DEMO_PASSWORD = 'ReturnTrace@2026';
