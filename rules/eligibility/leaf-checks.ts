import type { IsoDate } from '../core/parameter'
import {
  EDUCATION_LABELS,
  EMPLOYER_KIND_LABELS,
  EMPLOYER_LEVEL_LABELS,
  LICENCE_LABELS,
  MAJOR_LABELS,
  TITLE_LABELS,
} from './labels'
import type { Condition } from './programme'
import { EDUCATION_LEVELS, type EmployerLevel, type Profile, type ProfileField, TITLES } from './profile'

/** A criterion that reads profile facts directly (not `anyOf`/`allOf`). */
export type LeafCondition = Exclude<Condition, { check: 'anyOf' | 'allOf' }>

/** What one leaf found: the fact in words and whether the criterion holds, or which facts are missing. */
export type Finding = { holds: boolean; fact: string } | { holds: 'unknown'; missing: ProfileField[] }

const unknown = (...missing: ProfileField[]): Finding => ({ holds: 'unknown', missing })
const yearOf = (date: IsoDate) => Number(date.split('-')[0])
const atLeast = <T>(order: readonly T[], value: T, min: T) => order.indexOf(value) >= order.indexOf(min)

/** A yes/no profile fact: `wanted` is the answer that satisfies the criterion. */
function flag(value: boolean | undefined, field: ProfileField, wanted: boolean, yes: string, no: string): Finding {
  if (value === undefined) return unknown(field)
  return { holds: value === wanted, fact: value ? yes : no }
}

/** The criterion as the applicant reads it, when the data gives no more specific wording. */
export function defaultRequirement(c: LeafCondition): string {
  switch (c.check) {
    case 'education':
      return 'atLeast' in c
        ? `${EDUCATION_LABELS[c.atLeast.value]}及以上学历`
        : `${c.oneOf.value.map((l) => EDUCATION_LABELS[l]).join('或')}学历`
    case 'fullTimeStudy':
      return '全日制学历'
    case 'medicalEducation':
      return '医学类专业学历'
    case 'major':
      return `${c.allowed.value.map((m) => MAJOR_LABELS[m]).join('、')}专业`
    case 'licence':
      return c.allowed.value.map((l) => LICENCE_LABELS[l]).join('或')
    case 'registrationScope':
      return '执业范围注册为临床类别或中医类别全科医学专业'
    case 'gpTraining':
      return '经省级认可的全科医生规范化培养、转岗培训或岗位培训并考核合格'
    case 'title':
      return `${TITLE_LABELS[c.atLeast.value]}及以上`
    case 'age':
      return `选拔当年不超过${c.maxInSelectionYear.value}周岁`
    case 'clinicalYears':
      return `从事临床医疗工作${c.atLeast.value}年以上（含${c.atLeast.value}年）`
    case 'clinicalWork':
      return '已从事临床医疗工作'
    case 'secondaryHospitalExperience':
      return '具有二级以上医院工作经历'
    case 'employerLevel':
      return c.allowed.value.map((l) => EMPLOYER_LEVEL_LABELS[l]).join('或')
    case 'employerKind':
      return c.allowed.value.map((k) => EMPLOYER_KIND_LABELS[k]).join('或')
    case 'inPost':
      return '在岗人员'
    case 'retirement':
      return c.retiredAllowed.value ? '在职或退休人员均可参加' : '在职人员（非退休）'
    case 'leadership':
      return '未担任院级行政领导职务'
    case 'accidentRecord':
      return '未发生承担主要责任的医疗事故'
    case 'establishmentExclusion':
      return `非${c.levels.value.map((l) => EMPLOYER_LEVEL_LABELS[l]).join('、')}在编在岗人员`
  }
}

/**
 * Every fact `findLeaf` reads for this criterion, in a fixed order: two profiles with the same facts get the same
 * finding, so its wording can be shared. Keep the two switches in step (test/rules/eligibility-memo.test.ts).
 */
