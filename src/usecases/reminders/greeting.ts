import { shanghaiTime } from '../../time/shanghai'

/**
 * A greeting that fits the Beijing hour the notice is sent at: a nudge caught up after an outage at 15:12 must not
 * say 早上好. The boundaries are this deployment's choice (morning until 11:00, noon until 13:00, afternoon until 18:00).
 */
export function greetingAt(at: Date): string {
  const hour = Number(shanghaiTime(at).slice(0, 2))
  if (hour >= 5 && hour < 11) return '早上好'
  if (hour >= 11 && hour < 13) return '中午好'
  if (hour >= 13 && hour < 18) return '下午好'
  return '您好'
}
