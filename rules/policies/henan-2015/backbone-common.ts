import type { Statement } from '../../eligibility/programme'
import { cite, programmePeriod, say } from './cite'

/** 附件4 河南省基层骨干医师培训计划: the six training projects share one period and the 三 工作要求 rules. */
export const BACKBONE_PERIOD = programmePeriod(
  '2015—2020年',
  '2015-01-01',
  '2021-01-01',
  cite('附件4 一', '从 2015 年到 2020 年，利用 6 年时间'),
)

const RULES = '附件4 三(三)'

/** What every trainee of 附件4 must do (三(三)). */
export const BACKBONE_OBLIGATIONS: Statement[] = [
  say('按规定完成培训任务，不得擅自离开培训岗位', RULES, '参加培训人员要按规定完成培训任务，不得擅自离开培训岗位'),
  say('无故离开培训岗位超过3次的，不得参加结业考核', RULES, '无故离开培训岗位超过3次的，不得参加结业考核'),
  say('培训结束后必须回原单位工作', RULES, '培训结束后，参加培训人员必须回原单位工作'),
]

/** What every trainee of 附件4 receives (三(三)). */
export const BACKBONE_BENEFITS: Statement[] = [
  say('学习期间全额工资、奖金、福利待遇不变', RULES, '保证参加培训人员学习期间全额工资、奖金、福利待遇不变'),
  say(
    '完成培训任务并结业考核合格的，颁发培训结业证书，视为完成当年继续医学教育25学分',
    RULES,
    '凡完成培训任务并在结业考核中合格的，颁发培训结业证书，视为完成当年的继续医学教育 25 学分',
  ),
]
