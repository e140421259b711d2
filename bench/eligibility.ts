import {
  EDUCATION_LEVELS,
  EMPLOYER_KINDS,
  EMPLOYER_LEVELS,
  LICENCES,
  MAJORS,
  type Profile,
  TITLES,
} from '../rules/eligibility/profile'
import { evaluateAll, PROGRAMMES } from '../rules'
import { random } from '../src/demo/random'

export interface EligibilityResult {
  name: 'eligibility'
  applicants: number
  programmes: number
  measuredMs: number
  answers: number
  applicantsPerSecond: number
  programmesPerSecond: number
  /** Answers per outcome over one pass of every applicant, so a change that alters results shows up here too. */
  outcomes: { eligible: number; ineligible: number; unknown: number }
}

const APPLICANTS = 5_000
const WARMUP_MS = 500
const MEASURE_MS = 2_000
// Dates inside the programme periods, at their edges, and after them: each dated regime gets exercised.
const DATES = ['2015-03-01', '2015-09-01', '2016-06-01', '2018-12-31', '2021-01-01', '2026-10-15']

/** Applicants tell some facts and leave others out, as in a real dialogue, so unknown answers are common too. */
export function applicants(count: number, seed = 2015): { profile: Profile; on: string }[] {
  const rand = random(seed)
  const told = () => rand() < 0.75
  const pick = <T>(from: readonly T[]) => from[Math.floor(rand() * from.length)]!
  const flag = () => (told() ? rand() < 0.5 : undefined)
  return Array.from({ length: count }, () => {
    const profile: Profile = {}
    if (told()) profile.birthDate = `${1960 + Math.floor(rand() * 45)}-0${1 + Math.floor(rand() * 9)}-15`
    if (told()) profile.education = { level: told() ? pick(EDUCATION_LEVELS) : undefined, fullTime: flag(), medical: flag(), major: told() ? pick(MAJORS) : undefined }
    if (told()) profile.licence = pick(LICENCES)
    profile.gpRegistered = flag()
    profile.gpTrainingCompleted = flag()
    if (told()) profile.title = pick(TITLES)
    if (told()) profile.clinicalYears = Math.floor(rand() * 30)
    profile.secondaryHospitalExperience = flag()
    if (told()) profile.employer = { level: told() ? pick(EMPLOYER_LEVELS) : undefined, kind: told() ? pick(EMPLOYER_KINDS) : undefined, onEstablishment: flag(), inPost: flag() }
    profile.retired = flag()
    profile.leadershipPost = flag()
    profile.majorAccidentLast5Years = flag()
    return { profile, on: pick(DATES) }
  })
}

/** Eligibility answers per second: one applicant against every programme, as `POST /api/eligibility` asks. */
export function benchEligibility(): EligibilityResult {
  const people = applicants(APPLICANTS)
  let next = 0
  const outcomes = { eligible: 0, ineligible: 0, unknown: 0 }
  for (const { profile, on } of people) {
    for (const r of evaluateAll(profile, on)) outcomes[r.eligible === true ? 'eligible' : r.eligible === false ? 'ineligible' : 'unknown']++
  }
  const runFor = (ms: number) => {
    let done = 0
    const until = performance.now() + ms
    while (performance.now() < until) {
      // Checking the clock every hundred answers keeps its cost out of the measurement.
      for (let i = 0; i < 100; i++) {
        const { profile, on } = people[next]!
        next = (next + 1) % people.length
        evaluateAll(profile, on)
      }
      done += 100
    }
    return done
  }
  runFor(WARMUP_MS)
  const started = performance.now()
  const answers = runFor(MEASURE_MS)
  const measuredMs = performance.now() - started
  const perSecond = (answers * 1000) / measuredMs
  return {
    name: 'eligibility',
    applicants: APPLICANTS,
    programmes: PROGRAMMES.length,
    measuredMs: Math.round(measuredMs),
    answers,
    applicantsPerSecond: Math.round(perSecond),
    programmesPerSecond: Math.round(perSecond * PROGRAMMES.length),
    outcomes,
  }
}
