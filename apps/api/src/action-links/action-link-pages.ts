import { formatVnd, vndInWords, type PlanItem } from '@plancycle/domain';
import { actionLabel, escapeHtml, formatDueDate, planTitle, type LinkAction } from '@plancycle/notifications';
import type { PlanDecisionResult } from '@plancycle/workflows';
import type { ActionLinkView } from './action-links.service';

/** Rows shown on the page; a longer plan is read in full in the web app. */
const ITEMS_SHOWN = 50;

const STAGE_LABELS: Record<string, string> = {
  drafting: 'đang soạn thảo',
  appraisal: 'chờ thẩm định',
  approval: 'chờ phê duyệt',
  issued: 'đã ban hành',
};

const CONFIRM_LABELS: Record<LinkAction, string> = {
  approve: 'Xác nhận phê duyệt và ban hành',
  agree: 'Xác nhận đồng ý (thẩm định)',
  return: 'Xác nhận trả lại',
  open: 'Mở việc',
};

/** The page a link opens: the plan, and a form whose POST takes the decision. */
export function confirmPage(view: ActionLinkView, form: { comments?: string; error?: string } = {}): string {
  const { claims } = view;
  const deciding = claims.action !== 'open';
  const commentLabel = claims.action === 'return' ? 'Lý do trả lại (bắt buộc)' : 'Ý kiến (không bắt buộc)';
  const decisionForm = deciding
    ? `<form method="post">
  ${form.error ? `<p class="error" role="alert">${escapeHtml(form.error)}</p>` : ''}
  <label for="comments">${commentLabel}</label>
  <textarea id="comments" name="comments" rows="5" maxlength="5000"${claims.action === 'return' ? ' required' : ''}>${escapeHtml(form.comments ?? '')}</textarea>
  <button type="submit">${CONFIRM_LABELS[claims.action]}</button>
</form>
<p class="hint">Mở liên kết không thay đổi gì; quyết định chỉ được ghi khi bạn bấm nút xác nhận.</p>`
    : view.actions.length > 0
      ? `<p>Chọn thao tác:</p><p>${view.actions.map(({ action, url }) => `<a class="button" href="${escapeHtml(url)}">${escapeHtml(actionLabel(action, 'vi'))}</a>`).join(' ')}</p>`
      : `<p class="hint">Liên kết này để xem việc; người được giao xử lý việc trên PlanCycle.</p>`;
  return layout(
    `${actionLabel(claims.action, 'vi')}: ${planTitle(planFacts(view), 'vi')}`,
    `<p>Người xử lý: <strong>${escapeHtml(view.recipient.fullName)}</strong></p>
${summaryTable(view)}
${opinionsSection(view)}
${itemsTable(view.version.items)}
${decisionForm}
<p><a href="${escapeHtml(view.webUrl)}">Mở việc này trên PlanCycle (web)</a></p>`,
  );
}

/** After the decision: what happened, and the number when the plan was issued. */
export function donePage(view: ActionLinkView, result: PlanDecisionResult): string {
  const what: Record<LinkAction, string> = {
    approve: result.documentNumber ? `Kế hoạch đã được phê duyệt và ban hành, số ${result.documentNumber}.` : 'Kế hoạch đã được phê duyệt.',
    agree: 'Đã ghi ý kiến thẩm định: đồng ý. Kế hoạch được chuyển sang bước phê duyệt.',
    return: 'Kế hoạch đã được trả lại cho đơn vị soạn thảo cùng lý do của bạn.',
    open: '',
  };
  return layout(
    'Đã ghi nhận quyết định',
    `<p class="done" role="status">${escapeHtml(what[view.claims.action])}</p>
<p>${escapeHtml(planTitle(planFacts(view), 'vi'))}, phiên bản ${view.claims.version}. Trạng thái hiện tại: ${escapeHtml(STAGE_LABELS[result.stage] ?? result.stage)}.</p>`,
  );
}

