import { z } from 'zod'
import { Source } from '../core/source'
import type { Condition, Programme } from './programme'
import { EducationLevel, EmployerKind, EmployerLevel, Licence, Major, Title } from './profile'

const cited = <T extends z.ZodType>(value: T) => z.object({ value, source: Source })
const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1)
const sourced = <C extends string>(check: C) => z.object({ check: z.literal(check), source: Source })

const Leaf = z.union([
  z.object({ check: z.literal('education'), atLeast: cited(EducationLevel) }),
  z.object({ check: z.literal('education'), oneOf: cited(nonEmpty(EducationLevel)) }),
  z.object({ check: z.literal('major'), allowed: cited(nonEmpty(Major)) }),
  z.object({ check: z.literal('licence'), allowed: cited(nonEmpty(Licence)), exemptMajors: cited(nonEmpty(Major)).optional() }),
  z.object({ check: z.literal('title'), atLeast: cited(Title) }),
  z.object({ check: z.literal('age'), maxInSelectionYear: cited(z.number().int().positive()) }),
  z.object({ check: z.literal('clinicalYears'), atLeast: cited(z.number().positive()) }),
  z.object({ check: z.literal('employerLevel'), allowed: cited(nonEmpty(EmployerLevel)) }),
  z.object({ check: z.literal('employerKind'), allowed: cited(nonEmpty(EmployerKind)) }),
  z.object({ check: z.literal('retirement'), retiredAllowed: cited(z.boolean()) }),
  z.object({ check: z.literal('establishmentExclusion'), levels: cited(nonEmpty(EmployerLevel)) }),
  sourced('fullTimeStudy'),
  sourced('medicalEducation'),
  sourced('registrationScope'),
  sourced('gpTraining'),
  sourced('clinicalWork'),
  sourced('secondaryHospitalExperience'),
  sourced('inPost'),
  sourced('leadership'),
  sourced('accidentRecord'),
])

const Requirement = z.object({ requirement: z.string().min(1).optional() })

/** Runtime shape of a `Condition`, recursive through `anyOf`/`allOf`. */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.intersection(Leaf, Requirement),
    z.intersection(
      z.object({
        check: z.enum(['anyOf', 'allOf']),
        name: z.string().min(1),
        source: Source,
        conditions: nonEmpty(ConditionSchema),
        requirement: z.string().min(1),
      }),
      Requirement,
    ),
  ]),
) as z.ZodType<Condition>

const Statement = z.object({ text: z.string().min(1), source: Source })

const ProgrammeSchema = z.object({
  id: z.string().regex(/^[a-z\d-]+\/[a-z-]+$/),
  name: z.string().min(1),
  period: z.object({ description: z.string().min(1), unit: z.string(), values: z.record(z.string(), z.unknown()) }),
  conditions: z.array(ConditionSchema),
  attestations: z.array(Statement),
  obligations: z.array(Statement),
  benefits: z.array(Statement),
})

/** Validates programme data at load (so a bundled pack fails fast) and returns it unchanged. */
export function defineProgramme(programme: Programme): Programme {
  ProgrammeSchema.parse(programme)
  return programme
}
