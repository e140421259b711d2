import { expect } from 'vitest'
import { evaluateEligibility } from '../../rules/eligibility/evaluate'
import type { Profile, ProfileField } from '../../rules/eligibility/profile'

/** A date inside every Henan 2015 programme period except 订单定向 (enrolment ended with 2015). */
export const ON = '2016-06-01'

/** Profiles that qualify, one per programme, written from each 附件's 培训对象/资格条件. */
export const ELIGIBLE: Record<string, { profile: Profile; on: string }> = {
  'henan-2015/graduate-recruitment': {
    profile: { education: { level: 'bachelor', fullTime: true, medical: true, major: 'clinical' } },
    on: ON,
  },
  'henan-2015/special-post-gp': {
    profile: { licence: 'physician', gpRegistered: true, employer: { level: 'county', onEstablishment: true, inPost: true } },
    on: ON,
  },
  'henan-2015/oriented-student': { profile: {}, on: '2015-09-01' },
  'henan-2015/backbone-county-hospital': {
    profile: { education: { level: 'bachelor' }, title: 'intermediate', employer: { level: 'county', kind: 'general' } },
    on: ON,
  },
  'henan-2015/backbone-maternal-child': { profile: { employer: { level: 'county', kind: 'maternalChild' } }, on: ON },
  'henan-2015/backbone-county-tcm': {
    profile: {
      birthDate: '1975-06-01',
      education: { level: 'associate' },
      title: 'intermediate',
      employer: { level: 'county', kind: 'tcm' },
      leadershipPost: false,
      majorAccidentLast5Years: false,
    },
    on: ON,
  },
  'henan-2015/tcm-specialty-leader': {
    profile: {
      birthDate: '1975-06-01',
      education: { level: 'bachelor' },
      title: 'associateSenior',
      employer: { level: 'county', kind: 'tcm' },
      leadershipPost: false,
      majorAccidentLast5Years: false,
    },
    on: ON,
  },
  'henan-2015/backbone-township': { profile: { employer: { level: 'township', inPost: true }, retired: false }, on: ON },
  'henan-2015/community-technician': {
    profile: { employer: { level: 'community', inPost: true }, licence: 'assistantPhysician' },
    on: ON,
  },
  'henan-2015/gp-conversion': {
    profile: { employer: { level: 'township' }, retired: false, licence: 'assistantPhysician' },
    on: ON,
  },
  'henan-2015/degree-upgrade': {
    profile: { education: { level: 'associate', medical: true }, employer: { level: 'township' }, retired: false },
    on: ON,
  },
  'henan-2015/residency': {
    profile: { education: { level: 'bachelor', major: 'clinical' }, employer: { level: 'township' } },
    on: ON,
  },
  'henan-2015/red-cross-volunteer': { profile: { licence: 'physician', title: 'intermediate' }, on: ON },
}

/** The eligible profile of `programme` with some facts changed (nested objects merged one level deep). */
export function variant(programme: string, patch: Profile): Profile {
  const base = ELIGIBLE[programme]!.profile
  return {
    ...base,
    ...patch,
    education: patch.education ? { ...base.education, ...patch.education } : base.education,
    employer: patch.employer ? { ...base.employer, ...patch.employer } : base.employer,
  }
}

/** One row of a clause table: what the text says should happen to this profile on this date. */
export interface Case {
  clause: string
  name: string
  programme: string
  profile: Profile
  on?: string
  eligible: true | false | 'unknown'
  /** For `false`: the top-level check that fails. */
  failed?: string
  /** For `unknown`: exactly the fields the answer waits for. */
  missing?: ProfileField[]
}

/** Turns rows into `test.each` arguments labelled "clause — name". */
export const rows = (cases: Case[]) => cases.map((c) => [`${c.clause} — ${c.name}`, c] as const)

/** Runs one row and checks the answer, the failing check, and the missing facts. */
export function expectCase(c: Case): void {
  const result = evaluateEligibility(c.profile, c.programme, c.on ?? ON)
  expect(result.eligible).toBe(c.eligible)
  if (c.eligible === false) {
    const failed = result.checks.filter((k) => k.status === 'failed').map((k) => k.name)
    if (c.failed) expect(failed).toContain(c.failed)
    expect(result.missing).toEqual([])
    expect(result.reasons.length).toBeGreaterThan(0)
  }
  if (c.eligible === 'unknown') expect(result.missing).toEqual(c.missing ?? [])
  if (c.eligible === true) expect(result.missing).toEqual([])
  for (const reason of result.reasons) expect(reason.source.document).toBe('豫卫发〔2015〕2号')
}
