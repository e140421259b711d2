import type { complianceOrgs, compliancePairs, compliancePostings, reportsBetween } from '../../../db/repositories/compliance'
import {
  DOCTOR_MEASURES,
  EmployerKind,
  PostingMode,
  REPORT_MEASURES,
  ReceivingLevel,
  type ReceivingOrgFacts,
  type ReportWindow,
  StaffRole,
  SupportingLevel,
  type SupportingOrgFacts,
  Title,
} from '../../../rules'
import { lastDayOf, nextMonth } from '../../time/days'

type Posting = Awaited<ReturnType<typeof compliancePostings>>[number]
type Org = Awaited<ReturnType<typeof complianceOrgs>>[number]
type Pair = Awaited<ReturnType<typeof compliancePairs>>[number]
type Report = Awaited<ReturnType<typeof reportsBetween>>[number]

export interface MonthData {
  month: string
  asOf: string
  today: string
  postings: Posting[]
  orgs: Map<string, Org>
  pairs: Pair[]
  reports: Report[]
  present: Map<string, { present: number }>
}

// Stored codes to the rules' words; a stored value the rules do not know is left unknown rather than mapped by guess.
const optional = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, value: unknown): T | undefined => {
  const parsed = schema.safeParse(value ?? undefined)
  return parsed.success ? parsed.data : undefined
}
const receivingLevel = (org: Org | undefined) => optional<ReceivingLevel>(ReceivingLevel, org?.level)
const supportingLevel = (org: Org | undefined) => optional<SupportingLevel>(SupportingLevel, org?.level)
const kindOf = (org: Org | undefined) => optional<EmployerKind>(EmployerKind, org?.kind)

const overlapDays = (p: { startsOn: string; endsOn: string }, first: string, last: string) => {
  const from = p.startsOn > first ? p.startsOn : first
  const to = p.endsOn < last ? p.endsOn : last
  return from > to ? 0 : Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}

// A province's month judges hundreds of org × policy pairs over 10 000 postings: each looks up its own, not all.
const postingIndexes = new WeakMap<Posting[], { receiving: Map<string, Posting[]>; supporting: Map<string, Posting[]> }>()
function postingsOf(data: MonthData, side: 'receiving' | 'supporting', orgId: string, policyId: string): Posting[] {
  let index = postingIndexes.get(data.postings)
  if (!index) {
    index = { receiving: new Map(), supporting: new Map() }
    const add = (map: Map<string, Posting[]>, key: string, p: Posting) => {
      const list = map.get(key)
      if (list) list.push(p)
      else map.set(key, [p])
    }
    for (const p of data.postings) {
      add(index.receiving, `${p.receivingOrgId} ${p.policyId}`, p)
      add(index.supporting, `${p.supportingOrgId} ${p.policyId}`, p)
    }
    postingIndexes.set(data.postings, index)
  }
  return index[side].get(`${orgId} ${policyId}`) ?? []
}

function monthsFrom(fromMonth: string, toMonth: string): string[] {
  const out: string[] = []
  for (let m = fromMonth; m <= toMonth; m = nextMonth(m)) out.push(m)
  return out
}

function reportWindow(data: MonthData, orgId: string, from: string, to: string): ReportWindow {
  const months = monthsFrom(from.slice(0, 7), [to.slice(0, 7), data.month].sort()[0]!)
  const totals: ReportWindow['totals'] = {}
  const reported: ReportWindow['reported'] = {}
  for (const r of data.reports) {
    if (r.receivingOrgId !== orgId || !months.includes(r.month)) continue
    for (const m of REPORT_MEASURES) {
      const v = (r.fields as Record<string, unknown>)[m]
      if (typeof v !== 'number') continue
      totals[m] = (totals[m] ?? 0) + v
      reported[m] = (reported[m] ?? 0) + 1
    }
  }
  return { from, to, closed: data.today > to, months: months.length, totals, reported }
}

