import type { FormField, Reply, ReplyAction, ReplyChart, ReplyForm, ReplyTable } from '../../domain/reply'

const TEMPLATE: Record<Reply['tone'], string> = { info: 'blue', success: 'green', warning: 'orange', error: 'red' }
const BUTTON_TYPE: Record<ReplyAction['style'], string> = { primary: 'primary', danger: 'danger', default: 'default' }

const plain = (content: string) => ({ tag: 'plain_text', content })

/** The callback value a button or form submit carries back to `card.action.trigger`. */
export type CardValue = { command: string } | { form: string; labels?: Record<string, string>; required?: string[] }

function button(action: ReplyAction) {
  return { tag: 'button', text: plain(action.label), type: BUTTON_TYPE[action.style], behaviors: [{ type: 'callback', value: { command: action.command } satisfies CardValue }] }
}

function field(f: FormField) {
  const base = { name: f.name, required: f.required, placeholder: plain(f.label) }
  if (f.kind === 'date') return { tag: 'date_picker', ...base }
  if (f.kind === 'select') return { tag: 'select_static', ...base, options: (f.options ?? []).map((o) => ({ text: plain(o.label), value: o.value })) }
  return { tag: 'input', ...base, label: plain(f.label), label_position: 'left' }
}

function form(f: ReplyForm) {
  return {
    tag: 'form',
    name: 'form',
    elements: [
      ...f.fields.map(field),
      { tag: 'button', name: 'submit', text: plain(f.submitLabel), type: 'primary', form_action_type: 'submit', behaviors: [{ type: 'callback', value: { form: f.command, labels: Object.fromEntries(f.fields.map((x) => [x.name, x.label])), required: f.fields.filter((x) => x.required).map((x) => x.name) } satisfies CardValue }] },
    ],
  }
}

/** A card `chart` element: a VChart bar spec, values labelled in the bars' unit. */
function chart(c: ReplyChart) {
  return {
    tag: 'chart',
    aspect_ratio: '16:9',
    chart_spec: {
      type: 'bar',
      title: { text: c.title },
      data: { values: c.bars.map((b) => ({ label: b.label, value: b.value })) },
      xField: 'label',
      yField: 'value',
      label: { visible: true },
      axes: [{ orient: 'left', title: { visible: true, text: c.unit } }],
    },
  }
}

/** Feishu shows this many rows a page and pages through the rest. */
const TABLE_PAGE_ROWS = 10

/** A card `table` element; cells are plain text, so names typed by users cannot change the formatting. */
function table(t: ReplyTable) {
  return {
    tag: 'table',
    page_size: TABLE_PAGE_ROWS,
    row_height: 'auto',
    header_style: { text_align: 'left', bold: true, background_style: 'grey', lines: 1 },
    columns: t.columns.map((c) => ({ name: c.key, display_name: c.label, data_type: 'text', width: 'auto' })),
    rows: t.rows,
  }
}

/** A reply as a card in JSON 2.0: header, markdown body (or a table's lead and the table), charts, then its buttons or its form. */
export function feishuCard(reply: Reply) {
  const elements: unknown[] = reply.table ? [{ tag: 'markdown', content: reply.table.lead }, table(reply.table)] : [{ tag: 'markdown', content: reply.text }]
  if (reply.charts?.length) elements.push(...reply.charts.map(chart))
  if (reply.actions?.length) elements.push(...reply.actions.map(button))
  if (reply.form) elements.push(form(reply.form))
  return {
    schema: '2.0',
    ...(reply.title ? { header: { title: plain(reply.title), template: TEMPLATE[reply.tone] } } : {}),
    body: { elements },
  }
}

/** A plain reply is a text message; one with a title, buttons or a form becomes a card. */
export function renderFeishuReply(reply: Reply): { msgType: 'text' | 'interactive'; content: string } {
  if (!reply.title && !reply.actions?.length && !reply.form && !reply.charts?.length && !reply.table) return { msgType: 'text', content: JSON.stringify({ text: reply.text }) }
  return { msgType: 'interactive', content: JSON.stringify(feishuCard(reply)) }
}

const TOAST: Record<Reply['tone'], 'success' | 'info' | 'error'> = { success: 'success', info: 'info', warning: 'error', error: 'error' }

/**
 * The answer to a card click, within Feishu's 3 s: a toast always (there is no redelivery, so a failure must show).
 * On success the card becomes the outcome without its buttons, so nobody clicks twice; a next step (a question,
 * a new form) replaces the card; a refusal leaves the card as it was for the user to correct.
 */
export function cardCallbackAnswer(reply: Reply) {
  const toast = { type: TOAST[reply.tone], content: reply.text.split('\n')[0]!.slice(0, 100) }
  if (reply.tone === 'success') return { toast, card: { type: 'raw', data: feishuCard({ ...reply, title: reply.title ?? '已处理', actions: undefined, form: undefined }) } }
  if (reply.tone === 'info') return { toast, card: { type: 'raw', data: feishuCard({ ...reply, title: reply.title ?? '对口支援助手' }) } }
  return { toast }
}

/** A form left incomplete: nothing is sent on, the card stays for the user to finish. */
export function incompleteFormAnswer(missing: string[]) {
  return { toast: { type: 'error' as const, content: `请填写：${missing.join('、')}` } }
}
