import { describe, test } from 'vitest'
import { type Case, ELIGIBLE, expectCase, rows, variant } from './henan-eligibility.fixtures'

const CH = 'henan-2015/backbone-county-hospital'
const MC = 'henan-2015/backbone-maternal-child'
const CT = 'henan-2015/backbone-county-tcm'
const TL = 'henan-2015/tcm-specialty-leader'
const TS = 'henan-2015/backbone-township'
const CM = 'henan-2015/community-technician'

const countyHospital: Case[] = [
  { clause: '附件4 二(一)1', name: '县人民医院本科主治医师', programme: CH, profile: ELIGIBLE[CH]!.profile, eligible: true },
  { clause: '附件4 二(一)1', name: '主任医师高于“主治医师（含）以上”', programme: CH, profile: variant(CH, { title: 'senior' }), eligible: true },
  { clause: '附件4 二(一)1', name: '住院医师职称不够', programme: CH, profile: variant(CH, { title: 'junior' }), eligible: false, failed: 'title' },
  { clause: '附件4 二(一)1', name: '大专学历不符合“本科（含）以上”', programme: CH, profile: variant(CH, { education: { level: 'associate' } }), eligible: false, failed: 'education' },
  { clause: '附件4 二(一)1', name: '县中医院不是县（市）人民医院', programme: CH, profile: variant(CH, { employer: { kind: 'tcm' } }), eligible: false, failed: 'employerKind' },
  { clause: '附件4 二(一)1', name: '市级医院不属县（市）医院', programme: CH, profile: variant(CH, { employer: { level: 'city' } }), eligible: false, failed: 'employerLevel' },
  { clause: '附件4 二(一)1', name: '民营医院不是政府举办', programme: CH, profile: variant(CH, { employer: { level: 'private' } }), eligible: false, failed: 'employerLevel' },
  {
    clause: '附件4 二(一)1',
    name: '空白资料',
    programme: CH,
    profile: {},
    eligible: 'unknown',
    missing: ['employer.level', 'employer.kind', 'education.level', 'title'],
  },
]

const maternalChild: Case[] = [
  { clause: '附件4 二(二)', name: '县级妇幼保健机构人员', programme: MC, profile: ELIGIBLE[MC]!.profile, eligible: true },
  { clause: '附件4 二(二)', name: '县人民医院不是妇幼保健机构', programme: MC, profile: variant(MC, { employer: { kind: 'general' } }), eligible: false, failed: 'employerKind' },
  { clause: '附件4 二(二)', name: '市级妇幼保健院不属县级', programme: MC, profile: variant(MC, { employer: { level: 'city' } }), eligible: false, failed: 'employerLevel' },
  { clause: '附件4 二(二)', name: '空白资料', programme: MC, profile: {}, eligible: 'unknown', missing: ['employer.level', 'employer.kind'] },
]

const countyTcm: Case[] = [
  { clause: '附件4 二(三)1', name: '县中医院大专中级41岁', programme: CT, profile: ELIGIBLE[CT]!.profile, eligible: true },
  { clause: '附件4 二(三)1', name: '选拔当年恰满45周岁（1971年生，2016年选拔）', programme: CT, profile: variant(CT, { birthDate: '1971-12-31' }), eligible: true },
  { clause: '附件4 二(三)1', name: '选拔当年满46周岁（1970年生，2016年选拔）', programme: CT, profile: variant(CT, { birthDate: '1970-01-01' }), eligible: false, failed: 'age' },
  { clause: '附件4 二(三)1', name: '按年份计龄：1971年1月1日生，2016年1月1日选拔为45周岁', programme: CT, profile: variant(CT, { birthDate: '1971-01-01' }), on: '2016-01-01', eligible: true },
  { clause: '附件4 二(三)1', name: '同一人2017年选拔已满46周岁', programme: CT, profile: variant(CT, { birthDate: '1971-12-31' }), on: '2017-01-01', eligible: false, failed: 'age' },
  { clause: '附件4 二(三)1', name: '中专学历不符合“专科以上”', programme: CT, profile: variant(CT, { education: { level: 'secondary' } }), eligible: false, failed: 'education' },
  { clause: '附件4 二(三)1', name: '初级职称不符合“中级以上”', programme: CT, profile: variant(CT, { title: 'junior' }), eligible: false, failed: 'title' },
  { clause: '附件4 二(三)1', name: '担任院级行政领导', programme: CT, profile: variant(CT, { leadershipPost: true }), eligible: false, failed: 'leadership' },
  { clause: '附件4 二(三)1', name: '五年内承担主要责任的医疗事故', programme: CT, profile: variant(CT, { majorAccidentLast5Years: true }), eligible: false, failed: 'accidentRecord' },
  { clause: '附件4 二(三)1', name: '县人民医院医师不属中医医院', programme: CT, profile: variant(CT, { employer: { kind: 'general' } }), eligible: false, failed: 'employerKind' },
  { clause: '附件4 二(三)1', name: '缺出生日期', programme: CT, profile: variant(CT, { birthDate: undefined }), eligible: 'unknown', missing: ['birthDate'] },
  {
    clause: '附件4 二(三)1',
    name: '缺领导职务与事故记录',
    programme: CT,
    profile: variant(CT, { leadershipPost: undefined, majorAccidentLast5Years: undefined }),
    eligible: 'unknown',
    missing: ['majorAccidentLast5Years', 'leadershipPost'],
  },
]

