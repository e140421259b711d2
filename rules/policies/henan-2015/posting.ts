import type { PostingRules } from '../../posting/types'
import { packData } from '../pack-data'

const d = packData('henan-2015')
const WEEK = { count: 1, unit: 'week' } as const
const YEAR = { count: 1, unit: 'year' } as const
const COUNTY = { modes: ['resident' as const], receivingLevels: ['county' as const] }
const TEAM_QUOTE = '每批向每所受援医院派驻涵盖管理、医疗、药学、医技、护理等专业人员至少5人（中医院至少3人）'

/** 附件8 城乡医院对口支援 and 附件9 红会送医: who is sent, how long they stay, and what a team does. */
export const HENAN_POSTING: PostingRules = {
  defaultMode: 'resident',
  duty: [
    // 三(一)1 says it for county postings and 四(二) repeats it for every posting under the plan.
    d.duty(
      { modes: ['resident'] },
      { kind: 'continuousResident', minSpan: { count: 6, unit: 'month' } },
      '附件8 三(一)1、四(二)',
      '每名派驻人员连续驻点时间不得少于6个月',
    ),
  ],
  send: [
    d.statement(
      'open',
      COUNTY,
      '派驻人员涵盖管理、医疗、药学、医技、护理等专业，本文件未设职称门槛',
      '附件8 三(一)1',
      TEAM_QUOTE,
    ),
    d.statement(
      'open',
      { modes: ['resident'], receivingLevels: ['centralTownship'] },
      '以派驻支援团队为主，并派驻懂业务会管理的人员挂职业务副院长；本文件未设职称门槛',
      '附件8 三(二)1',
      '以派驻支援团队为主、设备和资金支持为辅',
    ),
    d.statement(
      'open',
      { modes: ['resident'], receivingLevels: ['township'] },
      '根据受援乡镇卫生院的实际需求派驻支援队员；本文件未设职称门槛',
      '附件8 三(二)2',
      '根据受援乡镇卫生院的实际需求派驻支援队员',
    ),
  ],
  provisions: [
    d.provision(
      { ...COUNTY, receivingKinds: ['tcm'] },
      { key: 'teamSize', kind: 'quota', scope: 'team', min: 3, unit: '人', text: '每批向受援中医院派驻至少3人' },
      '附件8 三(一)1',
      TEAM_QUOTE,
    ),
    d.provision(
      COUNTY,
      { key: 'teamSize', kind: 'quota', scope: 'team', min: 5, unit: '人', text: '每批向每所受援医院派驻至少5人' },
      '附件8 三(一)1',
      TEAM_QUOTE,
    ),
    d.provision(
      { ...COUNTY, roles: ['physician'] },
      { key: 'outpatientHalfDays', kind: 'activity', scope: 'person', min: 3, unit: '个半天', per: WEEK, text: '每周出门诊至少3个半天' },
      '附件8 三(一)1',
      '每名派驻医师每周出门诊至少3个半天',
    ),
    d.provision(
      { ...COUNTY, roles: ['physician'] },
      { key: 'teachingRounds', kind: 'activity', scope: 'person', min: 1, unit: '次', per: WEEK, text: '每周组织1次教学查房' },
      '附件8 三(一)1',
      '每周组织1次教学查房',
    ),
    d.provision(
      { ...COUNTY, roles: ['physician'] },
      {
        key: 'clinicalTeaching',
        kind: 'activity',
        scope: 'person',
        min: 1,
        unit: '次',
        per: { count: 2, unit: 'week' },
        text: '每2周组织1次科内临床教学',
      },
      '附件8 三(一)1',
      '每2周组织1次科内临床教学',
    ),
    d.provision(
      { supportingLevels: ['tertiary'], receivingLevels: ['county'] },
      { key: 'pairsPerHospital', kind: 'quota', scope: 'hospital', min: 3, approx: true, unit: '所县级医院', text: '每所城市三级医院对口支援3所左右县级医院' },
      '附件8 三(一)',
      '原则上每所城市三级医院（含中医）对口支援3所左右县级医院',
    ),
    d.provision(
      { receivingLevels: ['county'] },
      {
        key: 'keySpecialties',
        kind: 'quota',
        scope: 'pair',
        min: 3,
        unit: '个临床重点专科',
        per: { count: 3, unit: 'year' },
        text: '1个对口支援周期（3年）内帮助受援医院建设3个临床重点专科',
      },
      '附件8 三(一)2',
      '1个对口支援周期内（3年，下同），帮助受援医院建设3个临床重点专科',
    ),
    d.provision(
      { receivingLevels: ['county'] },
      { key: 'newServices', kind: 'quota', scope: 'pair', min: 1, unit: '个服务项目', per: YEAR, text: '每年帮助受援医院至少新增1个服务项目' },
      '附件8 三(一)3',
      '每年帮助受援医院至少新增1个服务项目',
    ),
    d.provision(
      { receivingLevels: ['centralTownship'] },
      { key: 'regionalQuota', kind: 'quota', scope: 'region', min: 2, max: 2, unit: '所', per: YEAR, text: '中心乡镇卫生院由市级医院对口支援，每县每年2所' },
      '附件8 三(二)',
      '中心乡镇卫生院由市级医院进行对口支援，每县每年2所',
    ),
    d.provision(
      { receivingLevels: ['township'] },
      { key: 'regionalQuota', kind: 'quota', scope: 'region', min: 4, max: 4, unit: '所', per: YEAR, text: '一般乡镇卫生院由县级医院对口支援，每县每年4所' },
      '附件8 三(二)',
      '一般乡镇卫生院由县级医院进行对口支援，每县每年4所',
    ),
    d.provision(
      { receivingLevels: ['centralTownship'] },
      { key: 'specialties', kind: 'quota', scope: 'pair', min: 1, max: 2, unit: '个特色专科', text: '帮助受援中心乡镇卫生院重点建设1—2个特色专科' },
      '附件8 三(二)1',
      '重点建设1—2个特色专科，培育至少3项适宜技术',
    ),
    d.provision(
      { receivingLevels: ['centralTownship', 'township'] },
      { key: 'appropriateTechniques', kind: 'quota', scope: 'pair', min: 3, unit: '项适宜技术', text: '培育至少3项适宜技术' },
      '附件8 三(二)1、2',
      '培育至少3项适宜技术',
    ),
    d.provision(
      { receivingLevels: ['county', 'centralTownship', 'township'] },
      { key: 'fellowships', kind: 'note', scope: 'pair', text: '重点帮扶科室的业务人员要轮流到支援医院接受强化培训（本文件未定人数）' },
      '附件8 三(三)2',
      '确定重点帮扶的科室，其业务人员要有轮流到支援医院接受强化培训',
    ),
    // 附件9: a volunteer team's yearly trips to its pilot county, each of a minimum size and length.
    d.provision(
      { modes: ['redCrossVolunteer'] },
      { key: 'redCrossTrips', kind: 'quota', scope: 'team', min: 6, unit: '次', per: YEAR, text: '每年到对应试点县开展活动不少于6次' },
      '附件9 三(二)',
      '每年要组织志愿者到“红会送医计划”相对应的试点县开展活动不少于 6 次',
    ),
    d.provision(
      { modes: ['redCrossVolunteer'] },
      { key: 'redCrossTripSize', kind: 'quota', scope: 'team', min: 8, unit: '人', text: '每次活动不少于8人' },
      '附件9 三(二)',
      '每次活动不少于 8 人',
    ),
    d.provision(
      { modes: ['redCrossVolunteer'] },
      { key: 'redCrossTripDays', kind: 'quota', scope: 'team', min: 3, unit: '天', text: '每次活动时间不少于3天' },
      '附件9 三(二)',
      '每次活动时间不少于 3 天',
    ),
  ],
}
