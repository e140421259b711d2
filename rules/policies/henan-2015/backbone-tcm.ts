import type { Programme } from '../../eligibility/programme'
import { BACKBONE_BENEFITS, BACKBONE_OBLIGATIONS, BACKBONE_PERIOD } from './backbone-common'
import { cite, cited, say } from './cite'

const BACKBONE = '附件4 二(三)1'
const LEADER = '附件4 二(四)1'
const CONDUCT = '遵守职业道德，无违规违纪行为'
const ACCIDENT = '五年内未发生承担主要责任的医疗事故'
const LEADERSHIP = '未担任院级行政领导职务'

/** 附件4 二(三) 县级中医医院骨干医师培训（培养）项目. */
export const BACKBONE_COUNTY_TCM: Programme = {
  id: 'henan-2015/backbone-county-tcm',
  name: '县级中医医院骨干医师培训（培养）',
  period: BACKBONE_PERIOD,
  conditions: [
    {
      check: 'employerLevel',
      allowed: cited(['county'], BACKBONE, '主要面向县级中医医院医师，结合实际适当安排药师、医技、护理等人员'),
      requirement: '县级中医医院医师（可适当安排药师、医技、护理等人员）',
    },
    {
      check: 'employerKind',
      allowed: cited(['tcm'], BACKBONE, '主要面向县级中医医院医师，结合实际适当安排药师、医技、护理等人员'),
      requirement: '中医医院',
    },
    { check: 'education', atLeast: cited('associate', BACKBONE, '原则上具有本专业专科以上学历'), requirement: '本专业专科以上学历' },
    { check: 'age', maxInSelectionYear: cited(45, BACKBONE, '在选拔当年不超过45周岁') },
    { check: 'title', atLeast: cited('intermediate', BACKBONE, '中级以上职称'), requirement: '中级以上职称' },
    { check: 'accidentRecord', source: cite(BACKBONE, ACCIDENT), requirement: ACCIDENT },
    { check: 'leadership', source: cite(BACKBONE, LEADERSHIP), requirement: LEADERSHIP },
  ],
  attestations: [
    say('学历所学专业与本人从事专业一致（本专业）', BACKBONE, '原则上具有本专业专科以上学历'),
    say('遵守职业道德，无违规违纪行为', BACKBONE, CONDUCT),
    say('受到群众广泛认可', BACKBONE, '受到群众广泛认可'),
    say('身体健康', BACKBONE, '身体健康，未担任院级行政领导职务，有脱产学习条件'),
    say('有脱产学习条件', BACKBONE, '有脱产学习条件'),
  ],
  obligations: [
    say('选定精读与泛读书目，制定读书计划、做好读书笔记，以自学为主、集中学习为辅', '附件4 二(三)2(1)', '选定精读与泛读的专业书目，制定读书计划，做好读书笔记，写出学习体会'),
    say('到省内外三级甲等中医院专科进修6个月', '附件4 二(三)2(2)', '医院进修培训6个月。培养对象选择省内外三级甲等中医院进行专科进修'),
    say('进修结束后在原岗位系统总结提高，继续完成自学内容', '附件4 二(三)2(3)', '进修结束后，培养对象在从事原岗位工作的同时，对项目培养学习内容进行系统总结提高，继续完成自学内容'),
    ...BACKBONE_OBLIGATIONS,
  ],
  benefits: [
    say(
      '省级财政按每人1.3万元补助，拨付至本人工作单位，用于理论学习、临床进修、生活补助等',
      '附件4 二(三)3',
      '省级财政按照每人 1.3 万元的标准对县级中医医院骨干医师培训（培养）项目给予经费补助，补助资金拨付培养对象工作单位，主要用于理论学习、临床进修、生活补助等',
    ),
    say('考核合格由省中医管理局颁发《河南省县级中医医院骨干医师培养结业证书》', '附件4 二(三)4', '省中医管理局根据考核结果颁发《河南省县级中医医院骨干医师培养结业证书》'),
    ...BACKBONE_BENEFITS,
  ],
}

/** 附件4 二(四) 县级中医医院专科带头人培训（培养）项目. */
export const TCM_SPECIALTY_LEADER: Programme = {
  id: 'henan-2015/tcm-specialty-leader',
  name: '县级中医医院专科带头人培训（培养）',
  period: BACKBONE_PERIOD,
  conditions: [
    // 培训对象 does not name the employer; the project's own title does.
    {
      check: 'employerLevel',
      allowed: cited(['county'], '附件4 二(四)', '县级中医医院专科带头人培训（培养）项目'),
      requirement: '县级中医医院医师',
    },
    {
      check: 'employerKind',
      allowed: cited(['tcm'], '附件4 二(四)', '县级中医医院专科带头人培训（培养）项目'),
      requirement: '中医医院',
    },
    { check: 'education', atLeast: cited('bachelor', LEADER, '原则上具有本专业本科以上学历'), requirement: '本专业本科以上学历' },
    { check: 'age', maxInSelectionYear: cited(45, LEADER, '在选拔当年不超过 45 周岁') },
    { check: 'title', atLeast: cited('associateSenior', LEADER, '副主任医师及以上职称'), requirement: '副主任医师及以上职称' },
    { check: 'accidentRecord', source: cite(LEADER, ACCIDENT), requirement: ACCIDENT },
    { check: 'leadership', source: cite(LEADER, LEADERSHIP), requirement: LEADERSHIP },
  ],
  attestations: [
    say('学历所学专业与本人从事专业一致（本专业）', LEADER, '原则上具有本专业本科以上学历'),
    say('临床诊疗水平较高', LEADER, '临床诊疗水平较高'),
    say('遵守职业道德，无违规违纪行为', LEADER, CONDUCT),
    say('受到群众广泛认可', LEADER, '受到群众广泛认可'),
    say('（优先条件，非必需）在通过验收的中医特色专科从事临床工作', LEADER, '在通过验收的中医特色专科从事临床工作者优先'),
  ],
  obligations: [
    say('选择2名全国名老中医或省级名中医拜师学习，整理提高其学术思想和临证精华', '附件4 二(四)2', '培养对象选择 2 名全国名老中医或省级名中医拜师学习'),
    say('到省级以上中医重点专科进修，参加学术交流和中医药继续教育活动', '附件4 二(四)2', '通过到省级以上中医重点专科进修、参加学术交流和中医药继续教育活动等'),
    say('在老师指导下选定古典医籍等精读与泛读书目，制定读书计划，以自学为主、集中学习为辅', '附件4 二(四)2', '以自学为主，集中学习为辅，努力提高中医理论水平'),
    ...BACKBONE_OBLIGATIONS,
  ],
  benefits: [
    say(
      '省级财政按每人5万元补助，拨付至本人工作单位，用于研修、拜师、学术交流等',
      '附件4 二(四)3',
      '省级财政按照每人 5 万元的标准对县级中医医院专科带头人培训（培养）项目给予经费补助，补助资金拨付培养对象工作单位，主要用于研修、拜师、学术交流等',
    ),
    ...BACKBONE_BENEFITS,
  ],
}
