import { commonText } from '../i18n/common.messages';
import type { AnonymousWebContext } from '../session/web-context';
import { html, type SafeHtml } from './html';

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Which menu entry is the current page. */
  section?: 'inbox' | 'cycles' | 'admin';
  /** A short message above the page, e.g. after a save. */
  notice?: string | null;
}

/**
 * The shell of every page: a header with the menu and the language switch, then the page. Styles and
 * the one script are served by the app itself (no font or script from another host); the page works
 * without the script, which only adds live totals, rows and refreshes.
 */
export function page(context: AnonymousWebContext, options: PageOptions): string {
  const text = commonText(context.locale);
  const user = context.user;
  const otherLocale = context.locale === 'vi' ? 'en' : 'vi';
  const current = (section: PageOptions['section']) => (options.section === section ? html` aria-current="page"` : '');
  const isAdmin = user?.roles.some((role) => role.role === 'admin') ?? false;
  return html`<!doctype html>
<html lang="${context.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${text.appName}</title>
<link rel="stylesheet" href="/app/assets/app.css">
<script src="/app/assets/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${text.skipToContent}</a>
<header class="top">
  <a class="brand" href="/app"><strong>${text.appName}</strong> <span>${text.tagline}</span></a>
  ${user &&
  html`<nav aria-label="${text.appName}">
    <a href="/app"${current('inbox')}>${text.navInbox}</a>
    <a href="/app/cycles"${current('cycles')}>${text.navCycles}</a>
    ${isAdmin && html`<a href="/app/admin"${current('admin')}>${text.navAdmin}</a>`}
  </nav>`}
  <div class="who">
    <a href="/app/lang/${otherLocale}?back=${encodeURIComponent(context.path)}" lang="${otherLocale}" title="${text.switchLanguageLabel}">${text.switchLanguage}</a>
    ${user &&
    html`<span class="user">${user.fullName}</span>
    <form method="post" action="/app/logout" class="inline">${csrfField(context)}<button type="submit" class="link">${text.signOut}</button></form>`}
  </div>
</header>
<main id="main" tabindex="-1">
${options.notice && html`<p class="notice" role="status">${options.notice}</p>`}
${options.body}
</main>
</body>
</html>`.value;
}

/** The hidden field every form of a signed-in page posts (see WebSessionGuard). */
export function csrfField(context: Pick<AnonymousWebContext, 'csrfToken'>): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${context.csrfToken}">`;
}

/** A refusal or a failure, as a page with its stable code and a way back. */
export function errorPage(context: AnonymousWebContext, error: { status: number; code: string; message: string }): string {
  const text = commonText(context.locale);
  const title = error.status === 404 ? text.notFoundTitle : text.errorTitle;
  return page(context, {
    title,
    body: html`<section class="card error-page">
  <h1>${title}</h1>
  <p role="alert">${error.message}</p>
  <p class="muted">${text.errorCode}: <code>${error.code}</code> (HTTP ${error.status})</p>
  <p><a class="button" href="/app">${text.home}</a></p>
</section>`,
  });
}
