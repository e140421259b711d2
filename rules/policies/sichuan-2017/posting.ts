import type { PostingRules } from '../../posting/types'
import { packData } from '../pack-data'

const d = packData('sichuan-2017')
const YEAR = { count: 1, unit: 'year' } as const
const DEEP = { deepPovertyCounty: true }
const MENTOR_QUOTE = '到深度贫困县的支援人员，原则上医疗机构至少1带3、妇幼机构至少1带2、疾控和监督机构至少1带1，中心卫生院至少1带2'

function mentees(min: number, text: string) {
  return { key: 'mentees', kind: 'quota' as const, scope: 'person' as const, min, unit: '名帮带对象', text }
}

/** 五(四) 精心选派人员, 五(五) 明确支援时间, 五(六) 落实传帮带举措. */
export const SICHUAN_POSTING: PostingRules = {
  defaultMode: 'resident',
  duty: [
    d.duty(
      { titles: ['intermediate'] },
      { kind: 'everyWorkday', excludesStatutoryHolidays: true, minSpan: YEAR, noSubstitution: true },
      '五(五)',
      '中级职称支援人员：驻点工作时间为1年。除法定节假日外，须在岗履职，不得擅自离岗，无特殊情况或事由不得中途换人。',
    ),
    d.duty(
      { titles: ['associateSenior', 'senior'] },
      { kind: 'weeksPerMonth', minWeeksPerMonth: 1, minWeeksTotal: 12, supportSpan: YEAR, remoteGuidanceOtherwise: true },
      '五(五)',
      '副高及以上职称支援人员：支援时间为1年。驻点工作可根据实际弹性安排，原则上每月不少于1周，累计驻点工作时间不少于12周。不驻点期间，应通过远程诊疗、远程教学等方式对受援机构和人员进行指导。',
    ),
  ],
  send: [
    d.title(
      { receivingLevels: ['prefecture'] },
      { min: 'associateSenior', strength: 'inPrinciple', requirement: '支援州级医疗卫生机构原则上选派副高及以上职称人员' },
      '五(四)',
      '支援州级医疗卫生机构原则上选派副高及以上职称人员',
    ),
    d.title(
      { receivingLevels: ['county'] },
      { min: 'intermediate', strength: 'mainly', requirement: '支援县级医疗卫生机构选派人员以中级职称为主，部分为副高及以上职称' },
      '五(四)',
      '支援县级医疗卫生机构选派人员以中级职称为主，部分为副高及以上职称',
    ),
    d.title(
      { receivingLevels: ['centralTownship', 'township', 'community'] },
      { min: 'intermediate', strength: 'inPrinciple', requirement: '支援基层医疗卫生机构人员原则上为中级职称' },
      '五(四)',
      '支援基层医疗卫生机构人员原则上为中级职称',
    ),
    d.serviceYears(
      { receivingKinds: ['supervision'] },
      { minYears: 10, strength: 'inPrinciple', requirement: '监督执法支援人员原则上为10年工龄以上业务骨干' },
      '五(四)',
      '监督执法支援人员原则上为10年工龄以上业务骨干',
    ),
    d.statement(
      'outOfScope',
      { receivingLevels: ['village'] },
      '对口支援村卫生室由属地乡镇卫生院负责，按乡村一体化相关规定开展，不在本工程选派范围内',
      '五(四)',
      '对口支援村卫生室由属地乡镇卫生院负责，按乡村一体化相关规定开展，由属地卫生计生行政部门组织实施',
    ),
  ],
  provisions: [
    d.provision({ ...DEEP, receivingLevels: ['centralTownship'] }, mentees(2, '中心卫生院至少1带2'), '五(六)', MENTOR_QUOTE),
    d.provision({ ...DEEP, receivingKinds: ['maternalChild'] }, mentees(2, '妇幼机构至少1带2'), '五(六)', MENTOR_QUOTE),
    d.provision({ ...DEEP, receivingKinds: ['cdc', 'supervision'] }, mentees(1, '疾控和监督机构至少1带1'), '五(六)', MENTOR_QUOTE),
    d.provision({ ...DEEP, receivingKinds: ['general', 'tcm'] }, mentees(3, '医疗机构至少1带3'), '五(六)', MENTOR_QUOTE),
    d.provision(
      { receivingLevels: ['county'] },
      { key: 'fellowships', kind: 'quota', scope: 'pair', min: 2, unit: '人', per: YEAR, text: '受援县级医疗机构每年选派不少于2人到支援机构临床进修' },
      '五(六)',
      '其中县级医疗机构每年不少于2人',
    ),
    d.provision(
      { receivingLevels: ['centralTownship'] },
      { key: 'fellowships', kind: 'quota', scope: 'pair', min: 1, unit: '人', per: YEAR, text: '受援中心卫生院每年选派不少于1人到支援机构临床进修' },
      '五(六)',
      '中心卫生院每年不少于1人',
    ),
    d.provision(
      {},
      { key: 'remoteTeaching', kind: 'activity', scope: 'pair', min: 1, unit: '次', per: { count: 1, unit: 'month' }, text: '远程示范示教、专题讲座、教学查房、继续教育等活动每月至少1次' },
      '五(六)',
      '开展远程示范示教、专题讲座、教学查房、继续教育等活动，每月至少开展1次',
    ),
    d.provision(
      {},
      { key: 'majorDiseaseGuidance', kind: 'quota', scope: 'pair', min: 2, unit: '次', per: YEAR, text: '支援医院每年到受援医院开展至少2次大病集中诊治指导活动' },
      '五(六)',
      '支援医院每年应组织医务人员到受援医院开展至少2次大病集中诊治指导活动',
    ),
    d.provision(
      {},
      { key: 'qualityReview', kind: 'activity', scope: 'person', text: '驻点期间对师带徒对象的全部服务行为全覆盖核查点评、纠错和指导；不驻点期间通过网络视频等在线方式进行，线上线下评价指导及时记录存档' },
      '五(六)',
      '驻点期间，支援人员对师带徒对象实施的所有临床诊疗、妇幼保健、疾病防控、监督执法的服务行为进行全覆盖核查点评、纠错和指导',
    ),
    d.provision(
      {},
      { key: 'selection', kind: 'attestation', scope: 'person', text: '思想觉悟高、大局意识强、业务能力精的骨干' },
      '六(三)',
      '精心选派思想觉悟高、大局意识强、业务能力精的骨干参加对口支援工作',
    ),
    d.provision(
      {},
      { key: 'localStaff', kind: 'note', scope: 'person', text: '贫困地区当地人员到所辖县、乡、村对口支援的，支援时间按同样安排执行' },
      '五(五)',
      '贫困地区当地人员到所辖县、乡、村对口支援的，对口支援时间应按上述安排执行',
    ),
  ],
}
