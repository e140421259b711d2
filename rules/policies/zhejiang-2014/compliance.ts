import type { ComplianceData } from '../../compliance/pack'
import { PairsPerHospital } from '../../compliance/types'
import { packData } from '../pack-data'

const d = packData('zhejiang-2014')
const QUOTE = '每所城市三级综合医院与3所左右县级医院建立对口支援关系，三级专科医院与2所县级医院建立对口支援关系'

/** 三(一) 调整对口支援关系: how many county hospitals each city tertiary hospital supports. */
export const ZHEJIANG_TEAMS: ComplianceData = {
  composition: [],
  oneHospital: [],
  pairsPerHospital: [
    {
      when: { supportingLevels: ['tertiary'] },
      rule: d.always(
        PairsPerHospital,
        '三级综合医院对口支援的县级医院数',
        '所',
        { supportingKinds: ['general'], receivingLevels: ['county'], count: 3, approx: true, unit: '所县级医院', text: '每所城市三级综合医院与3所左右县级医院建立对口支援关系' },
        '三(一)',
        QUOTE,
      ),
    },
    {
      when: { supportingLevels: ['tertiary'] },
      rule: d.always(
        PairsPerHospital,
        '三级专科医院对口支援的县级医院数',
        '所',
        { supportingKinds: ['maternalChild', 'other'], receivingLevels: ['county'], count: 2, approx: false, unit: '所县级医院', text: '三级专科医院与2所县级医院建立对口支援关系' },
        '三(一)',
        QUOTE,
      ),
    },
  ],
}
