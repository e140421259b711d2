import { describe, test } from 'vitest'
import { type Case, ELIGIBLE, expectCase, rows, variant } from './henan-eligibility.fixtures'

const G = 'henan-2015/graduate-recruitment'
const S = 'henan-2015/special-post-gp'
const O = 'henan-2015/oriented-student'

const graduate: Case[] = [
  { clause: '附件1 二(一)2', name: '全日制医学本科临床医学毕业生', programme: G, profile: ELIGIBLE[G]!.profile, eligible: true },
  { clause: '附件1 二(一)2', name: '大专学历恰好达到“大专以上”', programme: G, profile: variant(G, { education: { level: 'associate' } }), eligible: true },
  { clause: '附件1 二(一)2', name: '中专学历不够', programme: G, profile: variant(G, { education: { level: 'secondary' } }), eligible: false, failed: 'education' },
  { clause: '附件1 二(一)2', name: '非全日制学历', programme: G, profile: variant(G, { education: { fullTime: false } }), eligible: false, failed: 'fullTimeStudy' },
  { clause: '附件1 二(一)2', name: '非医学院校学历', programme: G, profile: variant(G, { education: { medical: false } }), eligible: false, failed: 'medicalEducation' },
  { clause: '附件1 一', name: '口腔医学专业', programme: G, profile: variant(G, { education: { major: 'stomatology' } }), eligible: true },
  { clause: '附件1 一', name: '预防医学专业（乡镇卫生院可适当招录）', programme: G, profile: variant(G, { education: { major: 'preventive' } }), eligible: true },
  { clause: '附件1 一', name: '护理专业不在特招专业内', programme: G, profile: variant(G, { education: { major: 'nursing' } }), eligible: false, failed: 'major' },
  {
    clause: '附件1 二(一)2',
    name: '空白资料列出全部学历事实',
    programme: G,
    profile: {},
    eligible: 'unknown',
    missing: ['education.level', 'education.fullTime', 'education.medical', 'education.major'],
  },
  { clause: '附件1 二(一)2', name: '只缺学历层次', programme: G, profile: { education: { fullTime: true, medical: true, major: 'tcm' } }, eligible: 'unknown', missing: ['education.level'] },
  { clause: '附件1 二(一)2', name: '一项不符即为否，不再追问其余', programme: G, profile: { education: { fullTime: false } }, eligible: false, failed: 'fullTimeStudy' },
]

