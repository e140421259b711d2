import type { Db } from '../../db/client'
import { findPeopleByIdentities, findPersonByIdentity } from '../../db/repositories/identities'
import { findActivePosting, findActivePostings, type PostingView } from '../../db/repositories/postings'
import type { InboundMessage } from '../domain/inbound'

type Person = NonNullable<Awaited<ReturnType<typeof findPersonByIdentity>>>
type Sender = Pick<InboundMessage, 'tenantId' | 'platform' | 'senderExternalId' | 'senderAliases'>

/** The sender and running-posting look-ups of one message's transaction, remembered across messages. */
export interface RosterLookups {
  sender(message: Sender): Promise<Person | null>
  activePosting(tenantId: string, personId: string, day: string): Promise<PostingView | null>
  /**
   * Looks up, in two statements, the senders not remembered yet and the postings running for them on each day: a
   * group of check-ins answered together then finds every one remembered.
   */
  prime(asks: { sender: Sender; day: string }[]): Promise<void>
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
  // Looked up in this transaction and not found: asked again, the answer would be the same.
  const absent = new Set<string>()
  const accountsOf = (sender: Sender) =>
    [sender.senderExternalId, ...(sender.senderAliases ?? [])].map((externalId) => ({
      key: `${sender.tenantId}\u0000${sender.platform}\u0000${externalId}`,
      account: { tenantId: sender.tenantId, platform: sender.platform, externalId },
    }))
  const postingKey = (tenantId: string, personId: string) => `${tenantId}\u0000${personId}`
  const knownPosting = (tenantId: string, personId: string, day: string) => {
    const known = current?.postings.get(postingKey(tenantId, personId))
    return known && known.from <= day && day <= known.posting.endsOn ? known.posting : undefined
  }
  const lookups: RosterLookups = {
    async sender(message) {
      for (const { key, account } of accountsOf(message)) {
        if (absent.has(key)) continue
        const person = current?.senders.get(key) ?? remember(current?.senders, key, await findPersonByIdentity(tx, account.tenantId, account.platform, account.externalId))
        if (person) return person
        absent.add(key)
      }
      return null
    },
    async activePosting(tenantId, personId, day) {
      // The earliest-started posting covering a day stays so on later days while it runs: one that started earlier
      // and covered the later day would have covered the first day too, and been found then.
      const known = knownPosting(tenantId, personId, day)
      if (known) return known
      const missing = `${postingKey(tenantId, personId)}\u0000${day}`
      if (absent.has(missing)) return null
      const posting = await findActivePosting(tx, tenantId, personId, day)
      if (posting) remember(current?.postings, postingKey(tenantId, personId), { posting, from: day })
      else absent.add(missing)
      return posting
    },
    async prime(asks) {
      // A transaction behind the memory's version may not fill it: its senders are looked up one by one.
      if (!current) return
      const unknown = asks.flatMap(({ sender }) => accountsOf(sender)).filter(({ key }) => !current.senders.has(key) && !absent.has(key))
      const found = new Map<string, Person>()
      for (const { tenantId, platform, externalId, ...person } of await findPeopleByIdentities(tx, [...new Map(unknown.map((u) => [u.key, u.account])).values()])) {
        found.set(`${tenantId}\u0000${platform}\u0000${externalId}`, person)
      }
      for (const { key } of unknown) {
        const person = found.get(key)
        if (person) remember(current.senders, key, person)
        else absent.add(key)
      }
      const postingAsks = new Map<string, { tenantId: string; personId: string; day: string }>()
      for (const { sender, day } of asks) {
        const person = accountsOf(sender).map(({ key }) => current.senders.get(key)).find((p) => p !== undefined)
        if (!person || knownPosting(sender.tenantId, person.id, day)) continue
        postingAsks.set(`${postingKey(sender.tenantId, person.id)}\u0000${day}`, { tenantId: sender.tenantId, personId: person.id, day })
      }
      const running = new Map<string, PostingView>()
      for (const { askedTenantId, askedPersonId, askedDay, ...posting } of await findActivePostings(tx, [...postingAsks.values()])) {
        running.set(`${postingKey(askedTenantId, askedPersonId)}\u0000${askedDay}`, posting)
      }
      for (const [key, { tenantId, personId, day }] of postingAsks) {
        const posting = running.get(key)
        if (posting) remember(current.postings, postingKey(tenantId, personId), { posting, from: day })
        else absent.add(key)
      }
    },
  }
  return lookups
}
