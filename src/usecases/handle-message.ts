import type { Db } from '../../db/client'
import type { Clock } from '../domain/clock'
import { claimEvent, claimEvents, storeEventResult, storeEventResults } from '../../db/repositories/processed-events'
import { type Command, type Lang, parseCommand } from '../domain/command'
import { DomainError } from '../domain/errors'
import type { InboundMessage } from '../domain/inbound'
import { Reply } from '../domain/reply'
import { acknowledgementReply } from './acknowledgement'
import { answerChatFile, notAllowedReply } from './chat-import/answer-file'
import { confirmChatImport } from './chat-import/confirm'
import { type ChatAttachment, mayImport } from './chat-import/fetch-file'
import { previewAgainAs } from './chat-import/preview'
import { checkIn } from './check-in'
import { findSender } from './find-sender'
import { roleHelp } from './help/role-help'
import { checkOut } from './check-out'
import { continueEligibility, startEligibility } from './eligibility/dialogue'
import { verifyDay } from './attendance/verify-day'
import { decideLeave } from './leave/decide-leave'
import { requestLeave } from './leave/request-leave'
import { returnFromLeave } from './leave/return-from-leave'
import { withdrawLeave } from './leave/withdraw-leave'
import { pendingDesk } from './desk/pending-desk'
import type { UseCaseDeps } from './deps'
import { myStatus } from './my-status'
import { directorMe } from './office/director-me'
import { recordLocation } from './record-location'
import { submitMonthlyReport } from './report/submit-report'
import { approverMe } from './desk/approver-me'
import { exportToChat } from './export/send-export'
import { officeStatus } from './office/office-status'
import { complianceStatus } from './compliance/compliance-status'
import { replyMessages } from './queue-reply'
import { type RosterLookups, rosterLookups } from './roster-lookups'
import { shanghaiDate } from '../time/shanghai'
import { checkInReply, checkOutReply, domainErrorReply, duplicateReply, myStatusReply, notRegisteredReply, tenantUnknownReply } from './replies'

/**
 * Answers one chat message exactly once: the event is claimed, the command's effect is applied and the reply is
 * stored in one transaction, so a redelivered event gets the stored reply and changes nothing. A use-case that
 * refuses (a DomainError) leaves nothing behind: its transaction is rolled back and the refusal is stored alone.
 */
export async function handleMessage(deps: UseCaseDeps, message: InboundMessage, attachment?: ChatAttachment): Promise<Reply> {
  const { command, lang } = parseCommand(message.text)
  try {
    return await answerOnce(deps, message, lang, (tx, roster) => answer({ ...deps, db: tx, roster }, message, command, lang, attachment))
  } catch (error) {
    if (error instanceof DomainError) return answerOnce(deps, message, lang, async () => domainErrorReply(error, lang))
    throw error
  }
}

/** Check-ins and check-outs: the morning burst, and commands that change no roster, so they may share a transaction. */
export function answersTogether(message: InboundMessage): boolean {
  // A stored message is read as it was written, perhaps by another version: anything unexpected goes alone.
  if (typeof message.text !== 'string' || message.location || message.file) return false
  const { kind } = parseCommand(message.text).command
  return kind === 'checkIn' || kind === 'checkOut'
}

/**
 * Answers messages for which answersTogether holds in one transaction, in the order given (a sender's in arrival
 * order), as handleMessage does, with one statement claiming them all and one storing every reply: a burst pays one
 * commit and about one statement per message. Anything thrown, a refusal included, rolls all of them back, claims
 * too; the caller then answers each alone.
 */
export async function handleMessagesTogether(db: Db, messages: { message: InboundMessage; clock: Clock }[]): Promise<void> {
  await db.transaction(async (tx) => {
    const claims = await claimEvents(
      tx,
      messages.map(({ message }) => ({ key: eventKey(message), alsoKnownAs: message.alsoKnownAs })),
    )
    // An unknown workspace or an event answered before: nothing to store, as in answerIn.
    const fresh = messages.filter((_, i) => claims[i]?.fresh)
    const first = claims.find((claim) => claim?.fresh)
    if (!first?.fresh) return
    // One statement claimed them all, so every claim read the same roster version.
    const roster = rosterLookups(db, tx, first.rosterVersion)
    await roster.prime(fresh.map(({ message, clock }) => ({ sender: message, day: shanghaiDate(clock.now()) })))
    const answers = []
    for (const { message, clock } of fresh) {
      const { command, lang } = parseCommand(message.text)
      const reply = await answer({ db: tx, clock, roster }, message, command, lang, undefined)
      answers.push({ key: eventKey(message), result: reply, messages: replyRows(message, reply), at: clock.now() })
    }
    await storeEventResults(tx, answers)
  })
}

function answerOnce(deps: UseCaseDeps, message: InboundMessage, lang: Lang, produce: (tx: Db, roster: RosterLookups) => Promise<Reply>): Promise<Reply> {
  return deps.db.transaction((tx) => answerIn(tx, deps, message, lang, produce))
}

