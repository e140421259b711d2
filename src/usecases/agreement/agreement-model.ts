import { POLICY_META, type PolicyId } from '../../../rules'

/**
 * The only model agreement the policy texts hold is 附件3 of the Zhejiang 工作方案; it cites that plan and carries its
 * title, so it fits only pairs under the Zhejiang pack. Any other pair is refused with what its own pack is.
 */
export const AGREEMENT_MODEL_POLICY: PolicyId = 'zhejiang-2014'

/** Null when the pair may use the model; otherwise the refusal to show. */
export function agreementModelRefusal(policyId: string): string | null {
  if (policyId === AGREEMENT_MODEL_POLICY) return null
  const meta = POLICY_META[policyId as PolicyId]
  const own = meta ? `${meta.shortName}（${meta.document}）` : `政策 ${policyId}`
  const model = POLICY_META[AGREEMENT_MODEL_POLICY]
  return `这对支援关系依据的是${own}，该文件没有协议范本。现有范本是${model.document}的附件3，只适用于浙江省的支援关系，不能套用；请按本地文件要求另行拟定协议。`
}
