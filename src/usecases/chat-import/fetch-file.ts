import { oversightRolesOf } from '../../../db/repositories/month-records'
import type { FileFetcher, InboundMessage } from '../../domain/inbound'
import type { Platform } from '../../domain/platform'
import type { UseCaseDeps } from '../deps'
import { findSender } from '../find-sender'

/** The admin API's body limit (1 MiB): a file sent in chat may be no larger than one posted to the API. */
export const MAX_CHAT_IMPORT_BYTES = 1024 * 1024
const IMPORTABLE = /\.(xlsx|csv)$/i

/** What became of a file sent in chat, before the message is handled. */
export type ChatAttachment =
  | { outcome: 'fetched'; bytes: Uint8Array }
  | { outcome: 'notAllowed' | 'unsupported' | 'tooLarge' | 'unavailable' }

export type FileFetchers = Partial<Record<Platform, FileFetcher>>

/** Whether the sender holds office or admin anywhere in the tenant (imports are tenant-wide). */
export async function mayImport(deps: UseCaseDeps, tenantId: string, personId: string): Promise<boolean> {
  return (await oversightRolesOf(deps.db, tenantId, personId)).length > 0
}

/**
 * Fetches a file sent to the bot, outside any transaction (a download may take seconds), and only for someone who may
 * import it: nobody else's file is downloaded, and one the platform says is too large is not either.
 */
export async function fetchChatFile(deps: UseCaseDeps & { files?: FileFetchers }, message: InboundMessage): Promise<ChatAttachment | undefined> {
  const { file } = message
  if (!file) return undefined
  if (!IMPORTABLE.test(file.name)) return { outcome: 'unsupported' }
  const person = await findSender(deps, message)
  if (!person || !(await mayImport(deps, message.tenantId, person.id))) return { outcome: 'notAllowed' }
  if (file.size !== undefined && file.size > MAX_CHAT_IMPORT_BYTES) return { outcome: 'tooLarge' }
  const fetcher = deps.files?.[message.platform]
  if (!fetcher) return { outcome: 'unavailable' }
  const fetched = await fetcher(file, MAX_CHAT_IMPORT_BYTES)
  return fetched.ok ? { outcome: 'fetched', bytes: fetched.bytes } : { outcome: 'tooLarge' }
}
