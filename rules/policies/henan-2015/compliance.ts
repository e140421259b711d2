import type { ComplianceData } from '../../compliance/pack'
import { TeamComposition } from '../../compliance/types'
import { packData } from '../pack-data'

const d = packData('henan-2015')

/** 附件8 三(一)1: each batch sent to a county hospital covers management, medicine, pharmacy, technicians and nursing. */
export const HENAN_TEAMS: ComplianceData = {
  composition: [
    {
      when: { modes: ['resident'], receivingLevels: ['county'] },
      rule: d.always(
        TeamComposition,
        '派驻团队涵盖的专业',
        'roles',
        { needs: [['manager'], ['physician'], ['pharmacist'], ['medicalTechnician'], ['nurse']], text: '每批派驻人员涵盖管理、医疗、药学、医技、护理等专业' },
        '附件8 三(一)1',
        '每批向每所受援医院派驻涵盖管理、医疗、药学、医技、护理等专业人员',
      ),
    },
  ],
  oneHospital: [],
  pairsPerHospital: [],
}
