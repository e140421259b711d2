import { eachDay } from './days'

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** One day of a notice: a holiday (放假) or a 调休 weekend day marked 上班, with the festival it belongs to. */
export interface NoticeDay {
  day: string
  name: string
}

export interface HolidayNotice {
  year: number
  holidays: NoticeDay[]
  workdays: NoticeDay[]
}

export type NoticeParse = { ok: true; notice: HolidayNotice } | { ok: false; line: string | null; message: string }

const TITLE = /国务院办公厅关于(\d{4})年部分节假日安排的通知/
const ITEM = /^\s*[一二三四五六七八九十]+\s*[、.]\s*([^:]+?)\s*:\s*(.+)$/
const WEEKDAYS = '日一二三四五六'
// A date as the notice writes it: [YYYY年]M月D日 or D日 (the month of the range's start), then an optional
// annotation in brackets ("(周四)", "(星期日)", "(农历腊月二十八、周日)").
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?/g

class NoticeError extends Error {}

/** Full-width punctuation, digits and spaces as their half-width twins, so both kinds of copy read the same. */
function halfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[。]/g, '.')
    .replace(/[〔【]/g, '(')
    .replace(/[〕】]/g, ')')
}

interface WrittenDate {
  day: string
  stated: string | null
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function weekdayOf(day: string): string {
  return WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!
}

function isRealDate(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day)
}

/** The dates of one sentence, each month carried from the date before it; the stated weekday checked against the day. */
function datesIn(sentence: string, year: number): WrittenDate[] {
  const out: WrittenDate[] = []
  let month: number | null = null
  let currentYear = year
  for (const m of sentence.matchAll(DATE)) {
    if (m[1]) currentYear = Number(m[1])
    if (m[2]) month = Number(m[2])
    if (month === null) throw new NoticeError(`“${m[0]}”没有写月份`)
    const day = `${currentYear}-${pad(month)}-${pad(Number(m[3]))}`
    if (!isRealDate(day)) throw new NoticeError(`${day.slice(5)} 不是有效日期`)
    const stated = /(?:周|星期)([日天一二三四五六])/.exec(m[4] ?? '')?.[1]?.replace('天', '日') ?? null
    if (stated !== null && stated !== weekdayOf(day)) throw new NoticeError(`${month}月${Number(m[3])}日是周${weekdayOf(day)}，不是周${stated}`)
    out.push({ day, stated })
  }
  return out
}

/** One numbered line: its holiday range (checked against "共N天" / "放假1天") and its 上班 days (each a weekend day). */
function parseItem(name: string, body: string, year: number): { holidays: NoticeDay[]; workdays: NoticeDay[] } {
  const sentences = body.split(/[.;]/).map((s) => s.trim()).filter(Boolean)
  const holidays: NoticeDay[] = []
  const workdays: NoticeDay[] = []
  for (const sentence of sentences) {
    if (sentence.includes('放假')) {
      if (holidays.length) throw new NoticeError('一行写了两段放假日期')
      const head = sentence.slice(0, sentence.indexOf('放假'))
      const dates = datesIn(head, year)
      if (dates.length === 0 || dates.length > 2) throw new NoticeError(`读不出放假的起止日期：“${sentence}”`)
      if (dates.length === 2 && !/至|—|-|~/.test(head)) throw new NoticeError(`两个日期之间应写“至”：“${sentence}”`)
      const from = dates[0]!.day
      const to = dates.at(-1)!.day
      if (to < from) throw new NoticeError(`放假结束日 ${to} 早于开始日 ${from}`)
      const length = daysBetween(from, to) + 1
      const total = /共\s*(\d+)\s*天/.exec(sentence) ?? /放假\s*(\d+)\s*天/.exec(sentence)
      if (total && Number(total[1]) !== length) throw new NoticeError(`写的是共${total[1]}天，但 ${from} 至 ${to} 是 ${length} 天`)
      if (!total && dates.length === 2) throw new NoticeError(`放假日期段没有写“共N天”：“${sentence}”`)
      for (const day of eachDay(from, to)) holidays.push({ day, name })
    } else if (/上班$/.test(sentence)) {
      const dates = datesIn(sentence, year)
      if (dates.length === 0) throw new NoticeError(`读不出上班日期：“${sentence}”`)
      for (const { day } of dates) {
        const weekday = weekdayOf(day)
        if (weekday !== '六' && weekday !== '日') throw new NoticeError(`调休上班日 ${day} 是周${weekday}，不是周末`)
        workdays.push({ day, name })
      }
    }
  }
  if (holidays.length === 0) throw new NoticeError('这一行没有放假日期')
  return { holidays, workdays }
}

/**
 * Reads the State Council's 《国务院办公厅关于YYYY年部分节假日安排的通知》 (full- or half-width punctuation): the year from
 * the title, each numbered line's holidays and 调休 workdays. Refuses the whole text, naming the line, when a stated
 * weekday, a day count or a date does not add up, or when a day appears twice. Pure: no clock, no I/O.
 */
export function parseHolidayNotice(text: string): NoticeParse {
  const normal = halfWidth(text)
  const title = TITLE.exec(normal)
  if (!title) return { ok: false, line: null, message: '找不到标题“国务院办公厅关于YYYY年部分节假日安排的通知”，无法确定年份' }
  const year = Number(title[1])
  const holidays: NoticeDay[] = []
  const workdays: NoticeDay[] = []
  const seen = new Set<string>()
  const lines = normal.split(/\r?\n/)
  let items = 0
  for (const line of lines) {
    const item = ITEM.exec(line)
    if (!item) continue
    items++
    try {
      const parsed = parseItem(item[1]!.trim(), item[2]!, year)
      for (const d of [...parsed.holidays, ...parsed.workdays]) {
        if (seen.has(d.day)) throw new NoticeError(`${d.day} 在通知中出现了两次`)
        seen.add(d.day)
      }
      holidays.push(...parsed.holidays)
      workdays.push(...parsed.workdays)
    } catch (error) {
      if (error instanceof NoticeError) return { ok: false, line: line.trim(), message: error.message }
      throw error
    }
  }
  if (items === 0) return { ok: false, line: null, message: '没有找到“一、元旦：…”这样的编号行' }
  const byDay = (a: NoticeDay, b: NoticeDay) => (a.day < b.day ? -1 : 1)
  return { ok: true, notice: { year, holidays: holidays.sort(byDay), workdays: workdays.sort(byDay) } }
}