const specialPost: Case[] = [
  { clause: '附件2 三(一)1', name: '执业范围注册为全科医学专业', programme: S, profile: ELIGIBLE[S]!.profile, eligible: true },
  {
    clause: '附件2 三(一)2',
    name: '经省级认可的全科培训并考核合格',
    programme: S,
    profile: variant(S, { gpRegistered: false, gpTrainingCompleted: true }),
    eligible: true,
  },
  {
    clause: '附件2 三(一)3',
    name: '临床工作恰好3年（含3年）且有二级以上医院经历',
    programme: S,
    profile: variant(S, { gpRegistered: false, gpTrainingCompleted: false, clinicalYears: 3, secondaryHospitalExperience: true }),
    eligible: true,
  },
  {
    clause: '附件2 三(一)3',
    name: '临床工作2年，三种情况均不符',
    programme: S,
    profile: variant(S, { gpRegistered: false, gpTrainingCompleted: false, clinicalYears: 2, secondaryHospitalExperience: true }),
    eligible: false,
    failed: 'qualificationRoute',
  },
  {
    clause: '附件2 三(一)3',
    name: '临床工作3年但无二级以上医院工作经历',
    programme: S,
    profile: variant(S, { gpRegistered: false, gpTrainingCompleted: false, clinicalYears: 3, secondaryHospitalExperience: false }),
    eligible: false,
    failed: 'qualificationRoute',
  },
  { clause: '附件2 三(一)1—3', name: '执业助理医师不符合“具有执业医师资格”', programme: S, profile: variant(S, { licence: 'assistantPhysician' }), eligible: false, failed: 'licence' },
  { clause: '附件2 三(一)1—3', name: '无执业资格', programme: S, profile: variant(S, { licence: 'none' }), eligible: false, failed: 'licence' },
  {
    clause: '附件2 三(一)',
    name: '乡镇卫生院在编在岗人员不列入招聘范围',
    programme: S,
    profile: variant(S, { employer: { level: 'township', onEstablishment: true, inPost: true } }),
    eligible: false,
    failed: 'establishmentExclusion',
  },
  {
    clause: '附件2 三(一)',
    name: '社区卫生服务中心在编在岗人员不列入招聘范围',
    programme: S,
    profile: variant(S, { employer: { level: 'community', onEstablishment: true, inPost: true } }),
    eligible: false,
    failed: 'establishmentExclusion',
  },
  {
    clause: '附件2 三(一)',
    name: '乡镇卫生院聘用（不在编）人员可以应聘',
    programme: S,
    profile: variant(S, { employer: { level: 'township', onEstablishment: false, inPost: true } }),
    eligible: true,
  },
  {
    clause: '附件2 三(一)',
    name: '退休的城市医师受鼓励应聘',
    programme: S,
    profile: { licence: 'physician', clinicalYears: 30, secondaryHospitalExperience: true, retired: true, employer: { level: 'city', inPost: false } },
    eligible: true,
  },
  {
    clause: '附件2 三(一)',
    name: '无工作单位的执业医师（民营或待业）可以应聘',
    programme: S,
    profile: { licence: 'physician', gpTrainingCompleted: true, employer: { level: 'none' } },
    eligible: true,
  },
  {
    clause: '附件2 三(一)',
    name: '只知执业医师：三种情况与在编在岗均待确认',
    programme: S,
    profile: { licence: 'physician' },
    eligible: 'unknown',
    missing: [
      'gpRegistered',
      'gpTrainingCompleted',
      'clinicalYears',
      'secondaryHospitalExperience',
      'employer.level',
      'employer.onEstablishment',
      'employer.inPost',
    ],
  },
  {
    clause: '附件2 三(一)',
    name: '乡镇卫生院在岗人员，是否在编未知',
    programme: S,
    profile: variant(S, { employer: { level: 'township', onEstablishment: undefined, inPost: true } }),
    eligible: 'unknown',
    missing: ['employer.onEstablishment'],
  },
  {
    clause: '附件2 三(一)3',
    name: '临床3年，是否有二级以上医院经历未知',
    programme: S,
    profile: { licence: 'physician', gpRegistered: false, gpTrainingCompleted: false, clinicalYears: 3, employer: { level: 'private' } },
    eligible: 'unknown',
    missing: ['secondaryHospitalExperience'],
  },
  {
    clause: '附件2 三(一)1—3',
    name: '执业助理医师：即使其余未知也为否',
    programme: S,
    profile: { licence: 'assistantPhysician' },
    eligible: false,
    failed: 'licence',
  },
]

const oriented: Case[] = [
  { clause: '附件3 一', name: '2015年招录：条件均为需本人确认事项', programme: O, profile: {}, on: '2015-09-01', eligible: true },
  { clause: '附件3 一', name: '2015年最后一天仍在招录期', programme: O, profile: {}, on: '2015-12-31', eligible: true },
  { clause: '附件3 一', name: '招录至2015年，2016年不再招录', programme: O, profile: {}, on: '2016-01-01', eligible: false, failed: 'period' },
  { clause: '附件3 一', name: '2015年以前不属本方案', programme: O, profile: {}, on: '2014-12-31', eligible: false, failed: 'period' },
]

describe('附件1 医学院校毕业生特招计划', () => {
  test.each(rows(graduate))('%s', (_label, c) => expectCase(c))
})

describe('附件2 全科医生特设岗位计划', () => {
  test.each(rows(specialPost))('%s', (_label, c) => expectCase(c))
})

describe('附件3 农村订单定向医学生培养计划', () => {
  test.each(rows(oriented))('%s', (_label, c) => expectCase(c))
})
