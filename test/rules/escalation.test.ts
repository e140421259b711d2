import { describe, expect, test } from 'vitest'
import { type EscalationAction, escalationStep, type LadderKind, type PolicyId, type Recipient } from '../../rules'

interface Case {
  name: string
  policy: PolicyId
  asOf: string
  facts: { count: number; kind?: LadderKind }
  expected: { step: number; actions: EscalationAction[]; notify?: Recipient[]; nextAt?: number | null }
  clause: string | null
}

const DIRECTORS: Recipient[] = ['doctor', 'supportingDirector', 'receivingDirector', 'office']

const cases: Case[] = [
  { name: 'Henan: no absence yet', policy: 'henan-2015', asOf: '2018-03-01', facts: { count: 0 }, expected: { step: 0, actions: [], nextAt: 1 }, clause: null },
  {
    name: 'Henan: 1st → reprimand the doctor',
    policy: 'henan-2015',
    asOf: '2018-03-01',
    facts: { count: 1 },
    expected: { step: 1, actions: ['reprimandDoctor'], notify: ['doctor', 'office'], nextAt: 2 },
    clause: '附件8 四(四)',
  },
  {
    name: 'Henan: 2nd → the doctor and both directors',
    policy: 'henan-2015',
    asOf: '2018-03-01',
    facts: { count: 2 },
    expected: { step: 2, actions: ['reprimandDoctor', 'reprimandDirectors'], notify: DIRECTORS, nextAt: 3 },
    clause: '附件8 四(四)',
  },
  {
    name: 'Henan: 3rd → also assessment failed and both hospitals lose award eligibility',
    policy: 'henan-2015',
    asOf: '2018-03-01',
    facts: { count: 3 },
    expected: {
      step: 3,
      actions: ['reprimandDoctor', 'reprimandDirectors', 'assessmentFailed', 'loseAwardEligibility'],
      notify: DIRECTORS,
      nextAt: null,
    },
    clause: '附件8 四(四)',
  },
  {
    name: 'Henan: a 4th repeats the last rung',
    policy: 'henan-2015',
    asOf: '2020-12-31',
    facts: { count: 4 },
    expected: { step: 3, actions: ['reprimandDoctor', 'reprimandDirectors', 'assessmentFailed', 'loseAwardEligibility'] },
    clause: '附件8 四(四)',
  },
  {
    name: 'Henan training: 3 absences are not yet "超过 3 次"',
    policy: 'henan-2015',
    asOf: '2016-03-01',
    facts: { count: 3, kind: 'training' },
    expected: { step: 0, actions: [], nextAt: 4 },
    clause: null,
  },
  {
    name: 'Henan training: a 4th bars the final exam',
    policy: 'henan-2015',
    asOf: '2016-03-01',
    facts: { count: 4, kind: 'training' },
    expected: { step: 1, actions: ['barredFromFinalExam'] },
    clause: '附件4 三(三)',
  },
  {
    name: 'Yantai: 1st has no consequence yet',
    policy: 'yantai-2024',
    asOf: '2025-03-01',
    facts: { count: 1 },
    expected: { step: 0, actions: [], nextAt: 2 },
    clause: null,
  },
  {
    name: 'Yantai: 2nd → assessment failed',
    policy: 'yantai-2024',
    asOf: '2025-03-01',
    facts: { count: 2 },
    expected: { step: 1, actions: ['assessmentFailed'], notify: DIRECTORS, nextAt: null },
    clause: '附件3 四(三)',
  },
  {
    name: 'Yantai: 5th → still assessment failed',
    policy: 'yantai-2024',
    asOf: '2026-12-31',
    facts: { count: 5 },
    expected: { step: 1, actions: ['assessmentFailed'] },
    clause: '附件3 四(三)',
  },
  {
    name: 'Zhejiang: any breach is reported to the supporting hospital',
    policy: 'zhejiang-2014',
    asOf: '2015-03-01',
    facts: { count: 1 },
    expected: { step: 1, actions: ['reportToSupportingHospital'], notify: ['supportingDirector'] },
    clause: '附件3 二(二)2',
  },
]

describe('escalation ladders', () => {
  test.each(cases)('$name', ({ policy, asOf, facts, expected, clause }) => {
    const answer = escalationStep(policy, facts.count, asOf, facts.kind)
    expect(answer).toMatchObject({ covered: true, hasLadder: true, step: expected.step, actions: expected.actions })
    if (expected.notify) expect(answer.notify).toEqual(expected.notify)
    if (expected.nextAt !== undefined) expect(answer.next?.atCount ?? null).toBe(expected.nextAt)
    expect(answer.source?.clause ?? null).toBe(clause)
  })
})

describe('texts without a ladder say so', () => {
  test.each([
    { name: 'Sichuan defers assessment to another document', policy: 'sichuan-2017' as const, asOf: '2019-03-01', clause: '五(七)' },
    { name: 'Changchun only threatens 严肃处理', policy: 'changchun-2011' as const, asOf: '2012-03-01', clause: '附件 五' },
  ])('$name', ({ policy, asOf, clause }) => {
    const answer = escalationStep(policy, 3, asOf)
    expect(answer).toMatchObject({ covered: true, hasLadder: false, step: 0, actions: [], notify: [] })
    expect(answer.source?.clause).toBe(clause)
    expect(answer.reason).toContain('未规定')
  })

  test('outside the period nothing is decided', () => {
    expect(escalationStep('henan-2015', 3, '2021-01-01')).toMatchObject({ covered: false, step: 0, actions: [] })
  })

  test('a negative or fractional count is a programming error', () => {
    expect(() => escalationStep('henan-2015', -1, '2018-03-01')).toThrow(RangeError)
    expect(() => escalationStep('henan-2015', 1.5, '2018-03-01')).toThrow(RangeError)
  })
})
