import type { LinkAction, Locale } from '../notification';
import { escapeHtml } from './plain-text';

/** One message, in plain text, before it is laid out as the text part and the HTML part of a mail. */
export interface Message {
  locale: Locale;
  subject: string;
  greeting: string;
  paragraphs: string[];
  facts: Array<{ label: string; value: string }>;
  /** Comments kept verbatim, line breaks and all. */
  quote: { heading: string; text: string } | null;
  /** Digest lines: one per notification of the day. */
  entries: Array<{ title: string; details: string[]; link: Link | null }>;
  links: { heading: string; buttons: Link[] } | null;
  footer: string[];
}

export interface Link {
  action: LinkAction;
  label: string;
  url: string;
}

export function toText(message: Message): string {
  const blocks: string[] = [message.greeting, ...message.paragraphs];
  if (message.facts.length > 0) blocks.push(message.facts.map(({ label, value }) => `- ${label}: ${value}`).join('\n'));
  if (message.quote) blocks.push(`${message.quote.heading}:\n${message.quote.text.split('\n').map((line) => `> ${line}`).join('\n')}`);
  blocks.push(...message.entries.map((entry, index) => entryText(entry, index)));
  if (message.links) blocks.push([message.links.heading, ...message.links.buttons.map(({ label, url }) => `${label}: ${url}`)].join('\n'));
  blocks.push(['--', ...message.footer].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function entryText(entry: Message['entries'][number], index: number): string {
  const lines = [`${index + 1}. ${entry.title}`, ...entry.details.map((detail) => `   ${detail}`)];
  if (entry.link) lines.push(`   ${entry.link.label}: ${entry.link.url}`);
  return lines.join('\n');
}

// Mail clients drop <style> blocks and external files: every style is inline, and there are no images.
const STYLE = {
  body: 'margin:0;padding:0;background:#f4f5f7;',
  card: 'max-width:640px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;',
  paragraph: 'margin:0 0 12px 0;',
  factsTable: 'border-collapse:collapse;margin:8px 0 16px 0;width:100%;',
  factLabel: 'padding:4px 12px 4px 0;color:#52606d;vertical-align:top;white-space:nowrap;',
  factValue: 'padding:4px 0;vertical-align:top;font-weight:bold;',
  quote: 'margin:0 0 16px 0;padding:8px 12px;border-left:4px solid #c9a227;background:#fdf8e7;',
  entry: 'margin:0 0 12px 0;',
  footer: 'margin:24px 0 0 0;padding-top:12px;border-top:1px solid #d9dde3;font-size:13px;color:#52606d;',
};

const BUTTON_COLOURS: Record<LinkAction, string> = {
  approve: '#1e7e34',
  agree: '#1e7e34',
  return: '#b02a37',
  open: '#0b5394',
};

export function toHtml(message: Message): string {
  const parts = [`<p style="${STYLE.paragraph}">${escapeHtml(message.greeting)}</p>`, ...message.paragraphs.map((text) => `<p style="${STYLE.paragraph}">${escapeHtml(text)}</p>`)];
  if (message.facts.length > 0) parts.push(factsHtml(message.facts));
  if (message.quote) parts.push(quoteHtml(message.quote));
  if (message.entries.length > 0) parts.push(`<ol style="padding-left:20px;">${message.entries.map(entryHtml).join('')}</ol>`);
  if (message.links) parts.push(`<p style="${STYLE.paragraph}">${escapeHtml(message.links.heading)}</p><p style="${STYLE.paragraph}">${message.links.buttons.map(buttonHtml).join(' ')}</p>`);
  parts.push(`<div style="${STYLE.footer}">${message.footer.map((line) => `<p style="margin:0 0 6px 0;">${escapeHtml(line)}</p>`).join('')}</div>`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${message.locale}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(message.subject)}</title></head>`,
    `<body style="${STYLE.body}"><div style="${STYLE.card}">`,
    ...parts,
    '</div></body>',
    '</html>',
    '',
  ].join('\n');
}

function factsHtml(facts: Message['facts']): string {
  const rows = facts.map(({ label, value }) => `<tr><td style="${STYLE.factLabel}">${escapeHtml(label)}</td><td style="${STYLE.factValue}">${escapeHtml(value)}</td></tr>`);
  return `<table role="presentation" style="${STYLE.factsTable}">${rows.join('')}</table>`;
}

function quoteHtml(quote: NonNullable<Message['quote']>): string {
  return `<p style="${STYLE.paragraph}"><strong>${escapeHtml(quote.heading)}:</strong></p><blockquote style="${STYLE.quote}">${withLineBreaks(quote.text)}</blockquote>`;
}

function entryHtml(entry: Message['entries'][number]): string {
  const lines = [`<strong>${escapeHtml(entry.title)}</strong>`, ...entry.details.map(escapeHtml)];
  if (entry.link) lines.push(linkHtml(entry.link));
  return `<li style="${STYLE.entry}">${lines.join('<br>')}</li>`;
}

function buttonHtml(link: Link): string {
  const style = `display:inline-block;margin:0 8px 8px 0;padding:10px 18px;border-radius:4px;background:${BUTTON_COLOURS[link.action]};color:#ffffff;font-weight:bold;text-decoration:none;`;
  return `<a href="${escapeHtml(link.url)}" target="_blank" rel="noopener" style="${style}">${escapeHtml(link.label)}</a>`;
}

function linkHtml(link: Link): string {
  return `<a href="${escapeHtml(link.url)}" target="_blank" rel="noopener" style="color:#0b5394;">${escapeHtml(link.label)}</a>`;
}

function withLineBreaks(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}
