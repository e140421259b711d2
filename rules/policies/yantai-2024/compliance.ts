import type { ComplianceData } from '../../compliance/pack'
import { OneHospitalTeam, TeamComposition } from '../../compliance/types'
import type { Selector } from '../../posting/types'
import { packData } from '../pack-data'

const d = packData('yantai-2024')
const COUNTY: Selector = { receivingLevels: ['county'] }
const TOWNSHIP_TEAM: Selector = { receivingLevels: ['centralTownship', 'township', 'community'], modes: ['team'] }
const MIXED = { needs: [['physician'], ['nurse'], ['medicalTechnician', 'pharmacist']], text: '帮扶团队原则上由医师、护士和医技科室人员（含药师、技师等）组成' } satisfies TeamComposition
const ONE = { text: '一个帮扶团队原则上由同一家帮扶医院选派' }

/** 附件3 二(一)(二): who makes up a team, that one hospital sends it; the "331" group of 医师、护士、药师. */
export const YANTAI_TEAMS: ComplianceData = {
  composition: [
    { when: COUNTY, rule: d.always(TeamComposition, '县级帮扶团队的组成', 'roles', MIXED, '附件3 二(一)', '原则上帮扶团队由医师、护士和医技科室人员（含药师、技师等）组成，每个团队至少6人') },
    {
      when: TOWNSHIP_TEAM,
      rule: d.always(TeamComposition, '乡镇帮扶团队的组成', 'roles', MIXED, '附件3 二(二)', '原则上帮扶团队由医师、护士和医技科室人员（含药师、技师等）组成，每个团队至少 5 人'),
    },
    {
      when: { receivingLevels: ['village'], modes: ['workstation331'] },
      rule: d.always(
        TeamComposition,
        '“331”帮扶小组的组成',
        'roles',
        { needs: [['physician'], ['nurse'], ['pharmacist']], text: '医师、护士、药师3人帮扶小组' },
        '附件3 二(一)',
        '组织医师、护士、药师 3 人帮扶小组',
      ),
    },
  ],
  oneHospital: [
    { when: COUNTY, rule: d.always(OneHospitalTeam, ONE.text, 'statement', ONE, '附件3 二(一)', '原则上由同一家帮扶医院选派') },
    { when: TOWNSHIP_TEAM, rule: d.always(OneHospitalTeam, ONE.text, 'statement', ONE, '附件3 二(二)', '一个帮扶团队原则上由同一家帮扶医院选派') },
  ],
  pairsPerHospital: [],
}
