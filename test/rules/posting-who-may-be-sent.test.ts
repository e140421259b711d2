import { describe, expect, test } from 'vitest'
import { checkWhoMayBeSent, combine, type PolicyId, type PostingFacts } from '../../rules'

interface Case {
  name: string
  policy: PolicyId
  asOf: string
  facts: PostingFacts
  /** The named check and its status, plus the combined outcome. */
  expected: { check: string; status: 'passed' | 'failed' | 'unknown'; outcome: true | false | 'unknown'; missing?: string[] }
  clause: string
}

const cases: Case[] = [
  {
    name: 'Sichuan: an intermediate title to a prefecture institution fails "原则上副高及以上"',
    policy: 'sichuan-2017',
    asOf: '2018-05-01',
    facts: { title: 'intermediate', receivingLevel: 'prefecture', receivingKind: 'general' },
    expected: { check: 'title', status: 'failed', outcome: false },
    clause: '五(四)',
  },
  {
    name: 'Sichuan: associate-senior to a prefecture institution passes',
    policy: 'sichuan-2017',
    asOf: '2018-05-01',
    facts: { title: 'associateSenior', receivingLevel: 'prefecture', receivingKind: 'general' },
    expected: { check: 'title', status: 'passed', outcome: true },
    clause: '五(四)',
  },
  {
    name: 'Sichuan: a junior title to a county institution fails "以中级职称为主"',
    policy: 'sichuan-2017',
    asOf: '2018-05-01',
    facts: { title: 'junior', receivingLevel: 'county', receivingKind: 'general' },
    expected: { check: 'title', status: 'failed', outcome: false },
    clause: '五(四)',
  },
  {
    name: 'Sichuan: intermediate to a township centre passes',
    policy: 'sichuan-2017',
    asOf: '2018-05-01',
    facts: { title: 'intermediate', receivingLevel: 'township', receivingKind: 'general' },
    expected: { check: 'title', status: 'passed', outcome: true },
    clause: '五(四)',
  },
  {
    name: 'Sichuan: village clinics are left to the township centre',
    policy: 'sichuan-2017',
    asOf: '2018-05-01',
    facts: { title: 'intermediate', receivingLevel: 'village', receivingKind: 'general' },
    expected: { check: 'scope', status: 'failed', outcome: false },
    clause: '五(四)',
  },
  {
    name: 'Sichuan: supervision staff with 10 years of service pass (boundary)',
    policy: 'sichuan-2017',
    asOf: '2018-05-01',
    facts: { title: 'intermediate', receivingLevel: 'county', receivingKind: 'supervision', serviceYears: 10 },
    expected: { check: 'serviceYears', status: 'passed', outcome: true },
    clause: '五(四)',
  },
  {
    name: 'Sichuan: supervision staff with 9 years fail',
    policy: 'sichuan-2017',
    asOf: '2018-05-01',
    facts: { title: 'intermediate', receivingLevel: 'county', receivingKind: 'supervision', serviceYears: 9 },
    expected: { check: 'serviceYears', status: 'failed', outcome: false },
    clause: '五(四)',
  },
  {
    name: 'Sichuan: the service-years rule waits for the receiving kind',
    policy: 'sichuan-2017',
    asOf: '2018-05-01',
    facts: { title: 'intermediate', receivingLevel: 'county' },
    expected: { check: 'serviceYears', status: 'unknown', outcome: 'unknown', missing: ['receivingKind'] },
    clause: '五(四)',
  },
  {
    name: 'Zhejiang: associate chief physician passes',
    policy: 'zhejiang-2014',
    asOf: '2015-03-01',
    facts: { title: 'associateSenior' },
    expected: { check: 'title', status: 'passed', outcome: true },
    clause: '附件3 二(一)2',
  },
  {
    name: 'Zhejiang: a senior attending passes',
    policy: 'zhejiang-2014',
    asOf: '2015-03-01',
    facts: { title: 'intermediate', seniorAttending: true },
    expected: { check: 'title', status: 'passed', outcome: true },
    clause: '附件3 二(一)2',
  },
  {
    name: 'Zhejiang: an attending not yet senior fails',
    policy: 'zhejiang-2014',
    asOf: '2015-03-01',
    facts: { title: 'intermediate', seniorAttending: false },
    expected: { check: 'title', status: 'failed', outcome: false },
    clause: '附件3 二(一)2',
  },
  {
    name: 'Zhejiang: an attending of unknown seniority is asked about it',
    policy: 'zhejiang-2014',
    asOf: '2015-03-01',
    facts: { title: 'intermediate' },
    expected: { check: 'title', status: 'unknown', outcome: 'unknown', missing: ['seniorAttending'] },
    clause: '附件3 二(一)2',
  },
  {
    name: 'Zhejiang: a junior doctor fails',
    policy: 'zhejiang-2014',
    asOf: '2015-03-01',
    facts: { title: 'junior' },
    expected: { check: 'title', status: 'failed', outcome: false },
    clause: '附件3 二(一)2',
  },
  {
    name: 'Changchun: a nurse may be sent whatever her title',
    policy: 'changchun-2011',
    asOf: '2012-03-01',
    facts: { title: 'junior', role: 'nurse' },
    expected: { check: 'title', status: 'passed', outcome: true },
    clause: '附件 三(一)3',
  },
  {
    name: 'Changchun: a junior physician fails',
    policy: 'changchun-2011',
    asOf: '2012-03-01',
    facts: { title: 'junior', role: 'physician' },
    expected: { check: 'title', status: 'failed', outcome: false },
    clause: '附件 三(一)3',
  },
  {
    name: 'Changchun: a junior of unknown role might be a nurse',
    policy: 'changchun-2011',
    asOf: '2012-03-01',
    facts: { title: 'junior' },
    expected: { check: 'title', status: 'unknown', outcome: 'unknown', missing: ['role'] },
    clause: '附件 三(一)3',
  },
  {
    name: 'Yantai: TCM clinic guidance needs a senior title',
    policy: 'yantai-2024',
    asOf: '2025-03-01',
    facts: { title: 'intermediate', mode: 'tcmClinic', receivingLevel: 'township' },
    expected: { check: 'title', status: 'failed', outcome: false },
    clause: '附件1 二(二)',
  },
  {
    name: 'Yantai: associate-senior TCM guidance passes',
    policy: 'yantai-2024',
    asOf: '2025-03-01',
    facts: { title: 'associateSenior', mode: 'tcmClinic', receivingLevel: 'township' },
    expected: { check: 'title', status: 'passed', outcome: true },
    clause: '附件1 二(二)',
  },
  {
    name: 'Yantai: village postings set no title bar',
    policy: 'yantai-2024',
    asOf: '2025-03-01',
    facts: { title: 'junior', mode: 'roving', receivingLevel: 'village' },
    expected: { check: 'composition', status: 'passed', outcome: true },
    clause: '附件3 二(三)',
  },
  {
    name: 'Henan: county teams set no title bar',
    policy: 'henan-2015',
    asOf: '2016-03-01',
    facts: { title: 'junior', receivingLevel: 'county' },
    expected: { check: 'composition', status: 'passed', outcome: true },
    clause: '附件8 三(一)1',
  },
  {
    name: 'Henan: outside the period nothing is decided',
    policy: 'henan-2015',
    asOf: '2021-01-01',
    facts: { title: 'senior', receivingLevel: 'county' },
    expected: { check: 'period', status: 'failed', outcome: false },
    clause: '附件9 一',
  },
]

describe('who may be sent', () => {
  test.each(cases)('$name', ({ policy, asOf, facts, expected, clause }) => {
    const checks = checkWhoMayBeSent(policy, facts, asOf)
    const check = checks.find((c) => c.name === expected.check)
    expect(check, JSON.stringify(checks)).toBeDefined()
    expect(check!.status).toBe(expected.status)
    expect(check!.source.clause).toBe(clause)
    if (expected.missing) expect(check!.missing).toEqual(expected.missing)
    expect(combine(checks)).toBe(expected.outcome)
  })

  test('a failed "原则上" rule says exceptions need a reason', () => {
    const checks = checkWhoMayBeSent('sichuan-2017', { title: 'intermediate', receivingLevel: 'prefecture', receivingKind: 'general' }, '2018-05-01')
    expect(checks.find((c) => c.name === 'title')!.reason).toContain('原则上')
  })
})