const tcmLeader: Case[] = [
  { clause: '附件4 二(四)1', name: '县中医院本科副主任医师', programme: TL, profile: ELIGIBLE[TL]!.profile, eligible: true },
  { clause: '附件4 二(四)1', name: '主任医师', programme: TL, profile: variant(TL, { title: 'senior' }), eligible: true },
  { clause: '附件4 二(四)1', name: '主治医师不符合“副主任医师及以上”', programme: TL, profile: variant(TL, { title: 'intermediate' }), eligible: false, failed: 'title' },
  { clause: '附件4 二(四)1', name: '大专不符合“本科以上”', programme: TL, profile: variant(TL, { education: { level: 'associate' } }), eligible: false, failed: 'education' },
  { clause: '附件4 二(四)1', name: '选拔当年恰满45周岁', programme: TL, profile: variant(TL, { birthDate: '1971-06-30' }), eligible: true },
  { clause: '附件4 二(四)1', name: '选拔当年满46周岁', programme: TL, profile: variant(TL, { birthDate: '1970-12-31' }), eligible: false, failed: 'age' },
  { clause: '附件4 二(四)1', name: '担任院级行政领导', programme: TL, profile: variant(TL, { leadershipPost: true }), eligible: false, failed: 'leadership' },
  { clause: '附件4 二(四)1', name: '五年内承担主要责任的医疗事故', programme: TL, profile: variant(TL, { majorAccidentLast5Years: true }), eligible: false, failed: 'accidentRecord' },
  {
    clause: '附件4 二(四)1',
    name: '空白资料',
    programme: TL,
    profile: {},
    eligible: 'unknown',
    missing: ['employer.level', 'employer.kind', 'education.level', 'birthDate', 'title', 'majorAccidentLast5Years', 'leadershipPost'],
  },
]

const township: Case[] = [
  { clause: '附件4 二(五)1', name: '乡镇卫生院在职在岗人员', programme: TS, profile: ELIGIBLE[TS]!.profile, eligible: true },
  { clause: '附件4 二(五)1', name: '已退休不属“在职”', programme: TS, profile: variant(TS, { retired: true }), eligible: false, failed: 'retirement' },
  { clause: '附件4 二(五)1', name: '不在岗', programme: TS, profile: variant(TS, { employer: { inPost: false } }), eligible: false, failed: 'inPost' },
  { clause: '附件4 二(五)1', name: '县级医院人员不属乡镇卫生院', programme: TS, profile: variant(TS, { employer: { level: 'county' } }), eligible: false, failed: 'employerLevel' },
  { clause: '附件4 二(五)1', name: '空白资料', programme: TS, profile: {}, eligible: 'unknown', missing: ['employer.level', 'retired', 'employer.inPost'] },
]

const community: Case[] = [
  { clause: '附件4 二(六)1', name: '社区卫生服务中心在岗执业助理医师', programme: CM, profile: ELIGIBLE[CM]!.profile, eligible: true },
  { clause: '附件4 二(六)1', name: '聘用（不在编）人员也可参加', programme: CM, profile: variant(CM, { employer: { onEstablishment: false } }), eligible: true },
  { clause: '附件4 二(六)1', name: '社区护士以护士执业资格参加', programme: CM, profile: variant(CM, { licence: 'none', education: { major: 'nursing' } }), eligible: true },
  { clause: '附件4 二(六)1', name: '临床专业却无执业资格', programme: CM, profile: variant(CM, { licence: 'none', education: { major: 'clinical' } }), eligible: false, failed: 'licence' },
  { clause: '附件4 二(六)1', name: '无医师资格且专业未知', programme: CM, profile: variant(CM, { licence: 'none' }), eligible: 'unknown', missing: ['education.major'] },
  { clause: '附件4 二(六)1', name: '不在岗', programme: CM, profile: variant(CM, { employer: { inPost: false } }), eligible: false, failed: 'inPost' },
  { clause: '附件4 二(六)1', name: '乡镇卫生院人员不属社区卫生服务中心', programme: CM, profile: variant(CM, { employer: { level: 'township' } }), eligible: false, failed: 'employerLevel' },
]

describe('附件4 基层骨干医师培训计划', () => {
  test.each(rows(countyHospital))('%s', (_label, c) => expectCase(c))
  test.each(rows(maternalChild))('%s', (_label, c) => expectCase(c))
  test.each(rows(countyTcm))('%s', (_label, c) => expectCase(c))
  test.each(rows(tcmLeader))('%s', (_label, c) => expectCase(c))
  test.each(rows(township))('%s', (_label, c) => expectCase(c))
  test.each(rows(community))('%s', (_label, c) => expectCase(c))
})
