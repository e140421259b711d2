import { describe, expect, test } from 'vitest'
import { packOverview } from '../../rules'

describe('packOverview: what a pack holds for someone asking it about eligibility', () => {
  test('Henan holds the 13 programmes; Yantai none, but who may be sent and the duty patterns, each with its clause', () => {
    expect(packOverview('henan-2015', '2016-05-01').programmeIds).toHaveLength(13)
    const yantai = packOverview('yantai-2024', '2025-03-01')
    expect(yantai.programmeIds).toEqual([])
    expect(yantai.running).toBe(true)
    expect(yantai.duties).toContainEqual(expect.objectContaining({ text: '村卫生室·巡回医疗：每周不少于2次，每次不少于半天', source: expect.objectContaining({ clause: '附件3 二(三)' }) }))
    expect(yantai.whoMayBeSent.length).toBeGreaterThan(0)
  })

  test('given a posting, only the rules that may be about it', () => {
    const roving = packOverview('yantai-2024', '2025-03-01', [], { receivingLevel: 'village', mode: 'roving' })
    expect(roving.duties.map((d) => d.text)).toEqual(['村卫生室·巡回医疗：每周不少于2次，每次不少于半天'])
  })

  test('an ended pack is read as on its last day, and says it ended', () => {
    const changchun = packOverview('changchun-2011', '2026-12-01')
    expect(changchun.running).toBe(false)
    expect(changchun.readOn < '2026-12-01').toBe(true)
    expect(changchun.duties.length).toBeGreaterThan(0)
  })
})
