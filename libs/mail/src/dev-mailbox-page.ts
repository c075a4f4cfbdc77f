/**
 * A web page over DevSmtpServer so a developer running `npm start` can read the mail PlanCycle sent.
 * Mail content is untrusted text: everything is escaped, and HTML bodies render in a sandboxed iframe
 * (no scripts, no same-origin access). No external assets, so it works offline.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DevMailMessage, DevSmtpServer } from './dev-smtp-server';

export interface DevMailboxPage {
  url: string;
  stop(): Promise<void>;
}

export async function startDevMailboxPage(smtp: DevSmtpServer, { port = 0 }: { port?: number } = {}): Promise<DevMailboxPage> {
  const server = createServer((request, response) => {
    try {
      route(smtp, request, response);
    } catch (error) {
      send(response, 500, 'text/plain; charset=utf-8', `Lỗi / error: ${(error as Error).message}`);
    }
  });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
  return {
    url: `http://127.0.0.1:${address.port}/`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A browser's keep-alive connection would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function route(smtp: DevSmtpServer, request: IncomingMessage, response: ServerResponse): void {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (request.method !== 'GET') return send(response, 405, 'text/plain; charset=utf-8', 'Method Not Allowed');
  const newestFirst = smtp.messages().reverse();
  if (pathname === '/messages.json') return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(newestFirst));
  if (pathname === '/') return send(response, 200, 'text/html; charset=utf-8', listPage(newestFirst));
  const match = /^\/messages\/([^/]+)$/.exec(pathname);
  const message = match && newestFirst.find((m) => m.id === decodeURIComponent(match[1]));
  if (message) return send(response, 200, 'text/html; charset=utf-8', messagePage(message));
  send(response, 404, 'text/html; charset=utf-8', layout('Không tìm thấy', '<p>Không tìm thấy thư này / message not found. <a href="/">Quay lại hộp thư</a></p>'));
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    // Belt and braces: the page runs no script, and the mail's HTML is already in a sandboxed frame.
    'content-security-policy': "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'",
  });
  response.end(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Web addresses in an already escaped text become links that open in a new tab. */
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`);
}

const TIME = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' });

function listPage(messages: DevMailMessage[]): string {
  const rows = messages
    .map(
      (m) => `<tr>
  <td>${escapeHtml(TIME.format(m.receivedAt))}</td>
  <td>${escapeHtml(m.from || m.envelope.from)}</td>
  <td>${escapeHtml((m.to.length ? m.to : m.envelope.to).join(', '))}</td>
  <td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || '(không có tiêu đề)')}</a></td>
</tr>`,
    )
    .join('\n');
  const body = messages.length
    ? `<table><thead><tr><th>Thời gian</th><th>Người gửi</th><th>Người nhận</th><th>Tiêu đề</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>Chưa có thư nào / no mail yet.</p>';
  // Refreshes itself: new mail arrives while the developer watches the page.
  return layout('Hộp thư phát triển', `<p class="hint">${messages.length} thư, mới nhất ở trên. Trang tự làm mới mỗi 5 giây. <a href="/messages.json">JSON</a></p>${body}`, 5);
}

function messagePage(m: DevMailMessage): string {
  const headerRows = Object.entries(m.headers)
    .map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  // Links in the mail open in a new tab (popups may leave the sandbox); the mail itself runs no script.
  const html =
    m.html === null ? '' : `<h2>Nội dung HTML</h2><iframe sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(m.html)}"></iframe>`;
  return layout(
    m.subject || '(không có tiêu đề)',
    `<p><a href="/">← Hộp thư</a></p>
<table class="meta">
<tr><th>Thời gian</th><td>${escapeHtml(TIME.format(m.receivedAt))}</td></tr>
<tr><th>Người gửi</th><td>${escapeHtml(m.from)}</td></tr>
<tr><th>Người nhận</th><td>${escapeHtml(m.to.join(', '))}</td></tr>
<tr><th>Phong bì (envelope)</th><td>${escapeHtml(m.envelope.from)} → ${escapeHtml(m.envelope.to.join(', '))}</td></tr>
</table>
<h2>Nội dung văn bản</h2><pre>${linkify(escapeHtml(m.text))}</pre>
${html}
<details><summary>Tiêu đề thư (headers)</summary><table class="meta">${headerRows}</table></details>`,
  );
}

function layout(title: string, body: string, refreshSeconds?: number): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
${refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : ''}
<title>${escapeHtml(title)} — PlanCycle</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
thead th{background:#f3f3f3}.meta th{width:12rem;color:#555}.hint{color:#555}
pre{white-space:pre-wrap;background:#f7f7f7;padding:1rem}iframe{width:100%;height:28rem;border:1px solid #ddd}
</style></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}
