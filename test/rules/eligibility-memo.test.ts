import { describe, expect, test, vi } from 'vitest'
import {
  EDUCATION_LEVELS,
  EMPLOYER_KINDS,
  EMPLOYER_LEVELS,
  LICENCES,
  MAJORS,
  type Profile,
  TITLES,
} from '../../rules/eligibility/profile'
import { random } from '../../src/demo/random'

// Answers share the checks worded for earlier applicants with the same facts (rules/core/memo.ts). If a criterion's
// memory missed a fact its finding reads, an applicant would get the answer of whoever came first with the other
// facts equal: the same applicants asked in another order, in a fresh copy of the rules, would then be answered
// differently.

const DATES = ['2014-12-31', '2015-06-01', '2016-01-01', '2019-12-31', '2020-12-31', '2021-01-01', '2026-12-02']

function applicants(count: number, seed: number): { profile: Profile; on: string }[] {
  const rand = random(seed)
  const told = () => rand() < 0.7
  const pick = <T>(from: readonly T[]) => from[Math.floor(rand() * from.length)]!
  const flag = () => (told() ? rand() < 0.5 : undefined)
  return Array.from({ length: count }, () => {
    const profile: Profile = {}
    if (told()) profile.birthDate = `${1955 + Math.floor(rand() * 50)}-${pick(['01', '06', '12'])}-${pick(['01', '15', '31'])}`
    if (told()) profile.education = { level: told() ? pick(EDUCATION_LEVELS) : undefined, fullTime: flag(), medical: flag(), major: told() ? pick(MAJORS) : undefined }
    if (told()) profile.licence = pick(LICENCES)
    profile.gpRegistered = flag()
    profile.gpTrainingCompleted = flag()
    if (told()) profile.title = pick(TITLES)
    if (told()) profile.clinicalYears = pick([0, 0.5, 1, 2, 3, 4.9, 5, 8, 10, 25])
    profile.clinicalWork = flag()
    profile.secondaryHospitalExperience = flag()
    if (told()) profile.employer = { level: told() ? pick(EMPLOYER_LEVELS) : undefined, kind: told() ? pick(EMPLOYER_KINDS) : undefined, onEstablishment: flag(), inPost: flag() }
    profile.retired = flag()
    profile.leadershipPost = flag()
    profile.majorAccidentLast5Years = flag()
    return { profile, on: pick(DATES) }
  })
}

async function freshRules() {
  vi.resetModules()
  return import('../../rules')
}

describe('eligibility answers do not depend on who asked before', () => {
  // Two fresh copies of the rules and 6 000 answers of 13 programmes each: seconds on a loaded CI machine, hence the longer timeout.
  test('3 000 applicants asked in one order and in the reverse order, each in a fresh copy of the rules, get the same answers', { timeout: 60_000 }, async () => {
    const people = applicants(3_000, 20261202)
    const forward = await freshRules()
    const inOrder = people.map(({ profile, on }) => JSON.stringify(forward.evaluateAll(profile, on)))
    const backward = await freshRules()
    const reversed = [...people].reverse().map(({ profile, on }) => JSON.stringify(backward.evaluateAll(profile, on)))
    reversed.reverse()
    const differing = people.filter((_, i) => inOrder[i] !== reversed[i])
    expect(differing).toEqual([])
    // The applicants do meet every outcome, so the comparison covers passed, failed and open checks alike.
    const outcomes = new Set(inOrder.flatMap((answers) => (JSON.parse(answers) as { eligible: unknown }[]).map((r) => r.eligible)))
    expect(outcomes).toEqual(new Set([true, false, 'unknown']))
  })

  test('a shared check cannot be changed by one caller under another', async () => {
    const { evaluateAll } = await freshRules()
    const profile: Profile = { education: { level: 'bachelor', fullTime: true, medical: true, major: 'clinical' }, licence: 'physician' }
    const [first] = evaluateAll(profile, '2016-06-01')
    const check = first!.checks[1]!
    expect(() => {
      ;(check as { reason: string }).reason = 'changed'
    }).toThrow(TypeError)
    expect(evaluateAll(profile, '2016-06-01')[0]!.checks[1]!.reason).toBe(check.reason)
  })
})
