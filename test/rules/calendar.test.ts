import { describe, expect, test } from 'vitest'
import { dueDates, type PolicyId } from '../../rules'

interface Case {
  name: string
  policy: PolicyId
  /** The year asked about (`dueDates` takes a year, not a day). */
  asOf: number
  facts: { key: string }
  /** Every date of that key in that year, oldest first, with its audience and any window or pre-issuance flag. */
  expected: { due: string[]; audience?: string; opens?: string; beforeIssuance?: boolean }
  clause: string
}

const MONTHLY_25 = (year: number, from = 1) =>
  Array.from({ length: 13 - from }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}-25`)

const cases: Case[] = [
  { name: 'Henan 2015: recruitment demand by end of August (2015 only)', policy: 'henan-2015', asOf: 2015, facts: { key: 'graduateDemand' }, expected: { due: ['2015-08-31'], audience: 'office' }, clause: '附件1 二(二)1' },
  { name: 'Henan 2016: recruitment demand by end of May', policy: 'henan-2015', asOf: 2016, facts: { key: 'graduateDemand' }, expected: { due: ['2016-05-31'] }, clause: '附件1 二(二)1' },
  { name: 'Henan 2015: announcement by 9月20日', policy: 'henan-2015', asOf: 2015, facts: { key: 'graduateNotice' }, expected: { due: ['2015-09-20'] }, clause: '附件1 二(二)3' },
  { name: 'Henan 2016: announcement by end of June', policy: 'henan-2015', asOf: 2016, facts: { key: 'graduateNotice' }, expected: { due: ['2016-06-30'] }, clause: '附件1 二(二)3' },
  { name: 'Henan 2020: special-post GP demand by end of May', policy: 'henan-2015', asOf: 2020, facts: { key: 'gpDemand' }, expected: { due: ['2020-05-31'] }, clause: '附件2 三(二)1' },
  { name: 'Henan 2015: special-post GP filing by end of December', policy: 'henan-2015', asOf: 2015, facts: { key: 'gpFiling' }, expected: { due: ['2015-12-31'] }, clause: '附件2 三(二)7' },
  { name: 'Henan 2016: special-post GP filing by end of August', policy: 'henan-2015', asOf: 2016, facts: { key: 'gpFiling' }, expected: { due: ['2016-08-31'] }, clause: '附件2 三(二)7' },
  { name: 'Henan: recruitment results filed by end of December', policy: 'henan-2015', asOf: 2017, facts: { key: 'graduateFiling' }, expected: { due: ['2017-12-31'] }, clause: '附件1 二(二)8' },
  { name: 'Henan: support assessment in December', policy: 'henan-2015', asOf: 2018, facts: { key: 'supportAssessment' }, expected: { due: ['2018-12-31'], audience: 'office' }, clause: '附件8 四(四)' },
  { name: 'Henan: county reform office year-end summary', policy: 'henan-2015', asOf: 2019, facts: { key: 'reformSummary' }, expected: { due: ['2019-12-31'] }, clause: '通知 二' },
  { name: 'Henan 2015: first Red Cross report by 6月25日, before the text was issued', policy: 'henan-2015', asOf: 2015, facts: { key: 'monthlyReport' }, expected: { due: MONTHLY_25(2015, 6), audience: 'redCross' }, clause: '附件9 三(四)' },
  { name: 'Henan 2016: Red Cross report on every 25th', policy: 'henan-2015', asOf: 2016, facts: { key: 'monthlyReport' }, expected: { due: MONTHLY_25(2016) }, clause: '附件9 三(四)' },
  { name: 'Henan 2020: the last monthly reports', policy: 'henan-2015', asOf: 2020, facts: { key: 'monthlyReport' }, expected: { due: MONTHLY_25(2020) }, clause: '附件9 三(四)' },
  { name: 'Henan 2015: launch by 6月20日', policy: 'henan-2015', asOf: 2015, facts: { key: 'redCrossLaunch' }, expected: { due: ['2015-06-20'], beforeIssuance: true }, clause: '附件9 三(四)' },
  { name: 'Henan 2016: no start-up steps', policy: 'henan-2015', asOf: 2016, facts: { key: 'redCrossLaunch' }, expected: { due: [] }, clause: '附件9 三(四)' },
  { name: 'Yantai 2024: summary by 12月20日', policy: 'yantai-2024', asOf: 2024, facts: { key: 'yearSummary' }, expected: { due: ['2024-12-20'], audience: 'office' }, clause: '附件3 四(三)' },
  { name: 'Yantai 2024: the January plan predates the text', policy: 'yantai-2024', asOf: 2024, facts: { key: 'annualPlan' }, expected: { due: ['2024-01-31'], beforeIssuance: true }, clause: '三(一)' },
  { name: 'Yantai 2025: yearly plan by end of January', policy: 'yantai-2024', asOf: 2025, facts: { key: 'annualPlan' }, expected: { due: ['2025-01-31'] }, clause: '三(一)' },
  { name: 'Yantai 2025: first postings by end of April', policy: 'yantai-2024', asOf: 2025, facts: { key: 'firstDispatch' }, expected: { due: ['2025-04-30'], audience: 'supportingHospital' }, clause: '附件3 四(二)' },
  { name: 'Yantai 2025: all postings by end of June', policy: 'yantai-2024', asOf: 2025, facts: { key: 'fullDispatch' }, expected: { due: ['2025-06-30'] }, clause: '附件3 四(二)' },
  { name: 'Yantai 2026: wrap-up by end of September', policy: 'yantai-2024', asOf: 2026, facts: { key: 'wrapUp' }, expected: { due: ['2026-09-30'] }, clause: '三(二)' },
  { name: 'Yantai 2026: evaluation October–November', policy: 'yantai-2024', asOf: 2026, facts: { key: 'finalEvaluation' }, expected: { due: ['2026-11-30'], opens: '2026-10-01' }, clause: '三(三)' },
  { name: 'Zhejiang 2014: agreements by 2月15日', policy: 'zhejiang-2014', asOf: 2014, facts: { key: 'agreements' }, expected: { due: ['2014-02-15'], audience: 'hospital' }, clause: '四(一)' },
  { name: 'Zhejiang 2015: no new agreements', policy: 'zhejiang-2014', asOf: 2015, facts: { key: 'agreements' }, expected: { due: [] }, clause: '四(一)' },
  { name: 'Zhejiang: fourth-quarter evaluation', policy: 'zhejiang-2014', asOf: 2016, facts: { key: 'provinceEvaluation' }, expected: { due: ['2016-12-31'], opens: '2016-10-01', audience: 'office' }, clause: '四(三)2' },
  { name: 'Zhejiang: year-end self-assessment', policy: 'zhejiang-2014', asOf: 2015, facts: { key: 'selfAssessment' }, expected: { due: ['2015-12-31'], audience: 'hospital' }, clause: '四(三)1' },
  { name: 'Changchun 2011: support plan by 5月15日', policy: 'changchun-2011', asOf: 2011, facts: { key: 'supportPlan' }, expected: { due: ['2011-05-15'] }, clause: '附件 三(二)' },
  { name: 'Changchun 2011: responsibility letters by end of May', policy: 'changchun-2011', asOf: 2011, facts: { key: 'responsibilityLetters' }, expected: { due: ['2011-05-31'] }, clause: '附件 三(二)' },
  { name: 'Changchun 2011: supervision plan by 6月20日', policy: 'changchun-2011', asOf: 2011, facts: { key: 'supervisionPlan' }, expected: { due: ['2011-06-20'], audience: 'office' }, clause: '附件 三(二)' },
  { name: 'Changchun 2011: inspection by end of June', policy: 'changchun-2011', asOf: 2011, facts: { key: 'firstInspection' }, expected: { due: ['2011-06-30'] }, clause: '附件 三(二)' },
  { name: 'Sichuan 2019: equipment training by year end', policy: 'sichuan-2017', asOf: 2019, facts: { key: 'equipmentTraining' }, expected: { due: ['2019-12-31'], audience: 'supportingHospital' }, clause: '五(六)' },
  { name: 'Sichuan 2020: fellowship coverage within three years', policy: 'sichuan-2017', asOf: 2020, facts: { key: 'fellowshipCoverage' }, expected: { due: ['2020-12-31'] }, clause: '五(六)' },
  { name: 'Sichuan 2020: remote teaching each month, February in a leap year', policy: 'sichuan-2017', asOf: 2020, facts: { key: 'remoteTeaching' }, expected: { due: ['2020-01-31', '2020-02-29', '2020-03-31', '2020-04-30', '2020-05-31', '2020-06-30', '2020-07-31', '2020-08-31', '2020-09-30', '2020-10-31', '2020-11-30', '2020-12-31'] }, clause: '五(六)' },
]

describe('reporting calendars', () => {
  test.each(cases)('$name', ({ policy, asOf, facts, expected, clause }) => {
    const answer = dueDates(policy, asOf)
    expect(answer.covered).toBe(true)
    const found = answer.dates.filter((d) => d.key === facts.key)
    expect(found.map((d) => d.due)).toEqual(expected.due)
    for (const d of found) {
      expect(d.source.clause).toBe(clause)
      if (expected.audience) expect(d.audience).toBe(expected.audience)
      if (expected.opens) expect(d.opens).toBe(expected.opens)
      if (expected.beforeIssuance !== undefined) expect(d.beforeIssuance ?? false).toBe(expected.beforeIssuance)
    }
  })

  test('Henan 2015 Red Cross reports before 2015-08-17 are flagged, later ones not', () => {
    const reports = dueDates('henan-2015', 2015).dates.filter((d) => d.key === 'monthlyReport')
    expect(reports.filter((d) => d.beforeIssuance).map((d) => d.due)).toEqual(['2015-06-25', '2015-07-25'])
  })

  test('dates come oldest first with a period key for dedupe', () => {
    const { dates } = dueDates('henan-2015', 2016)
    expect(dates.map((d) => d.due)).toEqual([...dates.map((d) => d.due)].sort())
    expect(dates.find((d) => d.key === 'monthlyReport')!.periodKey).toBe('2016-01')
    expect(dates.find((d) => d.key === 'supportAssessment')!.periodKey).toBe('2016')
  })

  test('undated duties are listed for the office', () => {
    expect(dueDates('yantai-2024', 2025).undated.map((u) => u.key)).toEqual(['agreementFiling'])
    expect(dueDates('changchun-2011', 2012)).toMatchObject({ covered: true, dates: [], undated: [{ key: 'reporting' }] })
  })
})

describe('years outside the period', () => {
  test.each([
    { name: 'Henan 2014', policy: 'henan-2015' as const, asOf: 2014, clause: '附件8 一' },
    { name: 'Henan 2021', policy: 'henan-2015' as const, asOf: 2021, clause: '附件9 一' },
    { name: 'Sichuan 2017', policy: 'sichuan-2017' as const, asOf: 2017, clause: '五(二)' },
    { name: 'Zhejiang 2017', policy: 'zhejiang-2014' as const, asOf: 2017, clause: '四(二)' },
    { name: 'Changchun 2015', policy: 'changchun-2011' as const, asOf: 2015, clause: '附件 一' },
    { name: 'Yantai 2027', policy: 'yantai-2024' as const, asOf: 2027, clause: '一' },
  ])('$name is not covered', ({ policy, asOf, clause }) => {
    const answer = dueDates(policy, asOf)
    expect(answer).toMatchObject({ covered: false, dates: [], undated: [] })
    if (!answer.covered) {
      expect(answer.reason).toContain(`${asOf}年不在本文件实施期`)
      expect(answer.source.clause).toBe(clause)
    }
  })

  test('Changchun 2014 is partly covered (until 05-15) but has no dates left', () => {
    expect(dueDates('changchun-2011', 2014)).toMatchObject({ covered: true, dates: [] })
  })
})
