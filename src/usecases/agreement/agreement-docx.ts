import { AlignmentType, Document, Packer, Paragraph, TabStopType, TextRun } from 'docx'
import { ZHEJIANG_MODEL_AGREEMENT as M } from '../../../rules'

export interface AgreementFacts {
  supportingName: string
  receivingName: string
  /** `YYYY-MM-DD`; the agreement states the term by month, as the model does. */
  startsOn: string
  endsOn: string | null
  supportingRepresentative: string | null
  receivingRepresentative: string | null
  otherItems: string[]
}

const FONT = 'SimSun'
const line = (text: string, options: { bold?: boolean; size?: number; center?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    indent: options.indent ? { firstLine: 480 } : undefined,
    spacing: { after: 120, line: 360 },
    children: [new TextRun({ text, bold: options.bold, size: options.size ?? 24, font: FONT })],
  })

const month = (day: string) => `${Number(day.slice(0, 4))} 年 ${Number(day.slice(5, 7))} 月`
const twoColumns = (left: string, right: string) =>
  new Paragraph({ tabStops: [{ type: TabStopType.LEFT, position: 5000 }], spacing: { after: 200 }, children: [new TextRun({ text: `${left}\t${right}`, size: 24, font: FONT })] })

/**
 * The 支援协议 of a support pair in the shape of 附件3: the model's wording unchanged, the blanks filled from the
 * pair (parties, term, representatives), further support items under 四 (the model may be extended, never cut).
 */
export async function agreementDocx(facts: AgreementFacts): Promise<Uint8Array> {
  const term = `${month(facts.startsOn)}至 ${facts.endsOn ? month(facts.endsOn) : '    年    月'}。`
  const children = [
    line(M.title.text, { bold: true, size: 32, center: true }),
    line(M.subtitle.text, { bold: true, size: 32, center: true }),
    line(`甲方（支援医院）：${facts.supportingName}`),
    line(`乙方（受援医院）：${facts.receivingName}`),
    line(M.preamble.text, { indent: true }),
    line(M.content.heading.text, { bold: true }),
    ...M.content.paragraphs.map((x) => line(x.text, { indent: true })),
    line(M.duties.heading.text, { bold: true }),
    line(M.duties.supporting.heading.text, { bold: true }),
    ...M.duties.supporting.paragraphs.map((x) => line(x.text, { indent: true })),
    line(M.duties.receiving.heading.text, { bold: true }),
    ...M.duties.receiving.paragraphs.map((x) => line(x.text, { indent: true })),
    line(M.term.text, { bold: true }),
    line(term, { indent: true }),
    line(M.other.text, { bold: true }),
    ...(facts.otherItems.length ? facts.otherItems.map((item, i) => line(`${i + 1}．${item}`, { indent: true })) : [line('无。', { indent: true })]),
    line(M.effect.heading.text, { bold: true }),
    line(M.effect.paragraph.text, { indent: true }),
    line(''),
    twoColumns(`甲方：${facts.supportingName}`, `乙方：${facts.receivingName}`),
    twoColumns(`代表：${facts.supportingRepresentative ?? ''}`, `代表：${facts.receivingRepresentative ?? ''}`),
    twoColumns('（盖章）', '（盖章）'),
    twoColumns('年    月    日', '年    月    日'),
  ]
  const doc = new Document({ creator: 'duikou', title: `${facts.supportingName}—${facts.receivingName} 支援协议`, sections: [{ children }] })
  return new Uint8Array(await Packer.toBuffer(doc))
}
