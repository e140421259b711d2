import { describe, expect, test } from 'vitest'
import { type CreditFacts, type ServiceRecord, serviceCredit } from '../../rules'

const HENAN_DOCTOR = { targetTitle: 'intermediate', employer: { level: 'city', grade: 'tertiary' } } as const
const support = (from: string, to: string, extra: Partial<ServiceRecord> = {}): ServiceRecord => ({
  kind: 'counterpartSupport',
  from,
  to,
  assessedPassed: true,
  ...extra,
})

interface Case {
  name: string
  policy: 'henan-2015'
  asOf: string
  facts: CreditFacts
  /** The obligation check's status, or null where the rule does not bind this person. */
  expected: { status: 'passed' | 'failed' | 'unknown' } | null
  clause: string
}

// Henan: new city-hospital graduates serve half a year within 3 years after residency (附件8 四(二)).
const residency: Case[] = [
  {
    name: 'a 6-month county stint inside the window',
    policy: 'henan-2015',
    asOf: '2017-01-01',
    facts: { ...HENAN_DOCTOR, residencyCompletedOn: '2015-07-01', records: [support('2016-03-01', '2016-08-31', { receivingLevel: 'county' })] },
    expected: { status: 'passed' },
    clause: '附件8 四(二)',
  },
  {
    name: 'nothing yet, window still open → pending',
    policy: 'henan-2015',
    asOf: '2018-06-30',
    facts: { ...HENAN_DOCTOR, residencyCompletedOn: '2015-07-01', records: [] },
    expected: { status: 'unknown' },
    clause: '附件8 四(二)',
  },
  {
    name: 'nothing by the day the window closes → failed',
    policy: 'henan-2015',
    asOf: '2018-07-01',
    facts: { ...HENAN_DOCTOR, residencyCompletedOn: '2015-07-01', records: [] },
    expected: { status: 'failed' },
    clause: '附件8 四(二)',
  },
  {
    name: 'a stint at a city hospital does not count',
    policy: 'henan-2015',
    asOf: '2018-07-01',
    facts: { ...HENAN_DOCTOR, residencyCompletedOn: '2015-07-01', records: [support('2016-03-01', '2016-08-31', { receivingLevel: 'prefecture' })] },
    expected: { status: 'failed' },
    clause: '附件8 四(二)',
  },
  {
    name: 'a county hospital employee is not a city-hospital graduate',
    policy: 'henan-2015',
    asOf: '2018-07-01',
    facts: { targetTitle: 'intermediate', employer: { level: 'county' }, residencyCompletedOn: '2015-07-01', records: [] },
    expected: null,
    clause: '附件8 四(二)',
  },
]

describe('Henan new-graduate obligation', () => {
  test.each(residency)('$name', ({ policy, asOf, facts, expected, clause }) => {
    const { obligations } = serviceCredit(policy, facts, asOf)
    if (expected === null) return expect(obligations).toEqual([])
    expect(obligations[0]).toMatchObject({ name: 'afterResidency', ...expected, source: { clause } })
  })
})
