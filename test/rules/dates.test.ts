import { describe, expect, test } from 'vitest'
import { dates, type Span } from '../../rules'

describe('date arithmetic on YYYY-MM-DD strings', () => {
  test.each([
    { name: 'across a month end', from: '2016-01-31', days: 1, expected: '2016-02-01' },
    { name: 'into a leap day', from: '2016-02-28', days: 1, expected: '2016-02-29' },
    { name: 'over a non-leap February', from: '2015-02-28', days: 1, expected: '2015-03-01' },
    { name: 'backwards over a year end', from: '2015-01-01', days: -1, expected: '2014-12-31' },
    { name: 'a century that is not leap', from: '2100-02-28', days: 1, expected: '2100-03-01' },
  ])('addDays $name', ({ from, days, expected }) => {
    expect(dates.addDays(from, days)).toBe(expected)
    expect(dates.daysBetween(from, expected)).toBe(days)
  })

  test.each([
    { name: '6 months from the 1st', from: '2016-03-01', span: { count: 6, unit: 'month' }, expected: '2016-09-01' },
    { name: '6 months from a 31st clamps', from: '2016-08-31', span: { count: 6, unit: 'month' }, expected: '2017-02-28' },
    { name: '1 year from a leap day clamps', from: '2016-02-29', span: { count: 1, unit: 'year' }, expected: '2017-02-28' },
    { name: '12 weeks', from: '2018-01-01', span: { count: 12, unit: 'week' }, expected: '2018-03-26' },
    { name: '3 years', from: '2015-07-01', span: { count: 3, unit: 'year' }, expected: '2018-07-01' },
  ] satisfies { name: string; from: string; span: Span; expected: string }[])('addSpan $name', ({ from, span, expected }) => {
    expect(dates.addSpan(from, span)).toBe(expected)
  })

  test('a stint covers a span when its last day is the day before the span ends', () => {
    const six = { count: 6, unit: 'month' } as const
    expect(dates.coversSpan('2016-03-01', '2016-08-31', six)).toBe(true)
    expect(dates.coversSpan('2016-03-01', '2016-08-30', six)).toBe(false)
    expect(dates.daysServed('2016-03-01', '2016-08-31')).toBe(184)
  })

  test('the fewest and most days a span can last', () => {
    expect(dates.spanDayBounds({ count: 6, unit: 'month' })).toEqual({ min: 181, max: 184 })
    expect(dates.spanDayBounds({ count: 1, unit: 'year' })).toEqual({ min: 365, max: 366 })
    expect(dates.spanDayBounds({ count: 12, unit: 'week' })).toEqual({ min: 84, max: 84 })
    // A 4-year stint across 2100 (not a leap year) is one day shorter than any other.
    expect(dates.spanDayBounds({ count: 4, unit: 'year' })).toEqual({ min: 1460, max: 1461 })
  })

  test('month ends ("5月底") and invalid dates', () => {
    expect(dates.dayOfMonth(2020, 2, 'end')).toBe('2020-02-29')
    expect(dates.dayOfMonth(2019, 2, 'end')).toBe('2019-02-28')
    expect(dates.dayOfMonth(2019, 5, 'end')).toBe('2019-05-31')
    expect(dates.isValidIsoDate('2019-02-29')).toBe(false)
    expect(dates.isValidIsoDate('2020-02-29')).toBe(true)
    expect(() => dates.addDays('2020/02/29', 1)).toThrow(RangeError)
  })

  test('spans read in Chinese', () => {
    expect(dates.spanText({ count: 6, unit: 'month' })).toBe('6个月')
    expect(dates.spanText({ count: 1, unit: 'year' })).toBe('1年')
  })
})
