/** A 40-year-old licensed physician with ten years of clinical work at a county hospital, off the township establishment. */
export const COUNTY_DOCTOR = {
  birthDate: '1976-03-02',
  licence: 'physician',
  clinicalYears: 10,
  secondaryHospitalExperience: true,
  title: 'intermediate',
  education: { level: 'bachelor', fullTime: true, medical: true, major: 'clinical' },
  employer: { level: 'county', kind: 'general', onEstablishment: true, inPost: true },
}
