import { describe, expect, test } from 'vitest'
import { valueAt } from '../../rules/core/parameter'
import {
  PROGRAMMES,
  UnknownProgrammeError,
  evaluateAll,
  evaluateEligibility,
  findProgramme,
} from '../../rules/eligibility/evaluate'
import { Profile } from '../../rules/eligibility/profile'
import { defineProgramme } from '../../rules/eligibility/programme-schema'
import * as rules from '../../rules'
import { ELIGIBLE, ON } from './henan-eligibility.fixtures'

const IDS = [
  'henan-2015/graduate-recruitment',
  'henan-2015/special-post-gp',
  'henan-2015/oriented-student',
  'henan-2015/backbone-county-hospital',
  'henan-2015/backbone-maternal-child',
  'henan-2015/backbone-county-tcm',
  'henan-2015/tcm-specialty-leader',
  'henan-2015/backbone-township',
  'henan-2015/community-technician',
  'henan-2015/gp-conversion',
  'henan-2015/degree-upgrade',
  'henan-2015/residency',
  'henan-2015/red-cross-volunteer',
]

/** Period boundaries as each 附件 states them: [programme, clause, first day, first day after]. */
const PERIODS: [string, string, string, string][] = [
  ['henan-2015/graduate-recruitment', '附件1 一 从2015年开始，通过6年时间', '2015-01-01', '2021-01-01'],
  ['henan-2015/special-post-gp', '附件2 一 从2015年开始，通过6年时间', '2015-01-01', '2021-01-01'],
  ['henan-2015/oriented-student', '附件3 一 培训招录至2015年', '2015-01-01', '2016-01-01'],
  ['henan-2015/backbone-county-hospital', '附件4 一 从2015年到2020年', '2015-01-01', '2021-01-01'],
  ['henan-2015/backbone-maternal-child', '附件4 一 从2015年到2020年', '2015-01-01', '2021-01-01'],
  ['henan-2015/backbone-county-tcm', '附件4 一 从2015年到2020年', '2015-01-01', '2021-01-01'],
  ['henan-2015/tcm-specialty-leader', '附件4 一 从2015年到2020年', '2015-01-01', '2021-01-01'],
  ['henan-2015/backbone-township', '附件4 一 从2015年到2020年', '2015-01-01', '2021-01-01'],
  ['henan-2015/community-technician', '附件4 一 从2015年到2020年', '2015-01-01', '2021-01-01'],
  ['henan-2015/gp-conversion', '附件5 一 培训工作2020年全部完成', '2015-01-01', '2021-01-01'],
  ['henan-2015/degree-upgrade', '附件6 一 自2015年开始，利用6年时间', '2015-01-01', '2021-01-01'],
  ['henan-2015/residency', '附件7 一 自2015年开始，通过6年时间', '2015-01-01', '2021-01-01'],
  ['henan-2015/red-cross-volunteer', '附件9 一 从2015年到2020年', '2015-01-01', '2021-01-01'],
]

const previousDay: Record<string, string> = { '2015-01-01': '2014-12-31', '2016-01-01': '2015-12-31', '2021-01-01': '2020-12-31' }

describe('the thirteen Henan 2015 programmes', () => {
  test('PROGRAMMES lists exactly the issue ids, each with a Chinese name', () => {
    expect(PROGRAMMES.map((p) => p.id)).toEqual(IDS)
    for (const p of PROGRAMMES) expect(p.name).toMatch(/[\u4e00-\u9fff]/)
  })

  test('the barrel exports the evaluator and the programmes (so the quote test sees every source)', () => {
    expect(rules.evaluateEligibility).toBe(evaluateEligibility)
    expect(rules.HENAN_2015_PROGRAMMES).toBe(PROGRAMMES)
  })

  test.each(IDS)('%s states obligations, benefits and attestations with sources', (id) => {
    const p = findProgramme(id)
    for (const list of [p.obligations, p.benefits, p.attestations]) {
      expect(list.length).toBeGreaterThan(0)
      for (const s of list) {
        expect(s.text).toMatch(/[\u4e00-\u9fff]/)
        expect(s.source.document).toBe('豫卫发〔2015〕2号')
      }
    }
  })
})

describe('programme periods (half-open: first day in, first day after out)', () => {
  test.each(PERIODS)('%s — %s', (id, _clause, from, until) => {
    const profile = ELIGIBLE[id]!.profile
    const period = findProgramme(id).period
    expect(evaluateEligibility(profile, id, from).eligible).toBe(true)
    expect(evaluateEligibility(profile, id, previousDay[until]!).eligible).toBe(true)
    for (const outside of [previousDay[from]!, until]) {
      const result = evaluateEligibility(profile, id, outside)
      expect(result.eligible).toBe(false)
      expect(result.missing).toEqual([])
      const reason = result.reasons.find((r) => r.text.includes(period.description))
      expect(reason, `reason citing the period on ${outside}`).toBeDefined()
      expect(reason!.source.clause).toMatch(/^附件\d 一$/)
    }
  })

  test('temporal coverage: month by month from 2014 to 2022 exactly one state applies', () => {
    for (const p of PROGRAMMES) {
      for (let year = 2014; year <= 2022; year++) {
        for (let month = 1; month <= 12; month++) {
          const on = `${year}-${String(month).padStart(2, '0')}-15`
          const at = valueAt(p.period, on)
          const expected = on >= Object.keys(p.period.values).sort()[0]! && on < Object.keys(p.period.values).sort()[1]!
          expect(at.covered, `${p.id} ${on}`).toBe(expected)
        }
      }
    }
  })
})

