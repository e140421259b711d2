import { describe, expect, test } from 'vitest'
import { type PolicyId, type PostedPerson, type ReceivingOrgFacts, receivingOrgCompliance, type ReportWindow, seedCompliancePack, supportingOrgCompliance } from '../../rules'

// Cases written from the texts: 河南 附件8 三(一)1 and 三(二), 烟台 附件3 二, 四川 五(六), 长春 三(一)3, 浙江 三(一).

const window = (from: string, to: string, closed: boolean, over: Partial<ReportWindow> = {}): ReportWindow => ({ from, to, closed, months: 1, totals: {}, reported: {}, ...over })

function person(name: string, over: Partial<PostedPerson> = {}): PostedPerson {
  return { postingId: name, personName: name, supportingOrgId: 'city', supportingOrgName: '市一院', onPost: true, daysInMonth: 30, activity: {}, ...over }
}

function facts(month: string, org: ReceivingOrgFacts['org'], people: PostedPerson[], over: Partial<ReceivingOrgFacts> = {}): ReceivingOrgFacts {
  const last = `${month}-30`
  return {
    month,
    asOf: last,
    org,
    people,
    reportFiled: true,
    windows: { month: window(`${month}-01`, last, true), year: window(`${month.slice(0, 4)}-01-01`, `${month.slice(0, 4)}-12-31`, false), cycle: null },
    ...over,
  }
}

const judge = (policy: PolicyId, f: ReceivingOrgFacts) => receivingOrgCompliance(seedCompliancePack(policy), f)
const line = (policy: PolicyId, f: ReceivingOrgFacts, requirement: string, personName?: string) =>
  judge(policy, f).find((l) => l.requirement === requirement && (personName === undefined || l.personName === personName))

const COUNTY = { id: 'x', name: '某县人民医院', level: 'county' as const, kind: 'general' as const }
const COUNTY_TCM = { id: 't', name: '某县中医院', level: 'county' as const, kind: 'tcm' as const }
const four = ['甲', '乙', '丙', '丁'].map((n) => person(n))

describe('河南 附件8 三(一)1: team size', () => {
  test.each([
    { name: 'a county hospital with 4 posted is short by 1', org: COUNTY, team: four, status: 'failed', shortBy: 1 },
    { name: 'a county hospital with 5 posted holds', org: COUNTY, team: [...four, person('戊')], status: 'passed', shortBy: undefined },
    { name: 'a 中医院 with 3 posted holds', org: COUNTY_TCM, team: four.slice(0, 3), status: 'passed', shortBy: undefined },
    { name: 'a 中医院 with 2 posted is short by 1', org: COUNTY_TCM, team: four.slice(0, 2), status: 'failed', shortBy: 1 },
  ])('$name', ({ org, team, status, shortBy }) => {
    const l = line('henan-2015', facts('2016-06', org, team), 'teamSize')!
    expect(l).toMatchObject({ status, source: { clause: '附件8 三(一)1' } })
    expect(l.shortBy).toBe(shortBy)
  })

  test('past the pack’s end it is judged only through a successor document, which the clause then names', () => {
    const successor = { policy: 'henan-2015' as const, document: '豫卫〔2021〕1号', title: '继续实施', issuedOn: null, from: '2021-01-01', until: null, clause: '一', quote: '继续实施' }
    const f = facts('2026-06', COUNTY, four)
    expect(judge('henan-2015', f).find((l) => l.requirement === 'teamSize')).toBeUndefined()
    const l = receivingOrgCompliance(seedCompliancePack('henan-2015', [successor]), f).find((x) => x.requirement === 'teamSize')!
    expect(l).toMatchObject({ status: 'failed', shortBy: 1, source: { clause: '附件8 三(一)1', continuedBy: { document: '豫卫〔2021〕1号' } } })
  })

  test('someone whose posting ended before the day counted is not on the team', () => {
    const l = line('henan-2015', facts('2016-06', COUNTY, [...four, person('戊', { onPost: false, daysInMonth: 10 })]), 'teamSize')!
    expect(l).toMatchObject({ status: 'failed', shortBy: 1 })
  })

  test('composition: without roles it is unknown and names the missing field; with them it names what is lacking', () => {
    expect(line('henan-2015', facts('2016-06', COUNTY, four), 'teamComposition')).toMatchObject({ status: 'unknown', missing: [expect.stringContaining('岗位')] })
    const roles = (['physician', 'nurse', 'physician', 'manager'] as const).map((role, i) => person(`p${i}`, { role }))
    const l = line('henan-2015', facts('2016-06', COUNTY, roles), 'teamComposition')!
    expect(l).toMatchObject({ status: 'failed', shortBy: 2 })
    expect(l.reason).toContain('药学人员')
    expect(l.reason).toContain('医技人员')
  })
})

