import type { Db } from '../../../db/client'
import { findDeploymentPacks, findPostingPack } from '../../../db/repositories/eligibility-packs'
import { type OverviewLine, packOverview, POLICY_IDS, POLICY_META, PostingMode, programmesOf, type PolicyId, type Successor } from '../../../rules'
import type { Lang } from '../../domain/command'

const RECEIVING_LEVEL = { county: 'county', centralTownship: 'centralTownship', township: 'township', community: 'community', village: 'village' } as const

/** Which programmes `资格` answers first, and what it says of the packs that hold none. */
export interface EligibilityScope {
  /** The programmes of the packs in scope; empty when none of them holds any. */
  programmes: string[]
  /** The packs without programmes, with who may be sent and the duties; empty when there are none. */
  note: string
}

const isPack = (id: string): id is PolicyId => (POLICY_IDS as readonly string[]).includes(id)

/**
 * The packs a person's `资格` is about: their posting's (running or next), else those of this deployment's support
 * pairs. Null when neither names a pack (an empty deployment): every programme is then in scope.
 */
export async function eligibilityScope(
  db: Db,
  input: { tenantId: string; personId: string | null; today: string; successors: readonly Successor[]; lang: Lang },
): Promise<EligibilityScope | null> {
  const posting = input.personId ? await findPostingPack(db, input.tenantId, input.personId, input.today) : null
  const packs = (posting ? [posting.policyId] : await findDeploymentPacks(db, input.tenantId)).filter(isPack)
  if (packs.length === 0) return null
  const mode = PostingMode.safeParse(posting?.mode ?? 'resident')
  const facts = posting
    ? { mode: mode.success ? mode.data : undefined, receivingLevel: RECEIVING_LEVEL[posting.receivingLevel as keyof typeof RECEIVING_LEVEL] }
    : undefined
  const empty = packs.filter((p) => programmesOf(p).length === 0)
  const notes = empty.map((p) => packNote(packOverview(p, input.today, input.successors, facts), posting !== null, input.lang))
  return { programmes: packs.flatMap((p) => programmesOf(p)), note: notes.join('\n\n') }
}

function packNote(o: ReturnType<typeof packOverview>, posted: boolean, lang: Lang): string {
  const meta = POLICY_META[o.policyId]
  const en = lang === 'en'
  const whose = posted ? (en ? 'Your posting follows' : '您的派驻按') : en ? 'Support here also follows' : '本单位的对口支援也按'
  const lines = [
    en
      ? `${whose} ${meta.shortName} (${meta.document}), which holds no eligibility programmes (training, recruitment). It sets:`
      : `${whose}《${meta.shortName}》（${meta.document}）执行，该文件没有资格类计划（培训、招聘等）。它规定：`,
  ]
  if (!o.running) lines.push(en ? `(It has ended; these are its rules as on its last day, ${o.readOn}.)` : `（该文件已结束，以下为其最后一日 ${o.readOn} 的规定。）`)
  const section = (title: string, items: OverviewLine[]) => {
    if (items.length === 0) return
    lines.push(title, ...items.map((l) => `· ${l.text}（${l.source.clause}）`))
  }
  section(en ? 'Who may be sent:' : '可选派人员：', o.whoMayBeSent)
  section(en ? 'Duty pattern:' : '驻点要求：', o.duties)
  return lines.join('\n')
}