describe('answers', () => {
  test.each(IDS)('%s: the eligible profile passes, and attestations never make it unknown', (id) => {
    const { profile, on } = ELIGIBLE[id]!
    const result = evaluateEligibility(profile, id, on)
    expect(result.eligible).toBe(true)
    expect(result.missing).toEqual([])
    expect(result.attestations.length).toBeGreaterThan(0)
    // When eligible, reasons say which conditions were met, one per check, period first.
    expect(result.reasons.map((r) => r.text)).toEqual(result.checks.map((c) => c.reason))
    expect(result.reasons[0]!.text).toContain('实施期')
  })

  test('a failed condition names the fact and quotes the clause', () => {
    const result = evaluateEligibility({ ...ELIGIBLE['henan-2015/backbone-county-tcm']!.profile, birthDate: '1970-01-01' }, 'henan-2015/backbone-county-tcm', '2016-06-01')
    expect(result.eligible).toBe(false)
    expect(result.reasons).toEqual([
      {
        text: '2016年（选拔当年）年满46周岁，不符合“选拔当年不超过45周岁”的要求',
        source: { document: '豫卫发〔2015〕2号', clause: '附件4 二(三)1', quote: '在选拔当年不超过45周岁' },
      },
    ])
  })

  test('an unknown answer says what to provide', () => {
    const result = evaluateEligibility({}, 'henan-2015/red-cross-volunteer', ON)
    expect(result.reasons.map((r) => r.text)).toEqual([
      '尚未提供执业资格，无法判断是否符合“执业医师（药师、检验师等）资格”的要求',
      '尚未提供职称，无法判断是否符合“中级以上职称”的要求',
    ])
  })

  test('alternatives keep their routes as child checks', () => {
    const result = evaluateEligibility({ licence: 'physician', clinicalYears: 3, secondaryHospitalExperience: true, gpRegistered: false, gpTrainingCompleted: false, employer: { level: 'none' } }, 'henan-2015/special-post-gp', ON)
    const route = result.checks.find((c) => c.name === 'qualificationRoute')!
    expect(route.status).toBe('passed')
    expect(route.children!.map((c) => [c.name, c.status])).toEqual([
      ['registrationScope', 'failed'],
      ['gpTraining', 'failed'],
      ['clinicalRoute', 'passed'],
    ])
    expect(route.children![2]!.children!.map((c) => c.source.quote)).toEqual(['从事临床医疗工作3年以上（含3年）', '一般应具有二级以上医院工作经历'])
  })

  test('a result is plain JSON (the HTTP contract serialises it as is)', () => {
    const result = evaluateEligibility({ licence: 'physician' }, 'henan-2015/special-post-gp', ON)
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
    for (const key of ['programme', 'name', 'eligible', 'reasons', 'missing', 'attestations', 'obligations', 'benefits']) {
      expect(result).toHaveProperty(key)
    }
  })

  test('evaluation is pure: same input, same answer, input untouched', () => {
    const profile = { licence: 'physician', employer: { level: 'township' } } as const
    const copy = structuredClone(profile)
    expect(evaluateAll(profile, ON)).toEqual(evaluateAll(profile, ON))
    expect(profile).toEqual(copy)
  })

  test('evaluateAll answers every programme by default, or the given ids in order', () => {
    expect(evaluateAll({}, ON).map((r) => r.programme)).toEqual(IDS)
    const some = ['henan-2015/residency', 'henan-2015/special-post-gp']
    expect(evaluateAll({}, ON, some).map((r) => r.programme)).toEqual(some)
  })

  test('an unknown programme id or a malformed date is refused', () => {
    expect(() => evaluateEligibility({}, 'henan-2015/nope', ON)).toThrow(UnknownProgrammeError)
    expect(() => evaluateEligibility({}, IDS[0]!, '2016/06/01')).toThrow()
  })
})

describe('programme data is validated at load', () => {
  const good = findProgramme('henan-2015/backbone-county-tcm')
  test('the shipped programmes pass', () => {
    for (const p of PROGRAMMES) expect(defineProgramme(p)).toBe(p)
  })
  test.each([
    ['an unknown check', { ...good, conditions: [{ check: 'height', source: good.period.values['2015-01-01']!.source }] }],
    ['a threshold without a source', { ...good, conditions: [{ check: 'age', maxInSelectionYear: { value: 45 } }] }],
    ['an employer level outside the profile enum', { ...good, conditions: [{ check: 'employerLevel', allowed: { value: ['hospital'], source: good.period.values['2015-01-01']!.source } }] }],
    ['a statement without a source', { ...good, benefits: [{ text: '补助' }] }],
  ])('rejects %s', (_label, bad) => {
    expect(() => defineProgramme(bad as never)).toThrow()
  })
})

describe('Profile schema (the contract)', () => {
  test('accepts a full profile and an empty one', () => {
    const full = {
      birthDate: '1980-02-29',
      education: { level: 'doctorate', fullTime: true, medical: true, major: 'medicalTechnology' },
      licence: 'assistantPhysician',
      gpRegistered: false,
      gpTrainingCompleted: true,
      title: 'associateSenior',
      clinicalYears: 3.5,
      secondaryHospitalExperience: true,
      employer: { level: 'private', kind: 'supervision', onEstablishment: false, inPost: true },
      retired: false,
      leadershipPost: false,
      majorAccidentLast5Years: false,
    }
    expect(Profile.parse(full)).toEqual(full)
    expect(Profile.parse({})).toEqual({})
  })

  test.each([
    ['birthDate not YYYY-MM-DD', { birthDate: '1980/02/29' }],
    ['unknown education level', { education: { level: 'phd' } }],
    ['unknown licence', { licence: 'nurse' }],
    ['negative clinical years', { clinicalYears: -1 }],
    ['unknown employer level', { employer: { level: 'hospital' } }],
  ])('rejects %s', (_label, bad) => {
    expect(Profile.safeParse(bad).success).toBe(false)
  })
})
