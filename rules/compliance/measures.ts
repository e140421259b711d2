import type { DoctorMeasure, ReportMeasure } from './types'

// Which 月报 number counts toward which provision: the link between the texts' keys and the form's fields. Keys not
// listed here (regional totals, notes, attestations) are not judged from the 月报.

/** Provisions counted per posted doctor from the month's 月报. */
export const DOCTOR_MEASURE_OF: Record<string, DoctorMeasure> = {
  outpatientHalfDays: 'outpatientHalfDays',
  teachingRounds: 'teachingRounds',
  clinicalTeaching: 'clinicalTeaching',
}

/** Provisions counted per receiving org, summed over the provision's window; 四个一 counts four numbers. */
export const REPORT_MEASURES_OF: Record<string, ReportMeasure[]> = {
  specialties: ['newSpecialties'],
  appropriateTechniques: ['appropriateTechniques'],
  fellowships: ['fellowsSent'],
  remoteTeaching: ['remoteSessions'],
  newServices: ['newServices'],
  fourOnes: ['urgentNeeds', 'weakLinks', 'techTeams', 'newServices'],
}
