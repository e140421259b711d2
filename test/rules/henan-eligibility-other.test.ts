import { describe, test } from 'vitest'
import { type Case, ELIGIBLE, expectCase, rows, variant } from './henan-eligibility.fixtures'

const GC = 'henan-2015/gp-conversion'
const DU = 'henan-2015/degree-upgrade'
const RS = 'henan-2015/residency'
const RC = 'henan-2015/red-cross-volunteer'

const gpConversion: Case[] = [
  { clause: '附件5 二', name: '乡镇卫生院在职执业助理医师', programme: GC, profile: ELIGIBLE[GC]!.profile, eligible: true },
  { clause: '附件5 二', name: '社区卫生服务机构在职执业医师', programme: GC, profile: variant(GC, { employer: { level: 'community' }, licence: 'physician' }), eligible: true },
  { clause: '附件5 二', name: '乡镇卫生院无执业资格人员', programme: GC, profile: variant(GC, { licence: 'none' }), eligible: false, failed: 'targetGroup' },
  { clause: '附件5 二', name: '乡镇卫生院已退休医师不属“在职”', programme: GC, profile: variant(GC, { retired: true }), eligible: false, failed: 'targetGroup' },
  { clause: '附件5 二', name: '市级综合医院拟从事全科的人员', programme: GC, profile: { employer: { level: 'city', kind: 'general' } }, eligible: true },
  { clause: '附件5 二', name: '县疾控中心不是医院', programme: GC, profile: { employer: { level: 'county', kind: 'cdc' } }, eligible: false, failed: 'targetGroup' },
  { clause: '附件5 二', name: '村卫生室不在培训对象内', programme: GC, profile: { employer: { level: 'village' }, licence: 'assistantPhysician', retired: false }, eligible: false, failed: 'targetGroup' },
  { clause: '附件5 二', name: '空白资料：两类对象的事实都要问', programme: GC, profile: {}, eligible: 'unknown', missing: ['employer.level', 'retired', 'licence', 'employer.kind'] },
  { clause: '附件5 二', name: '乡镇卫生院执业医师，是否退休未知', programme: GC, profile: { employer: { level: 'township' }, licence: 'physician' }, eligible: 'unknown', missing: ['retired'] },
  { clause: '附件5 一', name: '培训工作2020年全部完成', programme: GC, profile: ELIGIBLE[GC]!.profile, on: '2021-01-01', eligible: false, failed: 'period' },
]

const degree: Case[] = [
  { clause: '附件6 一', name: '乡镇卫生院大专医学类在职人员专升本', programme: DU, profile: ELIGIBLE[DU]!.profile, eligible: true },
  { clause: '附件6 一', name: '县级医疗卫生机构本科人员读研', programme: DU, profile: variant(DU, { employer: { level: 'county' }, education: { level: 'bachelor' } }), eligible: true },
  { clause: '附件6 一', name: '乡镇卫生院本科人员：本计划只资助乡镇专升本', programme: DU, profile: variant(DU, { education: { level: 'bachelor' } }), eligible: false, failed: 'upgradeRoute' },
  { clause: '附件6 一', name: '县级机构大专人员：本计划只资助县级读研', programme: DU, profile: variant(DU, { employer: { level: 'county' } }), eligible: false, failed: 'upgradeRoute' },
  { clause: '附件6 一', name: '县级机构硕士已无可提升层次', programme: DU, profile: variant(DU, { employer: { level: 'county' }, education: { level: 'master' } }), eligible: false, failed: 'upgradeRoute' },
  { clause: '附件6 二', name: '非医学类专业', programme: DU, profile: variant(DU, { education: { medical: false } }), eligible: false, failed: 'medicalEducation' },
  { clause: '附件6 二', name: '已退休不属在职人员', programme: DU, profile: variant(DU, { retired: true }), eligible: false, failed: 'retirement' },
  { clause: '附件6 二', name: '村卫生室人员不在培养对象内', programme: DU, profile: variant(DU, { employer: { level: 'village' } }), eligible: false, failed: 'upgradeRoute' },
  { clause: '附件6 一', name: '县级机构人员学历未知', programme: DU, profile: variant(DU, { employer: { level: 'county' }, education: { level: undefined } }), eligible: 'unknown', missing: ['education.level'] },
]

