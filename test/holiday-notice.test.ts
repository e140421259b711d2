import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import chineseDays from 'chinese-days'
import { describe, expect, test } from 'vitest'
import { eachDay } from '../src/time/days'
import { parseHolidayNotice } from '../src/time/holiday-notice'

const { getDayDetail } = chineseDays
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')

/** chinese-days' own holidays and 调休 workdays of a year: the oracle for the parser. */
function libraryYear(year: number) {
  const holidays: string[] = []
  const workdays: string[] = []
  for (const day of eachDay(`${year}-01-01`, `${year}-12-31`)) {
    const detail = getDayDetail(day)
    const named = detail.name.includes(',')
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
    if (!detail.work && named) holidays.push(day)
    if (detail.work && named && (weekday === 0 || weekday === 6)) workdays.push(day)
  }
  return { holidays, workdays }
}

function parsed(text: string) {
  const result = parseHolidayNotice(text)
  if (!result.ok) throw new Error(`${result.message} @ ${result.line}`)
  return result.notice
}

describe('the State Council holiday notice, read line by line', () => {
  test.each([
    ['holiday-notice-2026.txt', 2026],
    ['holiday-notice-2025.txt', 2025],
  ])('%s gives exactly the days chinese-days has for that year', (file, year) => {
    const notice = parsed(fixture(file))
    const oracle = libraryYear(year)
    expect(notice.year).toBe(year)
    expect(notice.holidays.map((d) => d.day)).toEqual(oracle.holidays)
    expect(notice.workdays.map((d) => d.day)).toEqual(oracle.workdays)
  })

  test('names: combined festivals as written, 调休 days under their festival', () => {
    const notice = parsed(fixture('holiday-notice-2025.txt'))
    expect(notice.holidays.find((d) => d.day === '2025-10-08')?.name).toBe('国庆节、中秋节')
    expect(notice.holidays.find((d) => d.day === '2025-01-01')?.name).toBe('元旦')
    expect(notice.workdays).toContainEqual({ day: '2025-02-08', name: '春节' })
    // 端午节 2025 runs from May into June.
    expect(notice.holidays.filter((d) => d.name === '端午节').map((d) => d.day)).toEqual(['2025-05-31', '2025-06-01', '2025-06-02'])
  })

  test('half-width punctuation reads the same as full-width', () => {
    const full = fixture('holiday-notice-2026.txt')
    const half = full.replace(/[（）：，、。；]/g, (c) => ({ '（': '(', '）': ')', '：': ':', '，': ',', '、': '、', '。': '.', '；': ';' })[c]!)
    expect(half).not.toBe(full)
    expect(parsed(half)).toEqual(parsed(full))
  })

  test('星期X annotations are read like 周X', () => {
    const text = fixture('holiday-notice-2026.txt').replaceAll('（周', '（星期')
    expect(parsed(text)).toEqual(parsed(fixture('holiday-notice-2026.txt')))
  })

  test.each([
    ['a wrong weekday', '1月1日（周四）至3日（周六）', '1月1日（周五）至3日（周六）', '1月1日是周四，不是周五'],
    ['a count that does not match the range', '放假调休，共9天', '放假调休，共8天', '共8天'],
    ['a 上班 day that is a weekday', '5月9日（周六）上班', '5月8日（周五）上班', '不是周末'],
  ])('refuses the whole text, naming the line, for %s', (_name, from, to, message) => {
    const text = fixture('holiday-notice-2026.txt').replace(from, to)
    expect(text).not.toBe(fixture('holiday-notice-2026.txt'))
    const result = parseHolidayNotice(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message).toContain(message)
    expect(result.line).toMatch(/^[一二三四五六七]、/)
  })

  test('without the title there is no year, and the text is refused', () => {
    const result = parseHolidayNotice(fixture('holiday-notice-2026.txt').replace(/^.*通知\n/, ''))
    expect(result).toMatchObject({ ok: false, line: null })
  })

  test('the 2027 test fixture is consistent (weekdays and counts checked by the parser)', () => {
    const notice = parsed(fixture('holiday-notice-2027.test-fixture.txt'))
    expect(notice.year).toBe(2027)
    expect(notice.holidays.map((d) => d.day)).toContain('2027-01-01')
    expect(notice.holidays.map((d) => d.day)).not.toContain('2027-01-04')
  })
})
