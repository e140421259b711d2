import { describe, expect, test } from 'vitest'
import { MemoByParts, memoByDate } from '../../rules/core/memo'
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

describe('MemoByParts: one value per owner and list of parts, and a bound on the lists kept', () => {
  test('parts compare by value, objects among them by identity; another owner remembers nothing of the first', () => {
    const memo = new MemoByParts<object, string>()
    const owner = {}
    const part = { id: 'x' }
    memo.set(owner, [true, part], 'first')
    expect(memo.get(owner, [true, part])).toBe('first')
    expect(memo.get(owner, [true, { id: 'x' }])).toBeUndefined()
    expect(memo.get(owner, [false, part])).toBeUndefined()
    expect(memo.get(owner, [undefined, part])).toBeUndefined()
    expect(memo.get({}, [true, part])).toBeUndefined()
    expect(memo.get(owner, [])).toBeUndefined()
  })

  test('a caller bringing ten thousand different numbers cannot make one owner remember them all', () => {
    const memo = new MemoByParts<object, number>()
    const owner = {}
    for (let years = 0; years < 10_000; years++) memo.set(owner, [years / 10], years)
    expect(memo.get(owner, [0])).toBeUndefined()
    expect(memo.get(owner, [999.9])).toBe(9_999)
  })
})
