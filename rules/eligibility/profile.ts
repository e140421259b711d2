import { z } from 'zod'
import { IsoDate } from '../core/parameter'

// Orders matter: "X以上" thresholds compare positions in these lists.
/** Education levels, lowest first. */
export const EDUCATION_LEVELS = ['secondary', 'associate', 'bachelor', 'master', 'doctorate'] as const
/** Professional titles, lowest first (住院医师/医师 → 主任医师). */
export const TITLES = ['none', 'junior', 'intermediate', 'associateSenior', 'senior'] as const
export const LICENCES = ['none', 'assistantPhysician', 'physician'] as const
export const MAJORS = [
  'clinical',
  'stomatology',
  'tcm',
  'integrated',
  'preventive',
  'nursing',
  'pharmacy',
  'medicalTechnology',
  'other',
] as const
export const EMPLOYER_LEVELS = ['none', 'village', 'township', 'community', 'county', 'city', 'province', 'private'] as const
export const EMPLOYER_KINDS = ['general', 'tcm', 'maternalChild', 'cdc', 'supervision', 'other'] as const

export const EducationLevel = z.enum(EDUCATION_LEVELS)
export type EducationLevel = z.infer<typeof EducationLevel>
export const Title = z.enum(TITLES)
export type Title = z.infer<typeof Title>
export const Licence = z.enum(LICENCES)
export type Licence = z.infer<typeof Licence>
export const Major = z.enum(MAJORS)
export type Major = z.infer<typeof Major>
export const EmployerLevel = z.enum(EMPLOYER_LEVELS)
export type EmployerLevel = z.infer<typeof EmployerLevel>
export const EmployerKind = z.enum(EMPLOYER_KINDS)
export type EmployerKind = z.infer<typeof EmployerKind>

/** What an applicant tells us about themselves; every field is optional because absent means unknown, not "no". */
export const Profile = z.object({
  birthDate: IsoDate.optional(),
  education: z
    .object({
      level: EducationLevel.optional(),
      fullTime: z.boolean().optional(),
      medical: z.boolean().optional(),
      major: Major.optional(),
    })
    .optional(),
  licence: Licence.optional(),
  gpRegistered: z.boolean().optional(),
  gpTrainingCompleted: z.boolean().optional(),
  title: Title.optional(),
  clinicalYears: z.number().nonnegative().optional(),
  /**
   * 已从事临床医疗工作, as a yes/no fact: Henan 附件7 二(一) admits "已从事临床医疗工作并取得执业医师资格证书" with no
   * number of years, so the years are never asked for it.
   */
  clinicalWork: z.boolean().optional(),
  secondaryHospitalExperience: z.boolean().optional(),
  employer: z
    .object({
      level: EmployerLevel.optional(),
      kind: EmployerKind.optional(),
      onEstablishment: z.boolean().optional(),
      inPost: z.boolean().optional(),
    })
    .optional(),
  retired: z.boolean().optional(),
  leadershipPost: z.boolean().optional(),
  majorAccidentLast5Years: z.boolean().optional(),
})
export type Profile = z.infer<typeof Profile>

/** A profile field path, as named in `missing` so a dialogue can ask for exactly that fact. */
export type ProfileField =
  | 'birthDate'
  | 'education.level'
  | 'education.fullTime'
  | 'education.medical'
  | 'education.major'
  | 'licence'
  | 'gpRegistered'
  | 'gpTrainingCompleted'
  | 'title'
  | 'clinicalYears'
  | 'clinicalWork'
  | 'secondaryHospitalExperience'
  | 'employer.level'
  | 'employer.kind'
  | 'employer.onEstablishment'
  | 'employer.inPost'
  | 'retired'
  | 'leadershipPost'
  | 'majorAccidentLast5Years'