const residency: Case[] = [
  { clause: '附件7 二(一)', name: '乡镇卫生院新进临床医学本科毕业生', programme: RS, profile: ELIGIBLE[RS]!.profile, eligible: true },
  { clause: '附件7 二(一)', name: '县级医院新进口腔医学硕士', programme: RS, profile: variant(RS, { employer: { level: 'county' }, education: { level: 'master', major: 'stomatology' } }), eligible: true },
  { clause: '附件7 二(一)', name: '已从事临床并取得执业医师资格的大专人员', programme: RS, profile: variant(RS, { education: { level: 'associate' }, clinicalYears: 5, licence: 'physician' }), eligible: true },
  {
    clause: '附件7 二(一)',
    name: '大专毕业生：毕业生途径不符，在岗医师途径待确认',
    programme: RS,
    profile: variant(RS, { education: { level: 'associate' } }),
    eligible: 'unknown',
    missing: ['clinicalWork', 'licence'],
  },
  {
    clause: '附件7 二(一)',
    name: '已从事临床、持执业医师资格：不问年限',
    programme: RS,
    profile: variant(RS, { education: { level: 'associate' }, clinicalWork: true, licence: 'physician' }),
    eligible: true,
  },
  {
    clause: '附件7 二(一)',
    name: '执业医师资格视为已从事临床（本系统的理解），不再问是否从事临床',
    programme: RS,
    profile: variant(RS, { education: { level: 'associate' }, licence: 'physician' }),
    eligible: true,
  },
  {
    clause: '附件7 二(一)',
    name: '本人说尚未从事临床：执业医师资格不改变本人所说',
    programme: RS,
    profile: variant(RS, { education: { level: 'associate' }, clinicalWork: false, licence: 'physician' }),
    eligible: false,
    failed: 'traineeRoute',
  },
  {
    clause: '附件7 二(一)',
    name: '助理医师：在岗医师途径不符，无须再问是否从事临床',
    programme: RS,
    profile: variant(RS, { education: { level: 'associate' }, licence: 'assistantPhysician' }),
    eligible: false,
    failed: 'traineeRoute',
  },
  {
    clause: '附件7 二(一)',
    name: '预防医学不属“医学类专业（下同）”且无执业医师资格',
    programme: RS,
    profile: variant(RS, { education: { major: 'preventive' }, licence: 'none' }),
    eligible: false,
    failed: 'traineeRoute',
  },
  {
    clause: '附件7 二(一)',
    name: '执业医师但尚未从事临床工作（大专）',
    programme: RS,
    profile: variant(RS, { education: { level: 'associate' }, clinicalYears: 0, licence: 'physician' }),
    eligible: false,
    failed: 'traineeRoute',
  },
  { clause: '附件7 二(一)', name: '市级医院不属县乡两级', programme: RS, profile: variant(RS, { employer: { level: 'city' } }), eligible: false, failed: 'employerLevel' },
  { clause: '附件7 二(一)', name: '社区卫生服务机构不属县乡两级', programme: RS, profile: variant(RS, { employer: { level: 'community' } }), eligible: false, failed: 'employerLevel' },
]

const redCross: Case[] = [
  { clause: '附件9 三(一)', name: '中级职称执业医师', programme: RC, profile: ELIGIBLE[RC]!.profile, eligible: true },
  { clause: '附件9 三(一)', name: '离退休主任医师受鼓励参与', programme: RC, profile: variant(RC, { title: 'senior', retired: true }), eligible: true },
  { clause: '附件9 三(一)', name: '初级职称不符合“中级以上”', programme: RC, profile: variant(RC, { title: 'junior' }), eligible: false, failed: 'title' },
  { clause: '附件9 三(一)', name: '临床专业执业助理医师不是执业医师', programme: RC, profile: variant(RC, { licence: 'assistantPhysician', education: { major: 'clinical' } }), eligible: false, failed: 'licence' },
  { clause: '附件9 三(一)', name: '药师以药师资格参加', programme: RC, profile: variant(RC, { licence: 'none', education: { major: 'pharmacy' } }), eligible: true },
  { clause: '附件9 三(一)', name: '护理人员不在“药师、检验师等”之列', programme: RC, profile: variant(RC, { licence: 'none', education: { major: 'nursing' } }), eligible: false, failed: 'licence' },
  { clause: '附件9 三(一)', name: '空白资料', programme: RC, profile: {}, eligible: 'unknown', missing: ['licence', 'title'] },
  { clause: '附件9 一', name: '2020年最后一天仍在计划期', programme: RC, profile: ELIGIBLE[RC]!.profile, on: '2020-12-31', eligible: true },
  { clause: '附件9 一', name: '2021年计划已结束', programme: RC, profile: ELIGIBLE[RC]!.profile, on: '2021-01-01', eligible: false, failed: 'period' },
]

describe('附件5 全科医生转岗培训计划', () => {
  test.each(rows(gpConversion))('%s', (_label, c) => expectCase(c))
})

describe('附件6 在职学历提升计划', () => {
  test.each(rows(degree))('%s', (_label, c) => expectCase(c))
})

describe('附件7 住院（全科）医师规范化培训计划', () => {
  test.each(rows(residency))('%s', (_label, c) => expectCase(c))
})

describe('附件9 红会送医计划', () => {
  test.each(rows(redCross))('%s', (_label, c) => expectCase(c))
})
