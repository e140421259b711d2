import { type CreditRules, Priority } from '../../credit/types'
import { packData } from '../pack-data'

const d = packData('changchun-2011')

/** 附件 二(二)3: service is weighed in 医师定期考核 and earns priority, but no promotion requires it. */
export const CHANGCHUN_CREDIT: CreditRules = {
  priority: d.always(
    Priority,
    '工作成绩突出者职称晋升优先考虑',
    'rule',
    { requirement: '派驻表现纳入医师定期考核；工作成绩突出者在岗位聘用、职称晋升、进修学习、提拔任用等方面优先考虑' },
    '附件 二(二)3',
    '对工作成绩突出者，应当在岗位聘用、职称晋升、进修学习、提拔任用等方面优先考虑',
  ),
  records: [],
  notes: [],
}
