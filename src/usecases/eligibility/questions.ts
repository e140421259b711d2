import { parseDay, parseWholeNumber } from '../../domain/strict-input'
import {
  EDUCATION_LABELS,
  EMPLOYER_KIND_LABELS,
  EMPLOYER_LEVEL_LABELS,
  FIELD_LABELS,
  LICENCE_LABELS,
  MAJOR_LABELS,
  TITLE_LABELS,
} from '../../../rules/eligibility/labels'
import { PROGRAMMES } from '../../../rules'
import type { Profile, ProfileField } from '../../../rules/eligibility/profile'
import type { ReplyForm } from '../../domain/reply'
import type { Lang } from '../../domain/command'

type Answer = { ok: true; value: unknown } | { ok: false; hint: string }

interface Question {
  ask(lang: Lang): string
  parse(text: string, lang: Lang): Answer
}

const YES = /^(是|是的|对|有|在|y|yes|true)$/i
const NO = /^(否|不是|不|没有|无|不在|n|no|false)$/i

const yesNo = (field: ProfileField, en: string): Question => ({
  ask: (lang) => (lang === 'en' ? `${en}? (yes / no)` : `请问：${FIELD_LABELS[field]}？（回答 是 / 否）`),
  parse: (text, lang) =>
    YES.test(text) ? { ok: true, value: true } : NO.test(text) ? { ok: true, value: false } : { ok: false, hint: lang === 'en' ? 'Please answer yes or no.' : '请回答“是”或“否”。' },
})

function choice<K extends string>(field: ProfileField, labels: Record<K, string>, en: string): Question {
  const keys = Object.keys(labels) as K[]
  return {
    ask: (lang) => `${lang === 'en' ? `${en}? Reply with a number:` : `请问：${FIELD_LABELS[field]}？请回复序号：`}\n${keys.map((k, i) => `${i + 1}. ${labels[k]}`).join('\n')}`,
    parse: (text, lang) => {
      const n = parseWholeNumber(text, { min: 1, max: keys.length, label: { zh: '序号', en: 'The number' } })
      const key = n.ok ? keys[n.value - 1] : keys.find((k) => labels[k] === text || k.toLowerCase() === text.toLowerCase())
      return key ? { ok: true, value: key } : { ok: false, hint: lang === 'en' ? `Please reply with a number from 1 to ${keys.length}.` : `请回复 1 到 ${keys.length} 之间的序号。` }
    },
  }
}

/** Anyone asking was born in the last century or this one, before this deployment's last year. */
const BIRTH_YEARS = { min: 1900, max: 2099 }

const QUESTIONS: Record<ProfileField, Question> = {
  birthDate: {
    ask: (lang) => (lang === 'en' ? 'Your date of birth? (e.g. 1985-06-01)' : '请问您的出生日期？（例如 1985-06-01）'),
    parse: (text, lang) => {
      const day = parseDay(text, { years: BIRTH_YEARS })
      return day.ok ? { ok: true, value: day.value } : { ok: false, hint: `${day.reason[lang]}${lang === 'en' ? '. Please give the date as YYYY-MM-DD, e.g. 1985-06-01.' : '。请按“年-月-日”填写，例如 1985-06-01。'}` }
    },
  },
  'education.level': choice('education.level', EDUCATION_LABELS, 'Highest education'),
  'education.fullTime': yesNo('education.fullTime', 'Was your highest degree full-time study'),
  'education.medical': yesNo('education.medical', 'Is your degree in a medical subject'),
  'education.major': choice('education.major', MAJOR_LABELS, 'Your major'),
  licence: choice('licence', LICENCE_LABELS, 'Your practising licence'),
  gpRegistered: yesNo('gpRegistered', 'Is general practice registered as your scope of practice'),
  gpTrainingCompleted: yesNo('gpTrainingCompleted', 'Have you completed and passed provincially recognised GP training'),
  title: choice('title', TITLE_LABELS, 'Your professional title'),
  clinicalYears: {
    ask: (lang) => (lang === 'en' ? 'How many years of clinical work do you have? (a number, e.g. 3)' : '请问您从事临床医疗工作几年了？（填数字，例如 3）'),
    parse: (text, lang) => {
      const years = parseWholeNumber(text.trim().replace(/年$/, ''), { min: 0, max: 79, label: { zh: '年数', en: 'The number of years' } })
      return years.ok ? { ok: true, value: years.value } : { ok: false, hint: lang === 'en' ? `${years.reason.en}, e.g. 3.` : `${years.reason.zh}，例如 3。` }
    },
  },
  clinicalWork: yesNo('clinicalWork', 'Do you already do clinical medical work'),
  secondaryHospitalExperience: yesNo('secondaryHospitalExperience', 'Have you worked in a secondary (or higher) hospital'),
  'employer.level': choice('employer.level', EMPLOYER_LEVEL_LABELS, 'Where do you work'),
  'employer.kind': choice('employer.kind', EMPLOYER_KIND_LABELS, 'What kind of institution'),
  'employer.onEstablishment': yesNo('employer.onEstablishment', 'Are you on the establishment (在编)'),
  'employer.inPost': yesNo('employer.inPost', 'Are you currently in post'),
  retired: yesNo('retired', 'Are you retired'),
  leadershipPost: yesNo('leadershipPost', 'Do you hold a hospital leadership post'),
  majorAccidentLast5Years: yesNo('majorAccidentLast5Years', 'In the last five years, were you mainly responsible for a medical accident'),
}

