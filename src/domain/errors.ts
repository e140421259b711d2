/** Transport-agnostic failures a user can do something about; adapters turn them into polite messages. */
export type DomainErrorCode =
  | 'not_registered'
  | 'no_active_posting'
  | 'posting_not_started'
  | 'posting_ended'
  /** Exports and statistics are for offices and admins (issue 7 §4). */
  | 'not_office'

export class DomainError extends Error {
  override name = 'DomainError'
  constructor(
    readonly code: DomainErrorCode,
    readonly details: Record<string, string> = {},
  ) {
    super(code)
  }
}
