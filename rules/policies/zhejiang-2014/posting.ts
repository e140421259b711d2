import type { PostingRules } from '../../posting/types'
import { packData } from '../pack-data'

const d = packData('zhejiang-2014')

/** 三(五) 加强派驻人员管理 and the 附件3 agreement template: who is sent, and on whose roster they work. */
export const ZHEJIANG_POSTING: PostingRules = {
  defaultMode: 'resident',
  // The text sets no days or months on site: the receiving hospital rosters the posted doctor like its own staff.
  duty: [
    d.duty(
      { modes: ['resident'] },
      { kind: 'receivingRoster' },
      '三(五)',
      '受援医院要把派驻医师纳入本院医务人员日常管理，进行门诊、病房排班',
    ),
  ],
  send: [
    d.title(
      { modes: ['resident'] },
      {
        min: 'associateSenior',
        alsoWithSeniority: 'intermediate',
        strength: 'required',
        requirement: '选派副主任医师或高年资主治医师以上人员',
      },
      '附件3 二(一)2',
      '根据受援医院的要求，选派副主任医师或高年资主治医师以上人员到乙方工作',
    ),
  ],
  provisions: [
    d.provision(
      {},
      {
        key: 'fourOnes',
        kind: 'quota',
        scope: 'pair',
        min: 1,
        unit: '项',
        per: { count: 1, unit: 'year' },
        text: '每年为受援医院解决一项医疗急需、突破一个薄弱环节、带出一支技术团队、新增一个服务项目',
      },
      '一',
      '每年为受援医院“解决一项医疗急需，突破一个薄弱环节，带出一支技术团队，新增一个服务项目”',
    ),
    d.provision(
      {},
      { key: 'duties', kind: 'note', scope: 'person', text: '派驻人员技术支援与管理支援相结合，既要亲自诊疗患者，又要带动相应科室水平整体提升' },
      '三(五)',
      '派驻支援人员要做到技术支援与管理支援相结合，既要亲自诊疗患者，又要带动相应科室水平整体提升',
    ),
    d.provision(
      { roles: ['manager'] },
      { key: 'managementPosts', kind: 'note', scope: 'person', text: '可选有管理经验的业务骨干到县级医院担任副院长、科室主任或副主任' },
      '三(五)',
      '选一批有管理经验的业务骨干到对口支援的县级医院担任副院长、科室主任或副主任',
    ),
  ],
}