describe('河南 附件8 三(一)1: each posted doctor each week', () => {
  const doctor = (activity: PostedPerson['activity'], days = 28) => person('张伟', { role: 'physician', daysInMonth: days, activity })

  test('2 outpatient half-days a week (8 in four weeks) is short by 4', () => {
    const l = line('henan-2015', facts('2016-02', COUNTY, [doctor({ outpatientHalfDays: 8 })]), 'outpatientHalfDays', '张伟')!
    expect(l).toMatchObject({ status: 'failed', shortBy: 4, source: { clause: '附件8 三(一)1', quote: '每名派驻医师每周出门诊至少3个半天' } })
  })

  test('3 a week holds; teaching rounds and clinical teaching are judged the same way', () => {
    const f = facts('2016-02', COUNTY, [doctor({ outpatientHalfDays: 12, teachingRounds: 4, clinicalTeaching: 1 })])
    expect(line('henan-2015', f, 'outpatientHalfDays')).toMatchObject({ status: 'passed' })
    expect(line('henan-2015', f, 'teachingRounds')).toMatchObject({ status: 'passed' })
    expect(line('henan-2015', f, 'clinicalTeaching')).toMatchObject({ status: 'failed', shortBy: 1 })
  })

  test('a number the 月报 does not give is unknown and names the field, never guessed', () => {
    const l = line('henan-2015', facts('2016-02', COUNTY, [doctor({})]), 'outpatientHalfDays')!
    expect(l.status).toBe('unknown')
    expect(l.missing![0]).toContain('张伟')
  })

  test('a nurse owes no outpatient half-days; a person of unknown role is asked about', () => {
    expect(line('henan-2015', facts('2016-02', COUNTY, [person('护士甲', { role: 'nurse' })]), 'outpatientHalfDays')).toBeUndefined()
    expect(line('henan-2015', facts('2016-02', COUNTY, [person('某人')]), 'outpatientHalfDays')).toMatchObject({ status: 'unknown' })
  })
})

describe('河南 附件8 三(二): a central township health centre over the cycle', () => {
  const CENTRAL = { id: 'c', name: '某中心卫生院', level: 'centralTownship' as const, kind: 'general' as const }
  test('2 适宜技术 when the cycle is over is short by 1; in the middle it is in progress', () => {
    const cycle = (closed: boolean) => window('2015-01-01', '2017-12-31', closed, { months: 36, totals: { appropriateTechniques: 2, newSpecialties: 1 }, reported: { appropriateTechniques: 36, newSpecialties: 36 } })
    const over = facts('2017-12', CENTRAL, [], { windows: { month: window('2017-12-01', '2017-12-31', true), year: window('2017-01-01', '2017-12-31', true), cycle: cycle(true) } })
    expect(line('henan-2015', over, 'appropriateTechniques')).toMatchObject({ status: 'failed', shortBy: 1, source: { clause: '附件8 三(二)1、2' } })
    expect(line('henan-2015', over, 'specialties')).toMatchObject({ status: 'passed' })
    const midway = facts('2016-06', CENTRAL, [], { windows: { month: window('2016-06-01', '2016-06-30', true), year: window('2016-01-01', '2016-12-31', false), cycle: cycle(false) } })
    expect(line('henan-2015', midway, 'appropriateTechniques')).toMatchObject({ status: 'pending' })
  })
})