/** Why the link cannot be used, with its code, and where to do the task instead. */
export function refusedPage(refusal: { code: string; message: string }, webUrl: string): string {
  return layout(
    'Không thực hiện được',
    `<p class="error" role="alert">${escapeHtml(refusal.message)}</p>
<p class="code">Mã: <code>${escapeHtml(refusal.code)}</code></p>
<p>Bạn có thể xem và xử lý việc trên PlanCycle: <a href="${escapeHtml(webUrl)}">mở PlanCycle trên web</a>.</p>`,
  );
}

function planFacts(view: ActionLinkView) {
  const items = view.version.items;
  return {
    cycleId: view.cycle.id,
    year: view.cycle.year,
    unitCode: view.plan.unitCode,
    unitName: view.plan.unitName,
    planKind: view.plan.kind,
    version: view.version.version,
    itemCount: items.length,
    totalBudget: totalOf(items),
    documentNumber: view.version.documentNumber,
  };
}

const totalOf = (items: readonly PlanItem[]) => items.reduce((sum, item) => sum + (item.budget ?? 0), 0);

function summaryTable(view: ActionLinkView): string {
  const total = totalOf(view.version.items);
  const rows: Array<[string, string]> = [
    ['Đơn vị', view.plan.unitName],
    ['Kế hoạch', planTitle(planFacts(view), 'vi')],
    ['Phiên bản', String(view.version.version)],
    ['Số nội dung', String(view.version.items.length)],
    ['Tổng kinh phí', `${formatVnd(total)} đồng (${vndInWords(total)})`],
    ['Hạn xử lý', formatDueDate(view.task.dueAt, 'vi')],
  ];
  return `<table class="facts">${rows.map(([name, value]) => `<tr><th scope="row">${name}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`;
}

function opinionsSection(view: ActionLinkView): string {
  if (view.opinions.length === 0) return '';
  const rows = view.opinions
    .map(
      (opinion) =>
        `<li>Phiên bản ${opinion.version}, ${opinion.step === 'appraisal' ? 'thẩm định' : 'phê duyệt'}: ${opinion.decision === 'agree' ? 'đồng ý' : 'trả lại'}${
          opinion.comments ? ` — ${escapeHtml(opinion.comments)}` : ''
        }</li>`,
    )
    .join('');
  return `<h2>Ý kiến các vòng trước</h2><ul>${rows}</ul>`;
}

function itemsTable(items: readonly PlanItem[]): string {
  if (items.length === 0) return '<p>Kế hoạch chưa có nội dung nào.</p>';
  const rows = items
    .slice(0, ITEMS_SHOWN)
    .map(
      (item, index) =>
        `<tr><td>${index + 1}</td><td>${escapeHtml(item.content)}</td><td>${escapeHtml(item.leadUnitCode)}</td><td class="money">${
          item.budget === null ? '' : formatVnd(item.budget)
        }</td></tr>`,
    )
    .join('');
  const more = items.length > ITEMS_SHOWN ? `<p class="hint">Và ${items.length - ITEMS_SHOWN} nội dung khác: xem đầy đủ trên PlanCycle.</p>` : '';
  return `<h2>Nội dung kế hoạch</h2>
<table class="items"><thead><tr><th>TT</th><th>Nội dung</th><th>Chủ trì</th><th>Kinh phí (đồng)</th></tr></thead><tbody>${rows}</tbody></table>${more}`;
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} — PlanCycle</title>
<style>
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
h1{font-size:1.35rem}h2{font-size:1.1rem;margin-top:1.5rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
.facts th{width:11rem;color:#444;font-weight:600}.items thead th{background:#f3f3f3}.money{text-align:right;white-space:nowrap}
label{display:block;margin-top:1rem;font-weight:600}textarea{width:100%;font:inherit;padding:.4rem;box-sizing:border-box}
button,.button{display:inline-block;margin-top:.8rem;padding:.55rem 1.1rem;border:0;border-radius:4px;background:#a50e0e;color:#fff;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
button:focus,.button:focus,textarea:focus{outline:3px solid #f0b400;outline-offset:2px}
.error{background:#fdecea;border-left:4px solid #a50e0e;padding:.6rem .8rem}.done{background:#e8f5e9;border-left:4px solid #1b5e20;padding:.6rem .8rem}
.hint{color:#555;font-size:.92rem}
</style></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}
