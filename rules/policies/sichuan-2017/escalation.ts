import type { EscalationRules } from '../../escalation/types'
import { packData } from '../pack-data'

const d = packData('sichuan-2017')

/** No ladder: 五(五) forbids leaving the post and 五(七) defers the assessment rules to a separate document. */
export const SICHUAN_ESCALATION: EscalationRules = {
  ladders: [],
  silence: d.note(
    '本文件未规定擅自离岗的逐次处理办法：中级职称支援人员“不得擅自离岗”，具体考核指标、考核方式另文印发',
    '五(七)',
    '具体考核指标、考核方式另文印发',
  ),
}
