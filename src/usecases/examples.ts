import { addDays } from '../time/days'

const md = (day: string) => day.slice(5)

/**
 * The dates shown in examples, relative to today, so an example copied as it stands is accepted: leave from tomorrow
 * for three days, a 补卡 for yesterday, this month and last month.
 */
export function exampleDates(today: string) {
  const tomorrow = addDays(today, 1)
  const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)
  return { leaveFrom: md(tomorrow), leaveTo: md(addDays(tomorrow, 2)), punchDay: md(addDays(today, -1)), month: today.slice(0, 7), lastMonth }
}
