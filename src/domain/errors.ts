/** Transport-agnostic failures a user can do something about; adapters turn them into polite messages. */
export type DomainErrorCode = 'not_registered' | 'no_active_posting' | 'posting_not_started' | 'posting_ended'

export class DomainError extends Error {
  override name = 'DomainError'
  constructor(
    readonly code: DomainErrorCode,
    readonly details: Record<string, string> = {},
  ) {
    super(code)
  }
}
