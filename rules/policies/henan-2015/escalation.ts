import type { EscalationRules } from '../../escalation/types'
import { packData } from '../pack-data'

const d = packData('henan-2015')
const CLAUSE = '附件8 四(四)'
const EVERYONE = ['doctor' as const, 'supportingDirector' as const, 'receivingDirector' as const, 'office' as const]

/**
 * 附件8 四(四): the three-rung ladder for 擅自脱岗. The office hears of every rung because it issues the 通报批评; the
 * third rung also applies to any later absence ("发现 3 次" is the last rung the text names).
 */
export const HENAN_ESCALATION: EscalationRules = {
  ladders: [
    {
      kind: 'posting',
      steps: [
        d.step(
          { threshold: { atLeast: 1 }, actions: ['reprimandDoctor'], notify: ['doctor', 'office'], text: '对派驻人员予以通报批评' },
          CLAUSE,
          '凡违反请销假等规定擅自脱岗者，发现 1 次，对派驻人员予以通报批评',
        ),
        d.step(
          {
            threshold: { atLeast: 2 },
            actions: ['reprimandDoctor', 'reprimandDirectors'],
            notify: EVERYONE,
            text: '对派驻人员、受援医院院长、支援医院院长一并予以通报批评',
          },
          CLAUSE,
          '发现 2 次，对派驻人员、受援医院院长、支援医院院长一并予以通报批评',
        ),
        d.step(
          {
            threshold: { atLeast: 3 },
            actions: ['reprimandDoctor', 'reprimandDirectors', 'assessmentFailed', 'loseAwardEligibility'],
            notify: EVERYONE,
            text: '对派驻人员、受援医院院长、支援医院院长一并予以通报批评，派驻医师考核不合格，取消受援医院、支援医院各类评优评先资格',
          },
          CLAUSE,
          '发现 3 次，对派驻人员、受援医院院长、支援医院院长一并予以通报批评，并给予派驻医师考核不合格处理，同时取消受援医院、支援医院各类评优评先资格',
        ),
      ],
    },
    // 附件4 三(三): trainees at a training base, not posted doctors; "超过 3 次" is more than three.
    {
      kind: 'training',
      steps: [
        d.step(
          { threshold: { moreThan: 3 }, actions: ['barredFromFinalExam'], notify: ['doctor', 'office'], text: '无故离开培训岗位超过3次，不得参加结业考核' },
          '附件4 三(三)',
          '无故离开培训岗位超过 3 次的，不得参加结业考核',
        ),
      ],
    },
  ],
}
