import { describe, expect, test } from 'vitest'
import { type CreditFacts, type PolicyId, type ServiceRecord, serviceCredit } from '../../rules'

interface Case {
  name: string
  policy: PolicyId
  asOf: string
  facts: CreditFacts
  expected: Record<string, unknown>
  /** The clause the deciding check (last in `checks`) cites. */
  clause: string
}

const HENAN_DOCTOR = { targetTitle: 'intermediate', employer: { level: 'city', grade: 'tertiary' } } as const
const support = (from: string, to: string, extra: Partial<ServiceRecord> = {}): ServiceRecord => ({
  kind: 'counterpartSupport',
  from,
  to,
  assessedPassed: true,
  ...extra,
})
const SICHUAN = { targetTitle: 'associateSenior' } as const
const filed = (from: string, to: string, extra: Partial<ServiceRecord> = {}) =>
  support(from, to, { filedWithProvince: true, ...extra })

const cases: Case[] = [
  // Henan 附件8 四(二): service is required, accumulates, but its length is never stated.
  {
    name: 'Henan: 6 months credited, required length not stated → unknown',
    policy: 'henan-2015',
    asOf: '2017-01-01',
    facts: { ...HENAN_DOCTOR, records: [support('2016-03-01', '2016-08-31')] },
    expected: { outcome: 'unknown', basis: 'prerequisite', creditedDays: 184, required: null },
    clause: '附件8 四(二)',
  },
  {
    name: 'Henan: no support at all → may not apply',
    policy: 'henan-2015',
    asOf: '2017-01-01',
    facts: { ...HENAN_DOCTOR, records: [] },
    expected: { outcome: false, creditedDays: 0 },
    clause: '附件8 四(二)',
  },
  {
    name: 'Henan: a stint one day short of 6 months is not credited',
    policy: 'henan-2015',
    asOf: '2017-01-01',
    facts: { ...HENAN_DOCTOR, records: [support('2016-03-01', '2016-08-30')] },
    expected: { outcome: false, creditedDays: 0, records: [{ status: 'notCredited' }] },
    clause: '附件8 四(二)',
  },
  {
    name: 'Henan: government-organised 援藏 counts as support time',
    policy: 'henan-2015',
    asOf: '2017-01-01',
    facts: { ...HENAN_DOCTOR, records: [{ kind: 'aidTibet', days: 400, assessedPassed: true, governmentOrganised: true }] },
    expected: { outcome: 'unknown', creditedDays: 400, records: [{ status: 'credited' }] },
    clause: '附件8 四(二)',
  },
  {
    name: 'Henan: 援疆 not known to be government-organised stays open',
    policy: 'henan-2015',
    asOf: '2017-01-01',
    facts: { ...HENAN_DOCTOR, records: [{ kind: 'aidXinjiang', days: 400, assessedPassed: true }] },
    expected: { outcome: 'unknown', creditedDays: 0, missing: ['records[0].governmentOrganised'] },
    clause: '附件8 四(二)',
  },
  {
    name: 'Henan: 184 days alone prove 6 months',
    policy: 'henan-2015',
    asOf: '2017-01-01',
    facts: { ...HENAN_DOCTOR, records: [{ kind: 'counterpartSupport', days: 184, assessedPassed: true }] },
    expected: { creditedDays: 184, records: [{ status: 'credited' }] },
    clause: '附件8 四(二)',
  },
  {
    name: 'Henan: 182 days alone need the dates',
    policy: 'henan-2015',
    asOf: '2017-01-01',
    facts: { ...HENAN_DOCTOR, records: [{ kind: 'counterpartSupport', days: 182, assessedPassed: true }] },
    expected: { outcome: 'unknown', records: [{ status: 'unknown' }], missing: ['records[0].from', 'records[0].to'] },
    clause: '附件8 四(二)',
  },
  {
    name: 'Henan: a failed assessment voids the stint',
    policy: 'henan-2015',
    asOf: '2017-01-01',
    facts: { ...HENAN_DOCTOR, records: [support('2016-01-01', '2016-12-31', { assessedPassed: false })] },
    expected: { outcome: false, creditedDays: 0 },
    clause: '附件8 四(二)',
  },
  {
    name: 'Henan: 主任医师 needs no service, only earns priority',
    policy: 'henan-2015',
    asOf: '2017-01-01',
    facts: { targetTitle: 'senior', employer: { level: 'city', grade: 'tertiary' } },
    expected: { outcome: true, basis: 'priority' },
    clause: '附件8 四(二)',
  },
  {
    name: 'Henan: a township employee is outside the rule',
    policy: 'henan-2015',
    asOf: '2017-01-01',
    facts: { targetTitle: 'intermediate', employer: { level: 'township' } },
    expected: { outcome: true },
    clause: '附件8 四(二)',
  },
  {
    name: 'Henan: a city hospital of unknown grade',
    policy: 'henan-2015',
    asOf: '2017-01-01',
    facts: { targetTitle: 'associateSenior', employer: { level: 'city' } },
    expected: { outcome: 'unknown', missing: ['employer.grade'] },
    clause: '附件8 四(二)',
  },
  {
    name: 'Henan: a county hospital physician is bound whatever the grade',
    policy: 'henan-2015',
    asOf: '2017-01-01',
    facts: { targetTitle: 'associateSenior', employer: { level: 'county' }, records: [] },
    expected: { outcome: false },
    clause: '附件8 四(二)',
  },
  {
    name: 'Henan: without a target title',
    policy: 'henan-2015',
    asOf: '2017-01-01',
    facts: { employer: { level: 'county' } },
    expected: { outcome: 'unknown', missing: ['targetTitle'] },
    clause: '附件8 四(二)',
  },
  // Sichuan 六(四), 五(四): one filed, assessed year.
  {
    name: 'Sichuan: a full filed and passed year → prerequisite met',
    policy: 'sichuan-2017',
    asOf: '2019-06-01',
    facts: { ...SICHUAN, records: [filed('2018-03-01', '2019-02-28')] },
    expected: { outcome: true, creditedDays: 365, required: { count: 1, unit: 'year' }, requiredDays: { min: 365, max: 366 } },
    clause: '六(四)',
  },
  {
    name: 'Sichuan: one day short of a year',
    policy: 'sichuan-2017',
    asOf: '2019-06-01',
    facts: { ...SICHUAN, records: [filed('2018-03-01', '2019-02-27')] },
    expected: { outcome: false },
    clause: '六(四)',
  },
  {
    name: 'Sichuan: not filed with the province → does not count',
    policy: 'sichuan-2017',
    asOf: '2019-06-01',
    facts: { ...SICHUAN, records: [filed('2018-03-01', '2019-02-28', { filedWithProvince: false })] },
    expected: { outcome: false, creditedDays: 0, records: [{ status: 'notCredited' }] },
    clause: '六(四)',
  },
  {
    name: 'Sichuan: filing unknown',
    policy: 'sichuan-2017',
    asOf: '2019-06-01',
    facts: { ...SICHUAN, records: [support('2018-03-01', '2019-02-28')] },
    expected: { outcome: 'unknown', missing: ['records[0].filedWithProvince'] },
    clause: '六(四)',
  },
  {
    name: 'Sichuan: assessment failed',
    policy: 'sichuan-2017',
    asOf: '2019-06-01',
    facts: { ...SICHUAN, records: [filed('2018-03-01', '2019-02-28', { assessedPassed: false })] },
    expected: { outcome: false },
    clause: '六(四)',
  },
  {
    name: 'Sichuan: two half-years do not add up to the 1-year posting',
    policy: 'sichuan-2017',
    asOf: '2020-06-01',
    facts: { ...SICHUAN, records: [filed('2018-03-01', '2018-08-31'), filed('2019-03-01', '2019-08-31')] },
    expected: { outcome: false, creditedDays: 368 },
    clause: '六(四)',
  },
  {
    name: 'Sichuan: 366 days alone prove a year',
    policy: 'sichuan-2017',
    asOf: '2020-06-01',
    facts: { ...SICHUAN, records: [{ kind: 'counterpartSupport', days: 366, assessedPassed: true, filedWithProvince: true }] },
    expected: { outcome: true },
    clause: '六(四)',
  },
  {
    name: 'Sichuan: 365 days alone depend on a leap day',
    policy: 'sichuan-2017',
    asOf: '2020-06-01',
    facts: { ...SICHUAN, records: [{ kind: 'counterpartSupport', days: 365, assessedPassed: true, filedWithProvince: true }] },
    expected: { outcome: 'unknown' },
    clause: '六(四)',
  },
  // Yantai 附件3 四: promotion credit is the Shandong measure's; unfiled agreements void the support.
  {
    name: 'Yantai: 副高 defers to the Shandong measure',
    policy: 'yantai-2024',
    asOf: '2025-06-01',
    facts: { targetTitle: 'associateSenior', records: [support('2024-07-01', '2025-06-30', { agreementFiled: true })] },
    expected: { outcome: 'unknown', basis: 'elsewhere', creditedDays: 365 },
    clause: '附件3 四(二)',
  },
  {
    name: 'Yantai: an unfiled agreement is not recognised',
    policy: 'yantai-2024',
    asOf: '2025-06-01',
    facts: { targetTitle: 'associateSenior', records: [support('2024-07-01', '2025-06-30', { agreementFiled: false })] },
    expected: { outcome: 'unknown', creditedDays: 0, records: [{ status: 'notCredited' }] },
    clause: '附件3 四(二)',
  },
  {
    name: 'Yantai: other titles are not tied to service by this text',
    policy: 'yantai-2024',
    asOf: '2025-06-01',
    facts: { targetTitle: 'intermediate' },
    expected: { outcome: true },
    clause: '附件3 四(二)',
  },
  {
    name: 'Changchun: outstanding service earns priority, nothing is required',
    policy: 'changchun-2011',
    asOf: '2012-06-01',
    facts: { targetTitle: 'associateSenior' },
    expected: { outcome: true, basis: 'priority' },
    clause: '附件 二(二)3',
  },
  {
    name: 'Henan: outside the period',
    policy: 'henan-2015',
    asOf: '2021-01-01',
    facts: HENAN_DOCTOR,
    expected: { covered: false, outcome: false },
    clause: '附件9 一',
  },
]

describe('service credit toward promotion', () => {
  test.each(cases)('$name', ({ policy, asOf, facts, expected, clause }) => {
    const answer = serviceCredit(policy, facts, asOf)
    expect(answer).toMatchObject(expected)
    expect(answer.checks.at(-1)!.source.clause).toBe(clause)
  })

  test('Zhejiang ties no promotion to service', () => {
    const answer = serviceCredit('zhejiang-2014', { targetTitle: 'associateSenior' }, '2015-01-01')
    expect(answer).toMatchObject({ covered: true, basis: 'none', outcome: 'unknown' })
  })
})
