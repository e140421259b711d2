import { AfterResidency, type CreditRules, Prerequisite, Priority, RecordRule } from '../../credit/types'
import { packData } from '../pack-data'

const d = packData('henan-2015')
const CLAUSE = '附件8 四(二)'
const CITY_SECONDARY_UP = [
  { level: 'city' as const, minGrade: 'secondary' as const },
  { level: 'province' as const, minGrade: 'secondary' as const },
]
const AID_KINDS = ['aidForeign' as const, 'aidTibet' as const, 'aidXinjiang' as const, 'povertyAlleviation' as const]

/** 附件8 四(二) 严格落实城市医师晋升职称与对口支援挂钩制度. */
export const HENAN_CREDIT: CreditRules = {
  // The text demands "支援年限" but never says how many years; the answer stays open once some service is credited.
  prerequisite: d.always(
    Prerequisite,
    '报考主治医师及申报副主任医师前须有对口支援经历',
    'rule',
    {
      targetTitles: ['intermediate', 'associateSenior'],
      employers: [...CITY_SECONDARY_UP, { level: 'county' }],
      required: null,
      accumulates: true,
      requirement: '城市二级以上医院和县级医院的医师报考主治医师及申报副主任医师时，须提交对口支援派驻医师考核表；没有开展对口支援或没有达到支援年限的，不得报考和申报',
      consequence: d.cite(CLAUSE, '凡没有开展对口支援或没有达到支援年限的，一律不得报考和申报相应的专业技术资格'),
    },
    CLAUSE,
    '城市二级以上医院和县级医院的医师报考主治医师及申报副主任医师时须提交《河南省城乡医院对口支援派驻医师考核表》',
  ),
  priority: d.always(
    Priority,
    '副主任医师申报主任医师时优先考虑',
    'rule',
    { titles: ['senior'], requirement: '鼓励副高级以上职称医师参加对口支援；副主任医师申报主任医师时，同等条件下优先考虑' },
    CLAUSE,
    '鼓励副高级以上职称医师积极参加对口支援工作，副主任医师申报主任医师时，同等条件下优先考虑',
  ),
  records: [
    d.always(
      RecordRule,
      '计入对口支援时间的经历',
      'rule',
      {
        kind: 'countedKinds',
        kinds: ['counterpartSupport', ...AID_KINDS],
        uncertainKinds: ['otherAid'],
        requirement: '对口支援时间，以及参加政府组织的援外、援藏、援疆、扶贫等工作时间，可计算为对口支援时间',
      },
      CLAUSE,
      '参加政府组织的援外、援藏、援疆、扶贫等工作时间，可计算为对口支援时间',
    ),
    d.always(
      RecordRule,
      '援外、援藏、援疆、扶贫须为政府组织',
      'rule',
      { kind: 'governmentOrganised', kinds: [...AID_KINDS, 'otherAid'], requirement: '援外、援藏、援疆、扶贫等工作须为政府组织' },
      CLAUSE,
      '参加政府组织的援外、援藏、援疆、扶贫等工作时间',
    ),
    d.always(
      RecordRule,
      '每次连续驻点不少于6个月',
      'rule',
      {
        kind: 'minContinuous',
        kinds: ['counterpartSupport'],
        span: { count: 6, unit: 'month' },
        requirement: '对口支援时间可以累计，每名派驻人员连续驻点时间不得少于6个月',
      },
      CLAUSE,
      '对口支援时间可以累计，每名派驻人员连续驻点时间不得少于6个月',
    ),
    d.always(
      RecordRule,
      '对口支援期间履职鉴定',
      'rule',
      { kind: 'assessedPassed', requirement: '根据对口支援期间履行职责情况给予鉴定（考核表）' },
      CLAUSE,
      '根据城市医师对口支援期间履行职责情况，客观、公正给予鉴定',
    ),
  ],
  afterResidency: d.always(
    AfterResidency,
    '新进医学类毕业生规培后3年内连续帮扶半年以上',
    'rule',
    {
      employers: CITY_SECONDARY_UP,
      within: { count: 3, unit: 'year' },
      // "半年以上" counted as 6 months.
      minContinuous: { count: 6, unit: 'month' },
      receivingLevels: ['county', 'centralTownship', 'township'],
      requirement: '城市二级以上医院新进的医学类毕业生，住院医师规范化培训后3年内须到县级医院或乡镇卫生院连续帮扶半年以上',
    },
    CLAUSE,
    '城市二级以上医院新进的医学类毕业生，经住院医师规范化培训后3年内必须到县级医院或乡镇卫生院连续帮扶半年以上',
  ),
  notes: [
    d.note(
      '派驻医师在晋升职称前由支援医院和受援医院共同进行信息公示；弄虚作假者取消当年晋升职称资格',
      CLAUSE,
      '派驻医师在晋升职称前由支援医院和受援医院共同进行信息公示，接受监督',
    ),
  ],
}
