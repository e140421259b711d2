import type { EscalationRules } from '../../escalation/types'
import { packData } from '../pack-data'

const d = packData('zhejiang-2014')

/** 附件3 二(二)2: the receiving hospital reports every breach of discipline to the supporting hospital at once. */
export const ZHEJIANG_ESCALATION: EscalationRules = {
  ladders: [
    {
      kind: 'posting',
      steps: [
        d.step(
          {
            threshold: { atLeast: 1 },
            actions: ['reportToSupportingHospital'],
            notify: ['supportingDirector'],
            text: '受援医院对派驻期间违纪、违规的人员和行为及时通报支援医院',
          },
          '附件3 二(二)2',
          '对甲方派出人员严格管理，对派驻期间违纪、违规的人员和行为要及时通报甲方',
        ),
      ],
    },
  ],
}