export function questionFor(field: ProfileField, lang: Lang): string {
  return QUESTIONS[field].ask(lang)
}

export function parseAnswer(field: ProfileField, text: string, lang: Lang): Answer {
  return QUESTIONS[field].parse(text.trim(), lang)
}

/** Sets a dotted profile field (`education.level`) on a copy of the profile. */
export function withField(profile: Profile, field: ProfileField, value: unknown): Profile {
  const [head, tail] = field.split('.') as [keyof Profile, string | undefined]
  if (!tail) return { ...profile, [head]: value }
  return { ...profile, [head]: { ...(profile[head] as object | undefined), [tail]: value } }
}

export function isProfileField(key: string): key is ProfileField {
  return key in QUESTIONS
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))
const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
]

/** The facts most programmes ask about, as one form; anything left open is asked afterwards, one question at a time. */
export function eligibilityForm(lang: Lang): ReplyForm {
  const en = lang === 'en'
  return {
    fields: [
      { name: 'programme', label: en ? 'Programme (all if empty)' : '计划（不选则评估全部）', kind: 'select', required: false, options: PROGRAMMES.map((p) => ({ value: p.name, label: p.name })) },
      { name: 'birthDate', label: FIELD_LABELS.birthDate, kind: 'date', required: false },
      { name: 'educationLevel', label: FIELD_LABELS['education.level'], kind: 'select', required: false, options: options(EDUCATION_LABELS) },
      { name: 'major', label: FIELD_LABELS['education.major'], kind: 'select', required: false, options: options(MAJOR_LABELS) },
      { name: 'licence', label: FIELD_LABELS.licence, kind: 'select', required: false, options: options(LICENCE_LABELS) },
      { name: 'title', label: FIELD_LABELS.title, kind: 'select', required: false, options: options(TITLE_LABELS) },
      { name: 'clinicalWork', label: FIELD_LABELS.clinicalWork, kind: 'select', required: false, options: YES_NO },
      { name: 'clinicalYears', label: FIELD_LABELS.clinicalYears, kind: 'number', required: false },
      { name: 'employerLevel', label: FIELD_LABELS['employer.level'], kind: 'select', required: false, options: options(EMPLOYER_LEVEL_LABELS) },
      { name: 'onEstablishment', label: FIELD_LABELS['employer.onEstablishment'], kind: 'select', required: false, options: YES_NO },
      { name: 'retired', label: FIELD_LABELS.retired, kind: 'select', required: false, options: YES_NO },
    ],
    command:
      '资格 {programme} birthDate={birthDate} education.level={educationLevel} education.major={major} licence={licence} title={title} clinicalWork={clinicalWork} clinicalYears={clinicalYears} employer.level={employerLevel} employer.onEstablishment={onEstablishment} retired={retired}',
    submitLabel: en ? 'Check' : '评估',
  }
}
