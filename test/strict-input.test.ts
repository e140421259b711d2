import { describe, expect, test } from 'vitest'
import { DATA_YEARS, parseDay, parseMonth, parseWholeNumber, yearsAround } from '../src/domain/strict-input'

const value = <T>(p: { ok: true; value: T } | { ok: false }) => (p.ok ? p.value : null)
const reason = (p: { ok: true } | { ok: false; reason: { zh: string; en: string } }) => (p.ok ? null : p.reason.zh)

describe('parseDay: real calendar days in a year window, typed as people type them', () => {
  const years = yearsAround('2026-11-23', 1, 1)
  test.each([
    ['2026-11-24', '2026-11-24'],
    ['2026/11/24', '2026-11-24'],
    ['2026.1.5', '2026-01-05'],
    ['2026年11月24日', '2026-11-24'],
    ['２０２６－１１－２４', '2026-11-24'],
    ['20261124', '2026-11-24'],
    ['2024-02-29', null],
    ['2026-02-29', null],
    ['2026-02-30', null],
    ['2026-13-01', null],
    ['0000-01-01', null],
    ['9999-12-31', null],
    ['2026-11-24T00:00', null],
    ['0x7ea-11-24', null],
  ])('%s → %s', (text, expected) => expect(value(parseDay(text, { years }))).toBe(expected))

  test('a day without its year is the one nearest today', () => {
    expect(value(parseDay('01-03', { years, today: '2026-12-28' }))).toBe('2027-01-03')
    expect(value(parseDay('11月24日', { years, today: '2026-11-23' }))).toBe('2026-11-24')
    expect(value(parseDay('11-24', { years }))).toBeNull()
  })

  test('the reason says what is wrong: not a date, or outside the window', () => {
    expect(reason(parseDay('2026-02-30', { years }))).toBe('“2026-02-30”不是有效日期（例如 2026-11-24）')
    expect(reason(parseDay('9999-12-31', { years }))).toBe('“9999-12-31”不在 2025—2027 年之间')
  })
})

describe('parseMonth', () => {
  test.each([
    ['2026-11', '2026-11'],
    ['2026/1', '2026-01'],
    ['2026年11月', '2026-11'],
    ['２０２６－１１', '2026-11'],
    ['2026-13', null],
    ['2026-00', null],
    ['0000-01', null],
    ['9999-12', null],
    ['26-11', null],
  ])('%s → %s', (text, expected) => expect(value(parseMonth(text, DATA_YEARS))).toBe(expected))
})

describe('parseWholeNumber: decimal digits in the stated range, the range said in the reason', () => {
  const range = { min: 0, max: 100_000, label: { zh: '门诊', en: 'outpatient' } }
  test.each([
    ['12', 12],
    ['０１２', 12],
    ['+3', 3],
    ['0', 0],
    ['100000', 100_000],
    ['100001', null],
    ['-1', null],
    ['0x10', null],
    ['1e3', null],
    ['1.5', null],
    ['1,000', null],
    ['99999999999999999999', null],
    ['Infinity', null],
    ['', null],
  ])('%s → %s', (text, expected) => expect(value(parseWholeNumber(text, range))).toBe(expected))

  test('the reason names the range', () => {
    expect(reason(parseWholeNumber('0x10', range))).toBe('门诊应为 0 到 100000 之间的整数')
  })
})