async function answerIn(tx: Db, deps: UseCaseDeps, message: InboundMessage, lang: Lang, produce: (tx: Db, roster: RosterLookups) => Promise<Reply>): Promise<Reply> {
  const key = eventKey(message)
  const claim = await claimEvent(tx, key, message.alsoKnownAs)
  // Nothing is written for a workspace nobody has set up: there is no tenant to hold the rows.
  if (!claim) return tenantUnknownReply(lang, message.platform)
  if (!claim.fresh) {
    const stored = Reply.safeParse(claim.result)
    return stored.success ? stored.data : duplicateReply(lang)
  }
  const reply = await produce(tx, rosterLookups(deps.db, tx, claim.rosterVersion))
  await storeEventResult(tx, key, reply, { messages: replyRows(message, reply), at: deps.clock.now() })
  return reply
}

const eventKey = (message: InboundMessage) => ({ platform: message.platform, eventId: message.eventId, tenantId: message.tenantId })

const replyRows = (message: InboundMessage, reply: Reply) =>
  message.replyTo ? replyMessages({ tenantId: message.tenantId, platform: message.platform, recipient: message.replyTo, reply, key: `reply:${message.platform}:${message.eventId}` }) : []

async function answer(deps: UseCaseDeps, message: InboundMessage, command: Command, lang: Lang, attachment: ChatAttachment | undefined): Promise<Reply> {
  if (message.location) return answerLocation(deps, message, message.location)
  if (message.file) return answerChatFile(deps, { ...message, file: message.file }, attachment)
  const today = shanghaiDate(deps.clock.now())
  if (command.kind === 'help') return roleHelp(deps.db, message.tenantId, (await findSender(deps, message))?.id ?? null, lang, today)
  const account = { tenantId: message.tenantId, platform: message.platform, externalId: message.senderExternalId }
  if (command.kind === 'unknown') {
    // Text that is no command may be the answer to a question the assistant asked.
    return (await continueEligibility(deps, { account, text: command.text })) ?? acknowledgementReply(command.text, lang) ?? roleHelp(deps.db, message.tenantId, (await findSender(deps, message))?.id ?? null, lang, today, command.text || undefined)
  }
  const person = await findSender(deps, message)
  // Applicants ask about eligibility before anyone has registered them.
  if (command.kind === 'eligibility') return startEligibility(deps, { account, personId: person?.id ?? null, args: command.args, lang })
  if (!person) return notRegisteredReply(lang)
  const input = { tenantId: message.tenantId, personId: person.id, platform: message.platform, eventId: message.eventId }
  switch (command.kind) {
    case 'leave':
    case 'punchCorrection':
      return requestLeave(deps, { ...input, kind: command.kind, args: command.args, lang })
    case 'pastLeave':
      return requestLeave(deps, { ...input, kind: 'leave', pastDay: true, args: command.args, lang })
    case 'verify':
      return verifyDay(deps, { ...input, args: command.args, lang })
    case 'approve':
    case 'reject':
      return decideLeave(deps, { ...input, decision: command.kind, args: command.args, lang })
    case 'back':
      return returnFromLeave(deps, { ...input, lang })
    case 'pending':
      return pendingDesk(deps, { ...input, lang })
    case 'withdraw':
      return withdrawLeave(deps, { ...input, args: command.args, lang })
    case 'report':
      return submitMonthlyReport(deps, { ...input, args: command.args, lang })
    case 'checkIn':
      return checkInReply(await checkIn(deps, input), lang)
    case 'checkOut':
      return checkOutReply(await checkOut(deps, input), lang)
    case 'me':
      // A director with no posting of their own sees their hospital's postings instead.
      // An approver with neither a posting nor a hospital to direct sees where they approve and what waits.
      return (await directorMe(deps, { ...input, lang })) ?? (await approverMe(deps, { ...input, lang })) ?? myStatusReply(await myStatus(deps, input), lang)
    case 'export':
      return exportToChat(deps, { ...input, args: command.args, lang })
    case 'status':
      return officeStatus(deps, { ...input, args: command.args, lang })
    case 'compliance':
      return complianceStatus(deps, { ...input, args: command.args, lang })
    case 'importAs':
    case 'confirmImport':
      if (!(await mayImport(deps, input.tenantId, input.personId))) return notAllowedReply(lang)
      return command.kind === 'importAs' ? previewAgainAs(deps, { ...input, args: command.args, lang }) : confirmChatImport(deps, { ...input, args: command.args, lang })
  }
}

async function answerLocation(deps: UseCaseDeps, message: InboundMessage, location: NonNullable<InboundMessage['location']>): Promise<Reply> {
  const person = await findSender(deps, message)
  if (!person) return notRegisteredReply('zh')
  return recordLocation(deps, { tenantId: message.tenantId, personId: person.id, platform: message.platform, eventId: message.eventId, location, lang: 'zh' })
}