export function leafFacts(c: LeafCondition, p: Profile, asOf: IsoDate): unknown[] {
  const { education: edu, employer: job } = p
  switch (c.check) {
    case 'education':
      return [edu?.level]
    case 'fullTimeStudy':
      return [edu?.fullTime]
    case 'medicalEducation':
      return [edu?.medical]
    case 'major':
      return [edu?.major]
    case 'licence':
      return [p.licence, edu?.major]
    case 'registrationScope':
      return [p.gpRegistered]
    case 'gpTraining':
      return [p.gpTrainingCompleted]
    case 'title':
      return [p.title]
    case 'age':
      return p.birthDate === undefined ? [undefined, undefined] : [yearOf(asOf), yearOf(p.birthDate)]
    case 'clinicalYears':
      return [p.clinicalYears]
    case 'clinicalWork':
      return [p.clinicalWork, p.clinicalYears === undefined ? undefined : p.clinicalYears > 0, p.licence]
    case 'secondaryHospitalExperience':
      return [p.secondaryHospitalExperience]
    case 'employerLevel':
      return [job?.level]
    case 'employerKind':
      return [job?.kind]
    case 'inPost':
      return [job?.inPost]
    case 'retirement':
      return [p.retired]
    case 'leadership':
      return [p.leadershipPost]
    case 'accidentRecord':
      return [p.majorAccidentLast5Years]
    case 'establishmentExclusion':
      return [p.retired, job?.level, job?.onEstablishment, job?.inPost]
  }
}

/** Reads the facts one leaf criterion needs from the profile. Pure: `asOf` is the selection date. */
export function findLeaf(c: LeafCondition, p: Profile, asOf: IsoDate): Finding {
  const { education: edu, employer: job } = p
  switch (c.check) {
    case 'education': {
      const level = edu?.level
      if (level === undefined) return unknown('education.level')
      const holds = 'atLeast' in c ? atLeast(EDUCATION_LEVELS, level, c.atLeast.value) : c.oneOf.value.includes(level)
      return { holds, fact: `学历为${EDUCATION_LABELS[level]}` }
    }
    case 'fullTimeStudy':
      return flag(edu?.fullTime, 'education.fullTime', true, '学历为全日制', '学历非全日制')
    case 'medicalEducation':
      return flag(edu?.medical, 'education.medical', true, '学历为医学类专业', '学历非医学类专业')
    case 'major': {
      const major = edu?.major
      if (major === undefined) return unknown('education.major')
      return { holds: c.allowed.value.includes(major), fact: `所学专业为${MAJOR_LABELS[major]}` }
    }
    case 'licence': {
      const licence = p.licence
      if (licence === undefined) return unknown('licence')
      const fact = licence === 'none' ? LICENCE_LABELS.none : `持有${LICENCE_LABELS[licence]}`
      if (c.allowed.value.includes(licence) || !c.exemptMajors) return { holds: c.allowed.value.includes(licence), fact }
      const major = edu?.major
      if (major === undefined) return unknown('education.major')
      if (!c.exemptMajors.value.includes(major)) return { holds: false, fact: `${fact}，所学专业为${MAJOR_LABELS[major]}` }
      return { holds: true, fact: `所学专业为${MAJOR_LABELS[major]}，按本专业相应执业资格参加（请确认已取得）` }
    }
    case 'registrationScope':
      return flag(p.gpRegistered, 'gpRegistered', true, '执业范围已注册为全科医学专业', '执业范围未注册为全科医学专业')
    case 'gpTraining':
      return flag(p.gpTrainingCompleted, 'gpTrainingCompleted', true, '已完成省级认可的全科医生培训并考核合格', '未完成省级认可的全科医生培训')
    case 'title': {
      if (p.title === undefined) return unknown('title')
      return { holds: atLeast(TITLES, p.title, c.atLeast.value), fact: `职称为${TITLE_LABELS[p.title]}` }
    }
    case 'age': {
      if (p.birthDate === undefined) return unknown('birthDate')
      // "选拔当年不超过N周岁": the age reached during the selection year, i.e. year arithmetic only.
      const year = yearOf(asOf)
      const age = year - yearOf(p.birthDate)
      return { holds: age <= c.maxInSelectionYear.value, fact: `${year}年（选拔当年）年满${age}周岁` }
    }
    case 'clinicalYears': {
      if (p.clinicalYears === undefined) return unknown('clinicalYears')
      return { holds: p.clinicalYears >= c.atLeast.value, fact: `已从事临床医疗工作${p.clinicalYears}年` }
    }
    case 'clinicalWork':
      return findClinicalWork(p)
    case 'secondaryHospitalExperience':
      return flag(p.secondaryHospitalExperience, 'secondaryHospitalExperience', true, '有二级以上医院工作经历', '没有二级以上医院工作经历')
    case 'employerLevel': {
      if (job?.level === undefined) return unknown('employer.level')
      return { holds: c.allowed.value.includes(job.level), fact: `工作单位为${EMPLOYER_LEVEL_LABELS[job.level]}` }
    }
    case 'employerKind': {
      if (job?.kind === undefined) return unknown('employer.kind')
      return { holds: c.allowed.value.includes(job.kind), fact: `工作单位类别为${EMPLOYER_KIND_LABELS[job.kind]}` }
    }
    case 'inPost':
      return flag(job?.inPost, 'employer.inPost', true, '目前在岗', '目前不在岗')
    case 'retirement': {
      // Where retirees are welcome the fact never matters, so it is never asked for.
      if (c.retiredAllowed.value) {
        return { holds: true, fact: p.retired === true ? '已退休' : p.retired === false ? '在职人员' : '不论是否退休' }
      }
      return flag(p.retired, 'retired', false, '已退休', '在职（未退休）')
    }
    case 'leadership':
      return flag(p.leadershipPost, 'leadershipPost', false, '担任院级行政领导职务', '未担任院级行政领导职务')
    case 'accidentRecord':
      return flag(
        p.majorAccidentLast5Years,
        'majorAccidentLast5Years',
        false,
        '五年内发生过承担主要责任的医疗事故',
        '五年内未发生承担主要责任的医疗事故',
      )
    case 'establishmentExclusion':
      return findExclusion(c.levels.value, p)
  }
}

