import { type CreditRules, Prerequisite, RecordRule } from '../../credit/types'
import { packData } from '../pack-data'

const d = packData('sichuan-2017')
const CLAUSE = '六(四)'
const QUOTE = '支援人员下派服务满1年且“传帮带”任务考核合格的，作为职称晋升的必备条件'

/** 六(四) 完善激励机制 and 五(四): a full, assessed, filed year of service before any promotion. */
export const SICHUAN_CREDIT: CreditRules = {
  // The text speaks of one 1-year posting and says nothing of adding shorter ones together.
  prerequisite: d.always(
    Prerequisite,
    '下派服务满1年且考核合格为职称晋升必备条件',
    'rule',
    {
      targetTitles: ['intermediate', 'associateSenior', 'senior'],
      required: { count: 1, unit: 'year' },
      accumulates: false,
      requirement: '支援人员下派服务满1年且“传帮带”任务考核合格，作为职称晋升的必备条件',
    },
    CLAUSE,
    QUOTE,
  ),
  records: [
    d.always(
      RecordRule,
      '计入的经历：对口支援下派服务',
      'rule',
      { kind: 'countedKinds', kinds: ['counterpartSupport'], requirement: '计入的是对口支援下派服务时间' },
      CLAUSE,
      '支援人员下派服务满1年',
    ),
    d.always(
      RecordRule,
      '“传帮带”任务考核合格',
      'rule',
      { kind: 'assessedPassed', requirement: '“传帮带”任务考核合格' },
      CLAUSE,
      QUOTE,
    ),
    d.always(
      RecordRule,
      '报送省对口支援管理办公室审核',
      'rule',
      {
        kind: 'filed',
        fact: 'filedWithProvince',
        requirement: '自行组织但未报送省卫生计生委对口支援管理办公室审核的，下派时间不视同申报高一级职务所必需的服务基层经历',
      },
      '五(四)',
      '凡由各地各单位自行组织但未报送省卫生计生委对口支援管理办公室审核的城乡医疗卫生对口支援人员，其下派时间不视同为申报高一级专业技术职务时所必需的服务基层经历',
    ),
  ],
  notes: [
    d.note(
      '2018年起，三州州、县两级及全省贫困县、民族县县级医疗卫生单位人员的职称晋升主要以到上级医院规范化进修学习等为考核条件（另文印发），不再安排与职称晋升挂钩的长期下派驻点',
      '五(四)',
      '2018年起，三州州、县两级及全省贫困县、民族县县级医疗卫生单位一律不安排与职称晋升挂钩的长期下派驻点对口支援任务，人员职称晋升主要以到上级医院规范化进修学习等为考核条件',
    ),
  ],
}
