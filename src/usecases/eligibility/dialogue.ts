import type { Db } from '../../../db/client'
import type { OrgKind, OrgLevel } from '../../../db/schema'
import { type Account, endConversation, findConversation, saveConversation } from '../../../db/repositories/conversations'
import { tenantSuccessors } from '../policy/successors'
import { findPersonFacts } from '../../../db/repositories/people'
import { evaluateAll, FIELD_LABELS, type EligibilityResult, type Profile, type ProfileField } from '../../../rules'
import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'
import { normalizeInput, parseDay } from '../../domain/strict-input'
import { shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { ELIGIBILITY_YEARS, matchProgrammes } from './ask'
import { formatResults } from './format'
import { eligibilityScope } from './packs'
import { withImpliedFacts } from './implied-facts'
import { eligibilityForm, isProfileField, parseAnswer, questionFor, withField } from './questions'

export const ELIGIBILITY_DIALOGUE = 'eligibility'
/** An unanswered question older than this is dropped, so a stray message days later is not taken as an answer. */
export const DIALOGUE_TIMEOUT_MINUTES = 30

interface DialogueState {
  programmes: string[]
  on: string
  profile: Profile
  skipped: ProfileField[]
  asking: ProfileField
  /** The language the dialogue began in: a reply like “3” says nothing about it. */
  lang: Lang
}

const SKIP = /^(跳过|不知道|不清楚|skip|don'?t know)$/i
const CANCEL = /^(取消|退出|结束|cancel|quit|stop)$/i
const DATE_IN_TEXT = /(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)/

/**
 * 资格 [programme phrase] [YYYY-MM-DD]: answers at once when nothing is missing, otherwise asks for the missing facts
 * one at a time, the fact that most programmes still need first. A registered user is not asked what we know.
 */
export async function startEligibility(
  deps: UseCaseDeps,
  input: { account: Account; personId: string | null; args: string; lang: Lang },
): Promise<Reply> {
  const given = readGivenFacts(input.args, input.lang)
  if (!given.ok) return { tone: 'warning', text: given.problems.join('\n') }
  const rest = normalizeInput(given.rest)
  const dateText = DATE_IN_TEXT.exec(rest)?.[1]
  const asked = dateText ? parseDay(dateText, { years: ELIGIBILITY_YEARS }) : null
  if (asked && !asked.ok) return { tone: 'warning', text: input.lang === 'en' ? `${asked.reason.en}. Example: eligibility GP 2016-05-01` : `${asked.reason.zh}。例如：资格 特岗全科 2016-05-01` }
  const on = asked?.value ?? shanghaiDate(deps.clock.now())
  const phrase = (dateText ? rest.replace(dateText, '') : rest).trim()
  // Asked without a programme, a person is answered about their own posting's or deployment's packs first.
  const scope = phrase ? null : await eligibilityScope(deps.db, { tenantId: input.account.tenantId, personId: input.personId, today: shanghaiDate(deps.clock.now()), successors: await tenantSuccessors(deps.db, input.account.tenantId), lang: input.lang })
  if (scope && scope.programmes.length === 0) {
    const hint = input.lang === 'en' ? 'Send “eligibility <programme>” to check a programme of another document, e.g. “eligibility 特岗全科”.' : '发送“资格 计划名”可评估其他文件的计划，例如“资格 特岗全科”。'
    return { tone: 'info', title: input.lang === 'en' ? 'Eligibility' : '资格评估', text: `${scope.note}

${hint}` }
  }
  const programmes = scope?.programmes ?? matchProgrammes(phrase)
  if (programmes.length === 0) {
    return {
      tone: 'warning',
      text: input.lang === 'en'
        ? `No programme matches “${phrase}”. Send “eligibility” alone to check all programmes.`
        : `没有找到与“${phrase}”匹配的计划。直接发送“资格”可评估全部计划。`,
    }
  }
  const known = input.personId ? await knownFacts(deps.db, input.personId) : {}
  const profile = given.facts.reduce((p, [field, value]) => withField(p, field, value), known)
  return advance(deps, input.account, { programmes, on, profile, skipped: [], lang: input.lang }, true, scope?.note)
}

/** Takes a chat line as the answer to the open question; returns null when there is no dialogue to continue. */
export async function continueEligibility(deps: UseCaseDeps, input: { account: Account; text: string }): Promise<Reply | null> {
  const conversation = await findConversation(deps.db, input.account)
  if (!conversation || conversation.kind !== ELIGIBILITY_DIALOGUE) return null
  const now = deps.clock.now()
  if (now.getTime() - conversation.updatedAt.getTime() > DIALOGUE_TIMEOUT_MINUTES * 60_000) {
    await endConversation(deps.db, input.account)
    return null
  }
  const state = conversation.state as DialogueState
  const { lang } = state
  const text = input.text.trim()
  if (CANCEL.test(text)) {
    await endConversation(deps.db, input.account)
    return { tone: 'info', text: lang === 'en' ? 'Eligibility check cancelled.' : '已取消资格评估。' }
  }
  if (SKIP.test(text)) return advance(deps, input.account, { ...state, skipped: [...state.skipped, state.asking] }, false)
  const answer = parseAnswer(state.asking, text, lang)
  if (!answer.ok) return { tone: 'warning', text: `${answer.hint}\n${questionFor(state.asking, lang)}` }
  return advance(deps, input.account, { ...state, profile: withField(state.profile, state.asking, answer.value) }, false)
}

const FACT = /(?:^|\s)([a-zA-Z.]+)=(\S*)/g

/** `birthDate=1976-03-02 title=intermediate …` in the arguments (a submitted form, or typed): facts given up front. */
function readGivenFacts(args: string, lang: Lang): { ok: true; facts: [ProfileField, unknown][]; rest: string } | { ok: false; problems: string[] } {
  const facts: [ProfileField, unknown][] = []
  const problems: string[] = []
  for (const [, key, value] of args.matchAll(FACT)) {
    if (!value) continue
    if (!isProfileField(key!)) {
      problems.push(lang === 'en' ? `Unknown field “${key}”.` : `不认识的项目“${key}”。`)
      continue
    }
    const answer = parseAnswer(key, value, lang)
    if (answer.ok) facts.push([key, answer.value])
    else problems.push(`${FIELD_LABELS[key]}：${answer.hint}`)
  }
  return problems.length ? { ok: false, problems } : { ok: true, facts, rest: args.replace(FACT, ' ').trim() }
}

/** `note` (the packs without programmes) leads the first reply only. */
async function advance(deps: UseCaseDeps, account: Account, state: Omit<DialogueState, 'asking'>, first: boolean, note = ''): Promise<Reply> {
  const lead = note ? `${note}\n\n` : ''
  const { lang } = state
  const results = evaluateAll(withImpliedFacts(state.profile), state.on, state.programmes, await tenantSuccessors(deps.db, account.tenantId))
  const next = nextQuestion(results, state.skipped)
  if (!next) {
    await endConversation(deps.db, account)
    return { tone: 'info', title: lang === 'en' ? 'Eligibility' : '资格评估', text: `${lead}${formatResults(results, state.on, lang)}` }
  }
  await saveConversation(deps.db, account, ELIGIBILITY_DIALOGUE, { ...state, asking: next }, deps.clock.now())
  const intro = first
    ? lead + (lang === 'en'
      ? `I need a few facts to check ${state.programmes.length} programme(s) as of ${state.on}. Reply “skip” if you don't know, “cancel” to stop.\n`
      : `为评估 ${state.programmes.length} 项计划（按 ${state.on} 的政策），需要了解几项情况。不清楚可回复“跳过”，回复“取消”可结束。\n`)
    : ''
  // The first question comes with the whole form, for platforms that show one (a Feishu card).
  return { tone: 'info', ...(first ? { title: lang === 'en' ? 'Eligibility' : '资格评估', form: eligibilityForm(lang) } : {}), text: `${intro}${questionFor(next, lang)}` }
}

/** The missing fact most of the still-open programmes need; ties go to the order of the profile. */
function nextQuestion(results: EligibilityResult[], skipped: ProfileField[]): ProfileField | null {
  const counts = new Map<ProfileField, number>()
  for (const r of results) for (const f of r.missing) if (!skipped.includes(f)) counts.set(f, (counts.get(f) ?? 0) + 1)
  let best: ProfileField | null = null
  for (const [field, n] of counts) if (best === null || n > counts.get(best)!) best = field
  const first = best && ASK_FIRST[best]
  return first && counts.has(first) ? first : best
}

/**
 * A fact asked before another because its answer can settle that one: 在岗 yes means not retired (withImpliedFacts),
 * and a physician licence counts as clinical work (rules/eligibility/leaf-checks), so the second is then never asked.
 */
const ASK_FIRST: Partial<Record<ProfileField, ProfileField>> = { retired: 'employer.inPost', clinicalWork: 'licence' }

/**
 * Roster levels that name an administrative level of institution (Profile's employer.level). 三级/二级 (tertiary,
 * secondary) are hospital grades: a 三级 hospital may be a county's, a city's or the province's, so its level is
 * asked, never guessed. A 中心乡镇卫生院 is a 乡镇卫生院. A commission is no medical institution: asked too.
 */
const EMPLOYER_LEVEL_OF_ORG: Partial<Record<OrgLevel, NonNullable<Profile['employer']>['level']>> = {
  county: 'county',
  centralTownship: 'township',
  township: 'township',
  community: 'community',
  village: 'village',
  province: 'province',
}
const EMPLOYER_KIND_OF_ORG: Partial<Record<OrgKind, NonNullable<Profile['employer']>['kind']>> = {
  general: 'general',
  tcm: 'tcm',
  maternalChild: 'maternalChild',
  cdc: 'cdc',
  supervision: 'supervision',
  other: 'other',
}

async function knownFacts(db: Db, personId: string): Promise<Profile> {
  const facts = await findPersonFacts(db, personId)
  if (!facts) return {}
  const level = facts.employerLevel ? EMPLOYER_LEVEL_OF_ORG[facts.employerLevel] : undefined
  const kind = facts.employerKind ? EMPLOYER_KIND_OF_ORG[facts.employerKind] : undefined
  return {
    ...(facts.title ? { title: facts.title } : {}),
    ...(facts.licence ? { licence: facts.licence } : {}),
    ...(level || kind ? { employer: { ...(level ? { level } : {}), ...(kind ? { kind } : {}) } } : {}),
  }
}