/** A receiving org's month under one policy, from the rows read for the month. */
export function receivingFacts(data: MonthData, orgId: string, policyId: string): ReceivingOrgFacts {
  const org = data.orgs.get(orgId)
  const first = `${data.month}-01`
  const last = lastDayOf(data.month)
  const report = data.reports.find((r) => r.receivingOrgId === orgId && r.month === data.month)
  const doctors = ((report?.fields as { doctors?: Record<string, Record<string, unknown>> } | undefined)?.doctors ?? {}) as Record<string, Record<string, unknown>>
  const people = postingsOf(data, 'receiving', orgId, policyId).map((p) => {
    const activity: ReceivingOrgFacts['people'][number]['activity'] = {}
    const reported = doctors[p.personId]
    if (reported) for (const m of DOCTOR_MEASURES) if (typeof reported[m] === 'number') activity[m] = reported[m] as number
    return {
      postingId: p.id,
      personName: p.personName,
      supportingOrgId: p.supportingOrgId,
      supportingOrgName: data.orgs.get(p.supportingOrgId)?.name ?? p.supportingOrgId,
      mode: optional<PostingMode>(PostingMode, p.mode),
      role: optional<StaffRole>(StaffRole, p.staffRole),
      title: optional<Title>(Title, p.title),
      seniorAttending: p.seniorAttending ?? undefined,
      onPost: p.startsOn <= data.asOf && p.endsOn >= data.asOf,
      daysInMonth: overlapDays(p, first, last),
      presentDays: data.present.get(p.id)?.present,
      apprentices: p.apprentices ?? undefined,
      activity,
    }
  })
  const pairs = data.pairs.filter((p) => p.receivingOrgId === orgId && p.policyId === policyId).sort((a, b) => a.startsOn.localeCompare(b.startsOn))
  const cyclePair = pairs.find((p) => p.endsOn !== null)
  const yearStart = `${data.month.slice(0, 4)}-01-01`
  const yearFrom = pairs[0] && pairs[0].startsOn > yearStart ? pairs[0].startsOn : yearStart
  return {
    month: data.month,
    asOf: data.asOf,
    org: { id: orgId, name: org?.name ?? orgId, level: receivingLevel(org), kind: kindOf(org), deepPovertyCounty: org?.deepPovertyCounty ?? undefined },
    people,
    reportFiled: report !== undefined,
    windows: {
      month: reportWindow(data, orgId, first, last),
      year: reportWindow(data, orgId, yearFrom, `${data.month.slice(0, 4)}-12-31`),
      cycle: cyclePair ? reportWindow(data, orgId, cyclePair.startsOn, cyclePair.endsOn!) : null,
    },
  }
}

/** A supporting hospital's month under one policy: whom it has on post on the day judged, and whom it is paired with. */
export function supportingFacts(data: MonthData, orgId: string, policyId: string): SupportingOrgFacts {
  const org = data.orgs.get(orgId)
  const onPost = postingsOf(data, 'supporting', orgId, policyId).filter((p) => p.startsOn <= data.asOf && p.endsOn >= data.asOf)
  const byPerson = new Map(onPost.map((p) => [p.personId, p]))
  const receiving = new Set(data.pairs.filter((p) => p.supportingOrgId === orgId && p.policyId === policyId && p.startsOn <= data.asOf && (p.endsOn === null || p.endsOn >= data.asOf)).map((p) => p.receivingOrgId))
  return {
    month: data.month,
    asOf: data.asOf,
    org: { id: orgId, name: org?.name ?? orgId, level: supportingLevel(org), kind: kindOf(org), staffCount: org?.staffCount ?? undefined },
    sent: [...byPerson.values()].map((p) => ({ personName: p.personName, receivingLevel: receivingLevel(data.orgs.get(p.receivingOrgId)), mode: optional<PostingMode>(PostingMode, p.mode) })),
    receiving: [...receiving].map((id) => ({ name: data.orgs.get(id)?.name ?? id, level: receivingLevel(data.orgs.get(id)) })),
  }
}
