import type { PostingRules } from '../../posting/types'
import { packData } from '../pack-data'

const d = packData('changchun-2011')
const CLAUSE = '附件 三(一)3'
const WHO = '派驻思想作风好、业务水平高、管理能力强、身体健康、能够指导受援医院医务人员工作的高年资主治医师以上人员，也可以选派1-2名管理、护理或医技人员'
const FELLOWS = '支援医院每年要免费接受1-2名进修人员，进行规范化培训'

/** 附件 三(一)3 对口支援要求 and 二(三)1: who is sent, how long, and the yearly 进修 places. */
export const CHANGCHUN_POSTING: PostingRules = {
  defaultMode: 'resident',
  duty: [
    d.duty({ modes: ['resident'] }, { kind: 'continuousResident', minSpan: { count: 6, unit: 'month' } }, CLAUSE,
      '派驻医务人员连续工作至少6个月可以轮换'),
  ],
  send: [
    d.title(
      { modes: ['resident'] },
      {
        min: 'associateSenior',
        alsoWithSeniority: 'intermediate',
        exemptRoles: ['manager', 'nurse', 'medicalTechnician'],
        strength: 'required',
        requirement: '派驻高年资主治医师以上人员；也可以选派1-2名管理、护理或医技人员',
      },
      CLAUSE,
      WHO,
    ),
  ],
  provisions: [
    d.provision(
      { roles: ['manager', 'nurse', 'medicalTechnician'] },
      { key: 'nonPhysicianStaff', kind: 'quota', scope: 'team', max: 2, unit: '人', text: '管理、护理或医技人员可选派1-2名' },
      CLAUSE,
      WHO,
    ),
    d.provision(
      {},
      { key: 'selection', kind: 'attestation', scope: 'person', text: '思想作风好、业务水平高、管理能力强、身体健康、能够指导受援医院医务人员工作' },
      CLAUSE,
      WHO,
    ),
    d.provision(
      {},
      { key: 'fellowships', kind: 'quota', scope: 'pair', min: 1, max: 2, unit: '人', per: { count: 1, unit: 'year' }, text: '支援医院每年免费接受1-2名进修人员' },
      CLAUSE,
      FELLOWS,
    ),
    d.provision(
      {},
      { key: 'fellowsSent', kind: 'quota', scope: 'pair', min: 1, max: 2, unit: '人', text: '受援医院选派1-2名年轻医务人员到支援医院进修学习' },
      '附件 二(三)1',
      '受援医院应选派1-2名医德医风好、业务素质高的年轻医务人员，到支援医院进修学习',
    ),
    d.provision(
      {},
      {
        key: 'newTechniques',
        kind: 'quota',
        scope: 'pair',
        min: 3,
        unit: '项新技术',
        per: { count: 3, unit: 'year' },
        text: '项目结束前未达一级甲等标准或受援前已是一甲的，至少引进3项新技术',
      },
      '附件 三(一)5',
      '项目结束前未达一级甲等标准或受援前已经是一甲标准的，至少引进3项新技术，方可视为完成项目任务',
    ),
  ],
}
