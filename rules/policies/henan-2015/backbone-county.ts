import type { Programme } from '../../eligibility/programme'
import { BACKBONE_BENEFITS, BACKBONE_OBLIGATIONS, BACKBONE_PERIOD } from './backbone-common'
import { cite, cited, say } from './cite'

const HOSPITAL = '附件4 二(一)1'
const HOSPITAL_QUOTE = '全省政府举办的县（市）人民医院每年推荐 8—10 名医师参加培训'
const MATERNAL = '附件4 二(二)1'
const MATERNAL_QUOTE = '县级妇幼保健机构骨干医师培训项目'

/** 附件4 二(一) 县（市）级人民医院骨干医师培训项目. */
export const BACKBONE_COUNTY_HOSPITAL: Programme = {
  id: 'henan-2015/backbone-county-hospital',
  name: '县（市）级人民医院骨干医师培训',
  period: BACKBONE_PERIOD,
  conditions: [
    { check: 'employerLevel', allowed: cited(['county'], HOSPITAL, HOSPITAL_QUOTE), requirement: '政府举办的县（市）人民医院医师' },
    { check: 'employerKind', allowed: cited(['general'], HOSPITAL, HOSPITAL_QUOTE), requirement: '县（市）人民医院（综合医院）' },
    { check: 'education', atLeast: cited('bachelor', HOSPITAL, '本科（含）以上学历'), requirement: '本科（含）以上学历' },
    { check: 'title', atLeast: cited('intermediate', HOSPITAL, '主治医师（含）以上职称'), requirement: '主治医师（含）以上职称' },
  ],
  attestations: [
    say('属中青年临床骨干医师，并由所在医院推荐', HOSPITAL, '中青年临床骨干医师'),
    say('临床基本功扎实、有培养潜力', HOSPITAL, '临床基本功扎实、有培养潜力'),
    say('思想作风好，有较强事业心和无私奉献精神', HOSPITAL, '思想作风好，有较强事业心和无私奉献精神'),
  ],
  obligations: [
    say('到省卫生计生委统筹分配的培训基地进修学习，时间原则上不少于1年', '附件4 二(一)2', '由省卫生计生委统筹分配至指定培训基地进修学习，时间原则上不少于 1 年'),
    say('与县（市）医院签署定向培养协议书，明确各方责任、权利和义务', '附件4 二(一)4', '选派进修医务人员要与县（市）医院签署定向培养协议书，明确各方的责任、权利和义务'),
    ...BACKBONE_OBLIGATIONS,
  ],
  benefits: [
    say(
      '省级财政按省内培训每人每年1万元、省外培训每人每年1.4万元补助培训基地，主要用于培训及学员生活补助',
      '附件4 二(一)3',
      '省级财政按照省内培训每人每年 1 万元、省外培训每人每年 1.4 万元的标准，对承担培训任务的培训基地给予补助。补助资金主要用于培训及学员生活补助支出',
    ),
    say('培训医院实行导师制，指派临床水平高、教学能力强的医师带教', '附件4 二(一)4', '严格实行“导师制”，指派临床水平高、教学能力强、医德医风好的医师承担临床带教工作'),
    ...BACKBONE_BENEFITS,
  ],
}

/** 附件4 二(二) 县级妇幼保健机构骨干医师培训项目. */
export const BACKBONE_MATERNAL_CHILD: Programme = {
  id: 'henan-2015/backbone-maternal-child',
  name: '县级妇幼保健机构骨干医师培训',
  period: BACKBONE_PERIOD,
  conditions: [
    { check: 'employerLevel', allowed: cited(['county'], '附件4 二(二)', MATERNAL_QUOTE), requirement: '县级妇幼保健机构人员' },
    { check: 'employerKind', allowed: cited(['maternalChild'], '附件4 二(二)', MATERNAL_QUOTE), requirement: '妇幼保健机构' },
  ],
  attestations: [
    say(
      '属本机构选派的骨干人员，专业为妇幼保健、妇科、产科、儿科、新生儿科、ICU、护理、新生儿疾病筛查、产前诊断及筛查、辅助生殖、病理、影像等',
      MATERNAL,
      '培训人员涵盖妇幼保健、妇科、产科、儿科、新生儿科、ICU、护理、新生儿疾病筛查、产前诊断及筛查、辅助生殖、病理、影像等各专业',
    ),
  ],
  obligations: [
    say(
      '到省级培训基地（河南省人民医院、郑州大学第一附属医院、河南省妇幼保健院等）进修培训',
      '附件4 二(二)2',
      '由省卫生计生委选定河南省人民医院、郑州大学第一附属医院、郑州大学第二附属医院、河南省妇幼保健院、河南科技大学第一附属医院、新乡市中心医院等作为省级培训基地',
    ),
    ...BACKBONE_OBLIGATIONS,
  ],
  benefits: [
    say('省级财政按每人每年1万元补助培训基地，主要用于培训及学员生活补助', '附件4 二(二)3', '省级财政按照每人每年1万元的标准，对承担培训任务的培训基地给予补助'),
    ...BACKBONE_BENEFITS,
  ],
}
