import { describe, expect, test } from 'vitest'
import { type PolicyId, type PostingFacts, postingRequirement } from '../../rules'

interface Case {
  name: string
  policy: PolicyId
  asOf: string
  facts: PostingFacts
  expected: Record<string, unknown>
  clause: string
}

const SIX_MONTHS = { count: 6, unit: 'month' }
const ONE_YEAR = { count: 1, unit: 'year' }

// Duty patterns, written from each text's clause; `clause` is where the duty's source must point.
const duties: Case[] = [
  {
    name: 'Henan: a county posting stays at least 6 months continuously',
    policy: 'henan-2015',
    asOf: '2016-03-01',
    facts: { receivingLevel: 'county', title: 'intermediate' },
    expected: { status: 'found', pattern: { kind: 'continuousResident', minSpan: SIX_MONTHS }, text: '连续驻点不少于6个月' },
    clause: '附件8 三(一)1、四(二)',
  },
  {
    name: 'Henan: the same duty on the first day of the period',
    policy: 'henan-2015',
    asOf: '2015-01-01',
    facts: { receivingLevel: 'township' },
    expected: { status: 'found', pattern: { kind: 'continuousResident' } },
    clause: '附件8 三(一)1、四(二)',
  },
  {
    name: 'Henan: a Red Cross volunteer has no posting duty',
    policy: 'henan-2015',
    asOf: '2016-03-01',
    facts: { mode: 'redCrossVolunteer' },
    expected: { status: 'none' },
    clause: '',
  },
  {
    name: 'Sichuan: intermediate title serves every workday but statutory holidays for 1 year',
    policy: 'sichuan-2017',
    asOf: '2018-01-01',
    facts: { title: 'intermediate', receivingLevel: 'county' },
    expected: {
      status: 'found',
      pattern: { kind: 'everyWorkday', excludesStatutoryHolidays: true, minSpan: ONE_YEAR, noSubstitution: true },
    },
    clause: '五(五)',
  },
  {
    name: 'Sichuan: associate-senior serves ≥1 week a month and ≥12 weeks over 1 year',
    policy: 'sichuan-2017',
    asOf: '2020-12-31',
    facts: { title: 'associateSenior' },
    expected: {
      status: 'found',
      pattern: { kind: 'weeksPerMonth', minWeeksPerMonth: 1, minWeeksTotal: 12, supportSpan: ONE_YEAR, remoteGuidanceOtherwise: true },
    },
    clause: '五(五)',
  },
  {
    name: 'Sichuan: senior is "副高及以上" too',
    policy: 'sichuan-2017',
    asOf: '2019-06-01',
    facts: { title: 'senior' },
    expected: { status: 'found', pattern: { kind: 'weeksPerMonth' } },
    clause: '五(五)',
  },
  {
    name: 'Sichuan: without a title the duty cannot be chosen',
    policy: 'sichuan-2017',
    asOf: '2019-06-01',
    facts: {},
    expected: { status: 'unknown', missing: ['title'] },
    clause: '五(五)',
  },
  {
    name: 'Sichuan: the text sets no duty for a junior title',
    policy: 'sichuan-2017',
    asOf: '2019-06-01',
    facts: { title: 'junior' },
    expected: { status: 'none' },
    clause: '',
  },
  {
    name: 'Zhejiang: the posted doctor works the receiving roster',
    policy: 'zhejiang-2014',
    asOf: '2014-01-01',
    facts: { title: 'associateSenior' },
    expected: { status: 'found', pattern: { kind: 'receivingRoster' } },
    clause: '三(五)',
  },
  {
    name: 'Changchun: at least 6 months continuously before rotating',
    policy: 'changchun-2011',
    asOf: '2014-05-15',
    facts: {},
    expected: { status: 'found', pattern: { kind: 'continuousResident', minSpan: SIX_MONTHS } },
    clause: '附件 三(一)3',
  },
  {
    name: 'Yantai: a county team posting lasts at least 1 year',
    policy: 'yantai-2024',
    asOf: '2024-01-01',
    facts: { receivingLevel: 'county' },
    expected: { status: 'found', pattern: { kind: 'continuousResident', minSpan: ONE_YEAR } },
    clause: '附件3 二(一)',
  },
  {
    name: 'Yantai: a township team posting lasts at least 1 year',
    policy: 'yantai-2024',
    asOf: '2025-06-01',
    facts: { receivingLevel: 'township', mode: 'team' },
    expected: { status: 'found', pattern: { kind: 'continuousResident', minSpan: ONE_YEAR } },
    clause: '附件3 二(二)',
  },
  {
    name: 'Yantai: village residents ≥5 days a week, ≥half a day, ≥half a year in one village',
    policy: 'yantai-2024',
    asOf: '2025-06-01',
    facts: { receivingLevel: 'village', mode: 'resident' },
    expected: {
      status: 'found',
      pattern: { kind: 'daysPerWeek', minDays: 5, minHalfDaysPerDay: 1, minSpanSameVillage: SIX_MONTHS },
      text: '每周驻点不少于5日，每日不少于半天，在同一行政村至少连续服务6个月',
    },
    clause: '附件3 二(三)',
  },
  {
    name: 'Yantai: roving care ≥2 visits a week of ≥half a day',
    policy: 'yantai-2024',
    asOf: '2025-06-01',
    facts: { receivingLevel: 'village', mode: 'roving' },
    expected: { status: 'found', pattern: { kind: 'visitsPerWeek', min: 2, minHalfDaysPerVisit: 1 } },
    clause: '附件3 二(三)',
  },
  {
    name: 'Yantai: technical assistance ≥2 visits a week',
    policy: 'yantai-2024',
    asOf: '2025-06-01',
    facts: { receivingLevel: 'village', mode: 'technicalAssistance' },
    expected: { status: 'found', pattern: { kind: 'visitsPerWeek', min: 2 } },
    clause: '附件3 二(三)',
  },
  {
    name: 'Yantai: "331" ≥3 times a month of ≥1 day',
    policy: 'yantai-2024',
    asOf: '2026-12-31',
    facts: { receivingLevel: 'village', mode: 'workstation331' },
    expected: { status: 'found', pattern: { kind: 'daysPerMonth', min: 3, minDaysPerVisit: 1 }, text: '每月不少于3次，每次不少于1天' },
    clause: '附件3 二(一)',
  },
  {
    name: 'Yantai: teaching groups visit villages ≥3 times a month',
    policy: 'yantai-2024',
    asOf: '2025-06-01',
    facts: { receivingLevel: 'village', mode: 'villageTeaching' },
    expected: { status: 'found', pattern: { kind: 'daysPerMonth', min: 3 } },
    clause: '附件2 三(二)2',
  },
  {
    name: 'Yantai: TCM clinic guidance at least weekly',
    policy: 'yantai-2024',
    asOf: '2025-06-01',
    facts: { receivingLevel: 'township', mode: 'tcmClinic' },
    expected: { status: 'found', pattern: { kind: 'visitsPerWeek', min: 1 } },
    clause: '附件1 二(二)',
  },
  {
    name: 'Yantai: a village posting must say its mode',
    policy: 'yantai-2024',
    asOf: '2025-06-01',
    facts: { receivingLevel: 'village' },
    expected: { status: 'unknown', missing: ['mode'] },
    clause: '附件3 二(三)',
  },
]

