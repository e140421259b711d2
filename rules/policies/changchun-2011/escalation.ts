import type { EscalationRules } from '../../escalation/types'
import { packData } from '../pack-data'

const d = packData('changchun-2011')

/** No ladder: 五 only assesses 在受援医院工作时间情况 and threatens 严肃处理 for sham work. */
export const CHANGCHUN_ESCALATION: EscalationRules = {
  ladders: [],
  silence: d.note(
    '本文件未规定脱岗的逐次处理办法：考核派出人员在受援医院工作时间情况，对搞形式主义、走过场及弄虚作假的予以严肃处理',
    '附件 五',
    '对搞形式主义、走过场及弄虚作假的予以严肃处理',
  ),
}
