import { describe, expect, test } from 'vitest'
import { citation, dueDates, escalationStep, postingRequirement, type Successor, successorProblems } from '../../rules'

const base: Successor = { policy: 'henan-2015', document: '豫卫〔2021〕1号', title: '延续', issuedOn: null, from: '2021-01-01', until: '2023-12-31', clause: '一', quote: '继续实施' }

describe('successor documents continue a pack as data', () => {
  test('inside the successor the pack rule holds and its citation names the successor; after it, nothing', () => {
    const inside = postingRequirement('henan-2015', { receivingLevel: 'county' }, '2022-03-01', [base])
    expect(inside.covered).toBe(true)
    if (inside.duty.status !== 'found') throw new Error('duty expected')
    expect(citation(inside.duty.source)).toBe('豫卫发〔2015〕2号 附件8 三(一)1、四(二)，经 豫卫〔2021〕1号 延续（2021-01-01 起）')
    expect(postingRequirement('henan-2015', { receivingLevel: 'county' }, '2024-01-01', [base]).covered).toBe(false)
    expect(postingRequirement('henan-2015', { receivingLevel: 'county' }, '2022-03-01').covered).toBe(false)
  })

  test('overrides change only the declared parameters, citing the successor clause', () => {
    const s: Successor = { ...base, overrides: [{ parameter: 'escalationThresholds', value: [2, 4, 6], clause: '二', quote: '发现2次' }, { parameter: 'monthlyReportDay', value: 20, clause: '三', quote: '每月20日' }] }
    expect(successorProblems(s, [])).toEqual([])
    expect(escalationStep('henan-2015', 1, '2022-03-01', 'posting', [s]).step).toBe(0)
    expect(escalationStep('henan-2015', 2, '2022-03-01', 'posting', [s]).source?.document).toBe('豫卫〔2021〕1号')
    expect(dueDates('henan-2015', 2022, [s]).dates.filter((d) => d.key === 'monthlyReport').map((d) => d.due)[0]).toBe('2022-01-20')
  })

  test.each([
    ['a gap after the period', { from: '2021-02-01' }, '须自 2021-01-01 起'],
    ['an unknown parameter', { overrides: [{ parameter: 'x', value: 1, clause: 'a', quote: 'bb' }] }, '不可由延续文件修改'],
    ['a bad value', { overrides: [{ parameter: 'monthlyReportDay', value: 31, clause: 'a', quote: 'bb' }] }, '不正确'],
    ['too few thresholds', { overrides: [{ parameter: 'escalationThresholds', value: [2], clause: 'a', quote: 'bb' }] }, '须给出 3 个门槛'],
    ['an unknown programme', { programmes: ['henan-2015/astronaut'] }, '未知的计划'],
  ])('refuses %s', (_name, change, message) => {
    expect(successorProblems({ ...base, ...change } as Successor, []).join('\n')).toContain(message)
  })

  test('a second successor must start the day after the first and may not overlap it', () => {
    expect(successorProblems({ ...base, document: 'B', from: '2024-01-01', until: null }, [base])).toEqual([])
    expect(successorProblems({ ...base, document: 'B', from: '2023-06-01', until: null }, [base]).join()).toContain('重叠')
    const chain = [base, { ...base, document: 'B', from: '2024-01-01', until: null }]
    const later = postingRequirement('henan-2015', { receivingLevel: 'county' }, '2030-01-01', chain)
    expect(later.duty.status === 'found' && later.duty.source.continuedBy?.document).toBe('B')
  })
})