describe('duty patterns', () => {
  test.each(duties)('$name', ({ policy, asOf, facts, expected, clause }) => {
    const answer = postingRequirement(policy, facts, asOf)
    expect(answer.covered).toBe(true)
    expect(answer.duty).toMatchObject(expected)
    if (answer.duty.status !== 'none') expect(answer.duty.source.clause).toBe(clause)
  })
})

// Team sizes, quotas, ratios and activities: `key` must apply (true) or be conditional ('unknown') with `min`.
const provisions: (Case & { key: string; applies: true | 'unknown' })[] = [
  { name: 'Henan: ≥5 per batch to a county hospital', policy: 'henan-2015', asOf: '2016-01-01', facts: { receivingLevel: 'county', receivingKind: 'general' }, key: 'teamSize', applies: true, expected: { min: 5 }, clause: '附件8 三(一)1' },
  { name: 'Henan: ≥3 to a TCM hospital', policy: 'henan-2015', asOf: '2016-01-01', facts: { receivingLevel: 'county', receivingKind: 'tcm' }, key: 'teamSize', applies: true, expected: { min: 3 }, clause: '附件8 三(一)1' },
  { name: 'Henan: 3 outpatient half-days a week for physicians', policy: 'henan-2015', asOf: '2016-01-01', facts: { receivingLevel: 'county', role: 'physician' }, key: 'outpatientHalfDays', applies: true, expected: { min: 3, per: { count: 1, unit: 'week' } }, clause: '附件8 三(一)1' },
  { name: 'Henan: clinical teaching every 2 weeks', policy: 'henan-2015', asOf: '2016-01-01', facts: { receivingLevel: 'county', role: 'physician' }, key: 'clinicalTeaching', applies: true, expected: { min: 1, per: { count: 2, unit: 'week' } }, clause: '附件8 三(一)1' },
  { name: 'Henan: Red Cross teams ≥6 trips a year', policy: 'henan-2015', asOf: '2016-01-01', facts: { mode: 'redCrossVolunteer' }, key: 'redCrossTrips', applies: true, expected: { min: 6 }, clause: '附件9 三(二)' },
  { name: 'Sichuan: deep-poverty medical institution 1带3', policy: 'sichuan-2017', asOf: '2018-06-01', facts: { receivingLevel: 'county', receivingKind: 'general', deepPovertyCounty: true }, key: 'mentees', applies: true, expected: { min: 3 }, clause: '五(六)' },
  { name: 'Sichuan: maternal-child 1带2', policy: 'sichuan-2017', asOf: '2018-06-01', facts: { receivingLevel: 'county', receivingKind: 'maternalChild', deepPovertyCounty: true }, key: 'mentees', applies: true, expected: { min: 2 }, clause: '五(六)' },
  { name: 'Sichuan: CDC 1带1', policy: 'sichuan-2017', asOf: '2018-06-01', facts: { receivingLevel: 'county', receivingKind: 'cdc', deepPovertyCounty: true }, key: 'mentees', applies: true, expected: { min: 1 }, clause: '五(六)' },
  { name: 'Sichuan: central township 1带2', policy: 'sichuan-2017', asOf: '2018-06-01', facts: { receivingLevel: 'centralTownship', receivingKind: 'general', deepPovertyCounty: true }, key: 'mentees', applies: true, expected: { min: 2 }, clause: '五(六)' },
  { name: 'Sichuan: ratio open until deep poverty is known', policy: 'sichuan-2017', asOf: '2018-06-01', facts: { receivingLevel: 'county', receivingKind: 'general' }, key: 'mentees', applies: 'unknown', expected: { min: 3, missing: ['deepPovertyCounty'] }, clause: '五(六)' },
  { name: 'Sichuan: county ≥2 fellows a year', policy: 'sichuan-2017', asOf: '2018-06-01', facts: { receivingLevel: 'county' }, key: 'fellowships', applies: true, expected: { min: 2, per: { count: 1, unit: 'year' } }, clause: '五(六)' },
  { name: 'Sichuan: central township ≥1 fellow a year', policy: 'sichuan-2017', asOf: '2018-06-01', facts: { receivingLevel: 'centralTownship' }, key: 'fellowships', applies: true, expected: { min: 1 }, clause: '五(六)' },
  { name: 'Changchun: 1–2 fellows a year', policy: 'changchun-2011', asOf: '2012-01-01', facts: {}, key: 'fellowships', applies: true, expected: { min: 1, max: 2 }, clause: '附件 三(一)3' },
  { name: 'Yantai: county teams ≥6', policy: 'yantai-2024', asOf: '2025-01-01', facts: { receivingLevel: 'county' }, key: 'teamSize', applies: true, expected: { min: 6 }, clause: '附件3 二(一)' },
  { name: 'Yantai: township teams ≥5', policy: 'yantai-2024', asOf: '2025-01-01', facts: { receivingLevel: 'township', mode: 'team' }, key: 'teamSize', applies: true, expected: { min: 5 }, clause: '附件3 二(二)' },
  { name: 'Yantai: tertiary hospitals send ≥1.2 %', policy: 'yantai-2024', asOf: '2025-01-01', facts: { supportingLevel: 'tertiary', receivingLevel: 'county' }, key: 'staffShare', applies: true, expected: { min: 1.2, unit: '%' }, clause: '附件3 二(一)' },
  { name: 'Yantai: county hospitals to townships ≥1.6 %', policy: 'yantai-2024', asOf: '2025-01-01', facts: { supportingLevel: 'county', receivingLevel: 'township', mode: 'team' }, key: 'staffShare', applies: true, expected: { min: 1.6 }, clause: '附件3 二(二)' },
  { name: 'Yantai: townships to villages ≥6 %', policy: 'yantai-2024', asOf: '2025-01-01', facts: { supportingLevel: 'township', receivingLevel: 'village', mode: 'roving' }, key: 'staffShare', applies: true, expected: { min: 6 }, clause: '附件3 二(三)' },
]

