import type { Db } from '../../db/client'
import { findPersonByIdentity } from '../../db/repositories/identities'
import { findActivePosting, type PostingView } from '../../db/repositories/postings'
import type { InboundMessage } from '../domain/inbound'

type Person = NonNullable<Awaited<ReturnType<typeof findPersonByIdentity>>>
type Sender = Pick<InboundMessage, 'tenantId' | 'platform' | 'senderExternalId' | 'senderAliases'>

/** The sender and running-posting look-ups of one message's transaction, remembered across messages. */
export interface RosterLookups {
  sender(message: Sender): Promise<Person | null>
  activePosting(tenantId: string, personId: string, day: string): Promise<PostingView | null>
}

/** Past this many remembered look-ups the memory starts again: a province's doctors fit many times over. */
const MAX_ENTRIES = 100_000

interface Memory {
  version: number
  senders: Map<string, Person>
  /** A person's running posting and the first day it was found for: it is theirs on later days up to its end. */
  postings: Map<string, { posting: PostingView; from: string }>
}

const memories = new WeakMap<Db, Memory>()

/**
 * Look-ups through `tx` remembered per database (`root`) while its roster version (db/schema/roster-version.ts)
 * stays `version`, the one this message's transaction read. A newer version forgets everything; a transaction that
 * read an older one neither uses nor fills the memory. Only found rows are kept: someone registered a moment ago
 * is found at once.
 */
export function rosterLookups(root: Db, tx: Db, version: number): RosterLookups {
  let memory = memories.get(root)
  if (!memory || memory.version < version) memories.set(root, (memory = { version, senders: new Map(), postings: new Map() }))
  const current = memory.version === version ? memory : null
  const remember = <T>(map: Map<string, T> | undefined, key: string, value: T | null) => {
    if (!map || value === null) return value
    if (map.size >= MAX_ENTRIES) map.clear()
    map.set(key, value)
    return value
  }
  return {
    async sender(message) {
      for (const externalId of [message.senderExternalId, ...(message.senderAliases ?? [])]) {
        const key = `${message.tenantId}\u0000${message.platform}\u0000${externalId}`
        const person = current?.senders.get(key) ?? remember(current?.senders, key, await findPersonByIdentity(tx, message.tenantId, message.platform, externalId))
        if (person) return person
      }
      return null
    },
    async activePosting(tenantId, personId, day) {
      // The earliest-started posting covering a day stays so on later days while it runs: one that started earlier
      // and covered the later day would have covered the first day too, and been found then.
      const key = `${tenantId}\u0000${personId}`
      const known = current?.postings.get(key)
      if (known && known.from <= day && day <= known.posting.endsOn) return known.posting
      const posting = await findActivePosting(tx, tenantId, personId, day)
      if (posting) remember(current?.postings, key, { posting, from: day })
      return posting
    },
  }
}
