import type { EscalationRules } from '../../escalation/types'
import { packData } from '../pack-data'

const d = packData('yantai-2024')

/** 附件3 四(三): two unexcused absences fail the assessment; the offices that spot-check also 及时通报. */
export const YANTAI_ESCALATION: EscalationRules = {
  ladders: [
    {
      kind: 'posting',
      steps: [
        d.step(
          {
            threshold: { atLeast: 2 },
            actions: ['assessmentFailed'],
            notify: ['doctor', 'supportingDirector', 'receivingDirector', 'office'],
            text: '无正当理由脱岗2次（含）以上，考核结果认定为不合格',
          },
          '附件3 四(三)',
          '对于无正当理由脱岗 2 次（含）以上的派驻人员其考核结果认定为不合格',
        ),
      ],
    },
  ],
}