describe('team sizes, quotas, ratios and activities', () => {
  test.each(provisions)('$name', ({ policy, asOf, facts, key, applies, expected, clause }) => {
    const found = postingRequirement(policy, facts, asOf).provisions.filter((p) => p.key === key)
    const hit = found.find((p) => p.applies === applies && p.min === expected.min)
    expect(hit, JSON.stringify(found)).toMatchObject(expected)
    expect(hit!.source.clause).toBe(clause)
  })

  test('Henan: with the hospital kind unknown, 5 applies and 3 is conditional on a TCM hospital', () => {
    const team = postingRequirement('henan-2015', { receivingLevel: 'county' }, '2016-01-01').provisions.filter((p) => p.key === 'teamSize')
    expect(team.map((p) => [p.min, p.applies])).toEqual([
      [3, 'unknown'],
      [5, true],
    ])
  })
})

// Period boundaries: the day before the first day and the day after the last are not covered.
const periods = [
  { name: 'Henan before 2015', policy: 'henan-2015', asOf: '2014-12-31', covered: false, clause: '附件8 一' },
  { name: 'Henan last day of 2020', policy: 'henan-2015', asOf: '2020-12-31', covered: true, clause: '附件8 一' },
  { name: 'Henan after 2020', policy: 'henan-2015', asOf: '2021-01-01', covered: false, clause: '附件9 一' },
  { name: 'Sichuan before 2018-01-01', policy: 'sichuan-2017', asOf: '2017-12-31', covered: false, clause: '五(二)' },
  { name: 'Sichuan after 2020', policy: 'sichuan-2017', asOf: '2021-01-01', covered: false, clause: '三' },
  { name: 'Zhejiang after its three years', policy: 'zhejiang-2014', asOf: '2017-01-01', covered: false, clause: '四(二)' },
  { name: 'Changchun the day before 2011-05-15', policy: 'changchun-2011', asOf: '2011-05-14', covered: false, clause: '附件 一' },
  { name: 'Changchun the day after 2014-05-15', policy: 'changchun-2011', asOf: '2014-05-16', covered: false, clause: '附件 一' },
  { name: 'Yantai after 2026', policy: 'yantai-2024', asOf: '2027-01-01', covered: false, clause: '一' },
] as const

describe('periods', () => {
  test.each(periods)('$name', ({ policy, asOf, covered, clause }) => {
    const answer = postingRequirement(policy, { title: 'intermediate' }, asOf)
    expect(answer.covered).toBe(covered)
    expect(answer.checks[0]).toMatchObject({ name: 'period', status: covered ? 'passed' : 'failed', source: { clause } })
    if (!covered) expect(answer.duty.status).toBe('none')
  })
})
