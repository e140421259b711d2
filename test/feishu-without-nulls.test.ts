import { describe, expect, test } from 'vitest'
import { withoutNulls } from '../src/platforms/feishu/envelope'

describe('a Feishu payload read without its nulls', () => {
  test('null members and list items are dropped at every level; everything else is kept as it was', () => {
    const payload = JSON.parse('{"a":null,"b":{"c":null,"d":[1,null,{"e":null,"f":"x"}]},"g":0,"h":"","i":false,"j":[]}')
    expect(withoutNulls(payload)).toEqual({ b: { d: [1, { f: 'x' }] }, g: 0, h: '', i: false, j: [] })
  })

  test('a "__proto__" member in the JSON stays a member and never becomes the object\'s prototype', () => {
    const read = withoutNulls(JSON.parse('{"__proto__":{"polluted":true},"text":"签到"}')) as Record<string, unknown>
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype)
    expect((read as { polluted?: boolean }).polluted).toBeUndefined()
    expect(Object.keys(read)).toEqual(['__proto__', 'text'])
  })

  test('deeper than any event nests, values are left as they are', () => {
    let deep: unknown = { end: null }
    for (let i = 0; i < 20; i++) deep = { next: deep }
    let inner = withoutNulls(deep) as { next?: unknown; end?: null }
    while (inner.next) inner = inner.next as typeof inner
    expect(inner).toEqual({ end: null })
  })
})
