import { describe, expect, test } from 'vitest'
import { memoByDate } from '../../rules/core/memo'
import { isoDate } from '../../rules/core/dates'

describe('memoByDate: one answer per key and date, and a bound on the dates kept', () => {
  test('the same key and date are computed once; another date or another key is computed again', () => {
    const calls: string[] = []
    const word = memoByDate((key: { id: string }, date) => (calls.push(`${key.id} ${date}`), `${key.id} on ${date}`))
    const a = { id: 'a' }
    expect([word(a, '2026-12-01'), word(a, '2026-12-01'), word(a, '2026-12-02'), word({ id: 'a' }, '2026-12-01')]).toEqual([
      'a on 2026-12-01',
      'a on 2026-12-01',
      'a on 2026-12-02',
      'a on 2026-12-01',
    ])
    expect(calls).toEqual(['a 2026-12-01', 'a 2026-12-02', 'a 2026-12-01'])
  })

  test('a caller asking about a thousand different dates cannot make one key remember them all', () => {
    let calls = 0
    const word = memoByDate((_key: object, date) => (calls++, date))
    const key = {}
    const dates = Array.from({ length: 1000 }, (_, i) => isoDate(2000 + Math.floor(i / 12), (i % 12) + 1, 1))
    for (const date of dates) word(key, date)
    calls = 0
    word(key, dates[0]!)
    expect(calls).toBe(1)
  })
})
