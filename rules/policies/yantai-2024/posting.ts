import type { PostingRules, Provision, Selector } from '../../posting/types'
import { packData } from '../pack-data'

const d = packData('yantai-2024')
const A3 = '附件3 二(一)'
const A3_TOWNSHIP = '附件3 二(二)'
const A3_VILLAGE = '附件3 二(三)'
const YEAR = { count: 1, unit: 'year' } as const
const HALF_DAY = 1
const COUNTY: Selector = { receivingLevels: ['county'] }
const TOWNSHIP_TEAM: Selector = { receivingLevels: ['centralTownship', 'township', 'community'], modes: ['team'] }
const village = (mode: 'resident' | 'roving' | 'technicalAssistance' | 'workstation331' | 'villageTeaching'): Selector => ({
  receivingLevels: ['village'],
  modes: [mode],
})
const quota = (key: string, scope: Provision['scope'], min: number, unit: string, text: string): Provision => ({
  key,
  kind: 'quota',
  scope,
  min,
  unit,
  text,
})

/** 附件3 "千名医护进乡村" 二 帮扶模式, with 附件1 中医馆坐诊 and 附件2 帮扶小组带教. */
export const YANTAI_POSTING: PostingRules = {
  // Seven ways of serving with different duties: a village posting must say which one it is.
  duty: [
    d.duty(COUNTY, { kind: 'continuousResident', minSpan: YEAR }, A3, '每个团队至少6人，每次派驻时间不少于1年'),
    d.duty(TOWNSHIP_TEAM, { kind: 'continuousResident', minSpan: YEAR }, A3_TOWNSHIP, '每个团队至少 5 人，每次派驻时间不少于 1 年'),
    d.duty(
      village('resident'),
      { kind: 'daysPerWeek', minDays: 5, minHalfDaysPerDay: HALF_DAY, minSpanSameVillage: { count: 6, unit: 'month' } },
      A3_VILLAGE,
      '派驻人员原则上每周工作时间不少于 5 日，每日不少于半天，在同一行政村至少连续服务半年',
    ),
    d.duty(village('roving'), { kind: 'visitsPerWeek', min: 2, minHalfDaysPerVisit: HALF_DAY }, A3_VILLAGE, '每周巡诊不少于 2 次，每次不少于半天'),
    d.duty(
      village('technicalAssistance'),
      { kind: 'visitsPerWeek', min: 2, minHalfDaysPerVisit: HALF_DAY },
      A3_VILLAGE,
      '帮扶人员每周到村卫生室不少于 2 次，每次不少于半天',
    ),
    d.duty(village('workstation331'), { kind: 'daysPerMonth', min: 3, minDaysPerVisit: 1 }, A3, '每月不少于 3 次，每次不少于 1 天'),
    d.duty(
      village('villageTeaching'),
      { kind: 'daysPerMonth', min: 3, minDaysPerVisit: 1 },
      '附件2 三(二)2',
      '县级及以上医院下沉的帮扶小组，每月不少于3次，每次不少于1天，到村卫生室开展带教、授课',
    ),
    d.duty(
      { modes: ['tcmClinic'] },
      { kind: 'visitsPerWeek', min: 1 },
      '附件1 二(二)',
      '至少有1名上级医院高级职称中医类别医师到中医馆定期坐诊指导，每周不少于1次',
    ),
  ],
  send: [
    d.statement('open', COUNTY, '帮扶团队原则上由医师、护士和医技科室人员（含药师、技师等）组成；本文件未设职称门槛', A3,
      '原则上帮扶团队由医师、护士和医技科室人员（含药师、技师等）组成，每个团队至少6人'),
    d.statement('open', TOWNSHIP_TEAM, '帮扶团队原则上由医师、护士和医技科室人员（含药师、技师等）组成；本文件未设职称门槛', A3_TOWNSHIP,
      '原则上帮扶团队由医师、护士和医技科室人员（含药师、技师等）组成，每个团队至少 5 人'),
    d.statement('open', { receivingLevels: ['village'] }, '选派人员执业范围以全科、内科、中医等为主；本文件未设职称门槛', A3_VILLAGE,
      '选派人员执业范围为全科、内科、中医等为主'),
    // "高级职称" covers 副高 and 正高.
    d.title(
      { modes: ['tcmClinic'] },
      { min: 'associateSenior', strength: 'required', requirement: '到中医馆坐诊指导的须为上级医院高级职称中医类别医师' },
      '附件1 二(二)',
      '至少有1名上级医院高级职称中医类别医师到中医馆定期坐诊指导',
    ),
  ],
  provisions: [
    d.provision(COUNTY, quota('teamSize', 'team', 6, '人', '每个帮扶团队至少6人'), A3, '每个团队至少6人'),
    d.provision(TOWNSHIP_TEAM, quota('teamSize', 'team', 5, '人', '每个帮扶团队至少5人'), A3_TOWNSHIP, '每个团队至少 5 人'),
    d.provision(village('workstation331'), quota('teamSize', 'team', 3, '人', '医师、护士、药师3人帮扶小组'), A3,
      '组织医师、护士、药师 3 人帮扶小组'),
    d.provision({ supportingLevels: ['tertiary'] }, quota('staffShare', 'hospital', 1.2, '%', '每家三级医院选派帮扶人员不低于本院专业技术人员的1.2%'), A3,
      '每家三级医院选派帮扶人员数量不低于本院专业技术人员的 1.2%'),
    d.provision(
      { supportingLevels: ['secondary', 'county'], receivingLevels: ['centralTownship', 'township', 'community'] },
      quota('staffShare', 'hospital', 1.6, '%', '每家城市二级医院和县级医院下沉乡镇卫生院（社区卫生服务中心）人员不低于本院专业技术人员的1.6%'),
      A3_TOWNSHIP,
      '每家城市二级医院和县级医院下沉乡镇卫生院（社区卫生服务中心）医务人员数量不低于本院专业技术人员的 1.6%',
    ),
    d.provision(
      { supportingLevels: ['township'], receivingLevels: ['village'] },
      quota('staffShare', 'hospital', 6, '%', '乡镇卫生院到村卫生室巡诊、派驻人员不低于全院医务人员的6%'),
      A3_VILLAGE,
      '乡镇卫生院到村卫生室巡诊、派驻人员数量不低于全院医务人员数量的 6%',
    ),
    d.provision({}, { ...quota('cityTotal', 'region', 600, '人', '全市每年下沉人员不少于600名'), per: YEAR }, '附件3 一',
      '每年组织不低于600名医务骨干下沉基层'),
    d.provision(COUNTY, { ...quota('cityTotalByLevel', 'region', 220, '人', '全市每年下沉到县级医院的帮扶人员不低于220人'), per: YEAR }, '附件3 一',
      '其中下沉到县级医院、乡镇卫生院（社区卫生服务中心）和村卫生室帮扶人员分别不低于220、170、210人'),
    d.provision(
      { receivingLevels: ['centralTownship', 'township', 'community'] },
      { ...quota('cityTotalByLevel', 'region', 170, '人', '全市每年下沉到乡镇卫生院（社区卫生服务中心）的帮扶人员不低于170人'), per: YEAR },
      '附件3 一',
      '其中下沉到县级医院、乡镇卫生院（社区卫生服务中心）和村卫生室帮扶人员分别不低于220、170、210人',
    ),
    d.provision({ receivingLevels: ['village'] }, { ...quota('cityTotalByLevel', 'region', 210, '人', '全市每年到村帮扶人员不低于210人'), per: YEAR },
      A3_VILLAGE, '全市每年到村帮扶人员不低于210人'),
    d.provision(village('resident'), { ...quota('cityResidentTotal', 'region', 22, '人', '全市每年到村派驻人员不低于22人'), per: YEAR }, A3_VILLAGE,
      '其中派驻人员不低于22人'),
    d.provision(
      { receivingLevels: ['village'], modes: ['resident'] },
      { key: 'villageScope', kind: 'note', scope: 'person', text: '派驻主要面向服务人口800人以上、无村医或一体化村卫生室未覆盖的行政村' },
      A3_VILLAGE,
      '派驻工作主要面向服务人口 800 人以上、无村医或一体化村卫生室未覆盖的行政村',
    ),
  ],
}
