import { commonText, downloadLinks } from '../i18n/common.messages';
import type { Locale } from '../i18n/locale';
import { html, type SafeHtml } from './html';

/** "Tải về: Word (.docx) · PDF · Excel (.xlsx)": the same line on every page that has files. */
export function downloadsLine(locale: Locale, files: Partial<Record<'xlsx' | 'docx' | 'pdf', string>>): SafeHtml {
  const links = downloadLinks(locale, files);
  return html`<p class="downloads" id="downloads">${commonText(locale).downloads}: ${links.map((link, index) => html`${index > 0 && ' · '}<a href="${link.href}" download>${link.label}</a>`)}</p>`;
}