describe('烟台 附件3 二: teams', () => {
  const TOWNSHIP = { id: 'tw', name: '某镇卫生院', level: 'township' as const, kind: 'general' as const }
  const team = (n: number, from: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => person(`队员${i}`, { mode: 'team', supportingOrgId: from(i), supportingOrgName: from(i) === 'a' ? '县医院' : '县中医院' }))

  test('a township team of 5 from two hospitals is short: one hospital each team', () => {
    const lines = judge('yantai-2024', facts('2025-06', TOWNSHIP, team(5, (i) => (i < 3 ? 'a' : 'b'))))
    expect(lines.find((l) => l.requirement === 'teamSize')).toMatchObject({ status: 'passed' })
    const one = lines.find((l) => l.requirement === 'oneHospital')!
    expect(one).toMatchObject({ status: 'failed', source: { clause: '附件3 二(二)' } })
    expect(one.reason).toContain('县医院 3 人')
    expect(lines[0]!.status).toBe('failed')
  })

  test('a township team of 5 from one hospital holds; 4 is short by 1', () => {
    expect(line('yantai-2024', facts('2025-06', TOWNSHIP, team(5, () => 'a')), 'oneHospital')).toMatchObject({ status: 'passed' })
    expect(line('yantai-2024', facts('2025-06', TOWNSHIP, team(4, () => 'a')), 'teamSize')).toMatchObject({ status: 'failed', shortBy: 1 })
  })

  test('a county team needs 6', () => {
    const l = line('yantai-2024', facts('2025-06', { ...COUNTY }, team(5, () => 'a')), 'teamSize')!
    expect(l).toMatchObject({ status: 'failed', shortBy: 1, source: { clause: '附件3 二(一)' } })
  })

  test('"331": a group of 3 and at least 3 visits in the month', () => {
    const VILLAGE = { id: 'v', name: '某村卫生室', level: 'village' as const, kind: 'general' as const }
    const group = [person('医', { mode: 'workstation331', role: 'physician', presentDays: 3 }), person('护', { mode: 'workstation331', role: 'nurse', presentDays: 2 })]
    const f = facts('2025-06', VILLAGE, group)
    expect(line('yantai-2024', f, 'teamSize')).toMatchObject({ status: 'failed', shortBy: 1 })
    expect(line('yantai-2024', f, 'teamComposition')!.reason).toContain('药学人员')
    expect(line('yantai-2024', f, 'visitsPerMonth', '医')).toMatchObject({ status: 'passed' })
    expect(line('yantai-2024', f, 'visitsPerMonth', '护')).toMatchObject({ status: 'failed', shortBy: 1 })
  })

  test('staff share: 1.2 % of a tertiary hospital\'s 500 staff is 6 people', () => {
    const pack = seedCompliancePack('yantai-2024')
    const sent = Array.from({ length: 4 }, (_, i) => ({ personName: `p${i}`, receivingLevel: 'county' as const }))
    const base = { month: '2025-06', asOf: '2025-06-30', sent, receiving: [] }
    expect(supportingOrgCompliance(pack, { ...base, org: { id: 's', name: '市医院', level: 'tertiary', staffCount: 500 } })).toEqual([
      expect.objectContaining({ requirement: 'staffShare', status: 'failed', shortBy: 2 }),
    ])
    expect(supportingOrgCompliance(pack, { ...base, org: { id: 's', name: '市医院', level: 'tertiary' } })[0]).toMatchObject({ status: 'unknown', missing: [expect.stringContaining('专业技术人员数')] })
  })
})

