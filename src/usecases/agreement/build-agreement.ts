import { findPersonName } from '../../../db/repositories/people'
import { holdersOf } from '../../../db/repositories/roles'
import { findPair, findPairsByNames } from '../../../db/repositories/support-pairs'
import type { UseCaseDeps } from '../deps'
import { agreementModelRefusal } from './agreement-model'

export type AgreementResult =
  | { ok: true; fileName: string; bytes: Uint8Array }
  | { ok: false; problem: 'notFound' | 'ambiguous' | 'noModel'; message: string }

/** The 支援协议 (.docx) of one support pair, by id or by the two hospitals' names; directors sign as representatives. */
export async function buildAgreement(
  deps: UseCaseDeps,
  input: { tenantId: string; pairId?: string; supportingName?: string; receivingName?: string; otherItems?: string[] },
): Promise<AgreementResult> {
  const found = input.pairId
    ? [await findPair(deps.db, input.tenantId, input.pairId)].filter((x) => x !== null)
    : await findPairsByNames(deps.db, input.tenantId, input.supportingName ?? '', input.receivingName ?? '')
  if (found.length === 0) return { ok: false, problem: 'notFound', message: '没有找到这对支援关系，请核对医院名称或编号。' }
  if (found.length > 1) return { ok: false, problem: 'ambiguous', message: `这两家医院之间有 ${found.length} 个支援周期，请用编号指定：${found.map((f) => f.pair.id).join('、')}` }
  const { pair, supportingName, receivingName } = found[0]!
  const refusal = agreementModelRefusal(pair.policyId)
  if (refusal) return { ok: false, problem: 'noModel', message: refusal }
  const representative = async (orgId: string) => {
    const [director] = await holdersOf(deps.db, input.tenantId, 'director', orgId)
    return director ? findPersonName(deps.db, director) : null
  }
  // Loaded on demand: docx is a large library and only this command needs it.
  const { agreementDocx } = await import('./agreement-docx')
  const bytes = await agreementDocx({
    supportingName,
    receivingName,
    startsOn: pair.startsOn,
    endsOn: pair.endsOn,
    supportingRepresentative: await representative(pair.supportingOrgId),
    receivingRepresentative: await representative(pair.receivingOrgId),
    otherItems: input.otherItems ?? [],
  })
  return { ok: true, fileName: `支援协议-${supportingName}-${receivingName}.docx`, bytes }
}