/** "在编在岗人员不列入招聘范围": excluded only when all three facts hold; any one false clears the applicant. */
function findExclusion(levels: readonly EmployerLevel[], p: Profile): Finding {
  const level = p.employer?.level
  const onEstablishment = p.employer?.onEstablishment
  const inPost = p.employer?.inPost
  if (p.retired === true) return { holds: true, fact: '已退休，不属于在编在岗人员' }
  if (level !== undefined && !levels.includes(level)) return { holds: true, fact: `工作单位为${EMPLOYER_LEVEL_LABELS[level]}` }
  if (onEstablishment === false) return { holds: true, fact: '不在编' }
  if (inPost === false) return { holds: true, fact: '不在岗' }
  if (level !== undefined && onEstablishment && inPost) {
    return { holds: false, fact: `为${EMPLOYER_LEVEL_LABELS[level]}在编在岗人员` }
  }
  const missing: ProfileField[] = []
  if (level === undefined) missing.push('employer.level')
  if (onEstablishment === undefined) missing.push('employer.onEstablishment')
  if (inPost === undefined) missing.push('employer.inPost')
  return unknown(...missing)
}

/**
 * "已从事临床医疗工作" read as written: a yes/no fact, or the years when someone gave them. A 执业医师资格 is only
 * granted after supervised clinical practice, so this deployment takes a physician licence as clinical work when
 * the person has not said otherwise (its own reading, not a quote: the reason says so).
 */
function findClinicalWork(p: Profile): Finding {
  const worked = p.clinicalWork ?? (p.clinicalYears === undefined ? undefined : p.clinicalYears > 0)
  if (worked !== undefined) return { holds: worked, fact: worked ? '已从事临床医疗工作' : '尚未从事临床医疗工作' }
  if (p.licence === 'physician') return { holds: true, fact: '持有执业医师资格（本系统据此视为已从事临床医疗工作）' }
  return unknown('clinicalWork')
}
