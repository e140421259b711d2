import type { ContinuePolicyResult } from '../usecases/policy/continue-policy'
import type { EndSuccessorResult } from '../usecases/policy/end-successor'
import type { SuccessorList } from '../usecases/policy/list-successors'
import { adminRequest, errorOf, type RunningServer } from './running-server'

/**
 * The policy commands through the server that holds the embedded database: the same use-cases behind
 * /api/admin/policy-successors, answered in the shapes the CLI prints.
 */
export function policyThroughServer(server: RunningServer, tenantId: string) {
  const query = (extra: Record<string, string> = {}) => new URLSearchParams({ tenant: tenantId, ...extra })
  const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const refused = async (response: Response): Promise<never> => {
    console.error(`duikou: the running server refused it: ${await errorOf(response)}`)
    process.exit(1)
  }
  return {
    async list(): Promise<SuccessorList | null> {
      const response = await adminRequest(server, `/api/admin/policy-successors?${query()}`)
      if (response.status === 404) return null
      return response.ok ? ((await response.json()) as SuccessorList) : refused(response)
    },
    async end(id: string, on: string): Promise<EndSuccessorResult> {
      const response = await adminRequest(server, `/api/admin/policy-successors/${encodeURIComponent(id)}/end?${query()}`, json({ on }))
      if (response.status === 404) return { outcome: 'notFound' } as EndSuccessorResult
      if (response.status === 422) return { outcome: 'rejected', problems: ((await response.json()) as { problems: string[] }).problems } as EndSuccessorResult
      return response.ok ? ({ outcome: 'ended', ...((await response.json()) as object) } as EndSuccessorResult) : refused(response)
    },
    async continue(body: unknown, dryRun: boolean): Promise<ContinuePolicyResult> {
      const response = await adminRequest(server, `/api/admin/policy-successors?${query({ dryRun: String(dryRun) })}`, json(body))
      if (response.status === 404) return { outcome: 'unknownTenant' } as ContinuePolicyResult
      if (response.status === 422) return { outcome: 'rejected', problems: ((await response.json()) as { problems: string[] }).problems } as ContinuePolicyResult
      return response.ok ? await entered(response) : refused(response)
    },
  }
}

async function entered(response: Response): Promise<ContinuePolicyResult> {
  const body = (await response.json()) as { dryRun: boolean; successor: never }
  return { outcome: body.dryRun ? 'valid' : 'entered', dryRun: body.dryRun, successor: body.successor }
}