describe('四川 五(六): 师带徒, 进修, 远程教学', () => {
  const DEEP = { id: 'd', name: '某深度贫困县人民医院', level: 'county' as const, kind: 'general' as const, deepPovertyCounty: true }
  test('a mentor with 2 apprentices at a 深度贫困县 medical institution is short by 1', () => {
    const l = line('sichuan-2017', facts('2019-06', DEEP, [person('师父', { apprentices: 2 })]), 'mentees')!
    expect(l).toMatchObject({ status: 'failed', shortBy: 1, source: { clause: '五(六)' } })
  })
  test.each([
    { kind: 'maternalChild' as const, apprentices: 2, status: 'passed' },
    { kind: 'cdc' as const, apprentices: 1, status: 'passed' },
  ])('a $kind institution with $apprentices apprentices: $status', ({ kind, apprentices, status }) => {
    expect(line('sichuan-2017', facts('2019-06', { ...DEEP, kind }, [person('师父', { apprentices })]), 'mentees')).toMatchObject({ status })
  })
  test('outside a 深度贫困县 there is no ratio; not knowing whether it is one is unknown', () => {
    expect(line('sichuan-2017', facts('2019-06', { ...DEEP, deepPovertyCounty: false }, [person('师父', { apprentices: 0 })]), 'mentees')).toBeUndefined()
    expect(line('sichuan-2017', facts('2019-06', { ...DEEP, deepPovertyCounty: undefined }, [person('师父', { apprentices: 0 })]), 'mentees')).toMatchObject({ status: 'unknown' })
  })
  test('远程教学 at least once a month; 进修 2 a year for a county institution', () => {
    const month = window('2019-06-01', '2019-06-30', true, { totals: { remoteSessions: 0 }, reported: { remoteSessions: 1 } })
    const year = window('2019-01-01', '2019-12-31', true, { months: 12, totals: { fellowsSent: 1 }, reported: { fellowsSent: 12 } })
    const f = facts('2019-12', DEEP, [], { windows: { month, year, cycle: null } })
    expect(line('sichuan-2017', f, 'remoteTeaching')).toMatchObject({ status: 'failed', shortBy: 1 })
    expect(line('sichuan-2017', f, 'fellowships')).toMatchObject({ status: 'failed', shortBy: 1 })
  })
})

describe('长春 三(一)3 and 浙江 三(一)', () => {
  const TOWNSHIP = { id: 'tw', name: '某乡镇卫生院', level: 'township' as const, kind: 'general' as const }
  test('a junior doctor posted is short of 高年资主治医师以上; an intermediate one without seniority known is unknown', () => {
    expect(line('changchun-2011', facts('2012-06', TOWNSHIP, [person('甲', { title: 'junior', role: 'physician' })]), 'title')).toMatchObject({ status: 'failed', source: { clause: '附件 三(一)3' } })
    expect(line('changchun-2011', facts('2012-06', TOWNSHIP, [person('乙', { title: 'intermediate', role: 'physician' })]), 'title')).toMatchObject({ status: 'unknown' })
  })
  test('a 三级专科医院 paired with 1 county hospital is short by 1; a 综合医院 with 2 is not judged ("3所左右")', () => {
    const pack = seedCompliancePack('zhejiang-2014')
    const base = { month: '2015-06', asOf: '2015-06-30', sent: [], receiving: [{ name: 'A', level: 'county' as const }] }
    expect(supportingOrgCompliance(pack, { ...base, org: { id: 's', name: '省儿童医院', level: 'tertiary', kind: 'other' } })).toEqual([expect.objectContaining({ status: 'failed', shortBy: 1 })])
    const general = supportingOrgCompliance(pack, { ...base, receiving: [...base.receiving, { name: 'B', level: 'county' }], org: { id: 's', name: '省人民医院', level: 'tertiary', kind: 'general' } })
    expect(general).toEqual([expect.objectContaining({ status: 'notJudged' })])
  })
})

describe('outside a pack\'s period', () => {
  test('a month after the text ended is not judged, citing where the period ends', () => {
    const lines = judge('henan-2015', facts('2026-11', COUNTY, four))
    expect(lines).toEqual([expect.objectContaining({ requirement: 'period', status: 'notJudged', source: expect.objectContaining({ clause: '附件9 一' }) })])
    expect(lines[0]!.reason).toContain('不判定')
  })
})
