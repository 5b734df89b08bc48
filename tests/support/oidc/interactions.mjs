// The sign-in page. One form both logs in and consents (a first-party client needs no consent
// screen) and answers `prompt=select_account`, which our server always sends.
import { interactionPolicy } from 'oidc-provider';

export function policy() {
  const prompts = interactionPolicy.base();
  prompts.add(new interactionPolicy.Prompt({ name: 'select_account', requestable: true }), 0);
  return prompts;
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, clientId) {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Sign-in</title></head>
<body>
<h1>Sign in to ${escapeHtml(clientId)}</h1>
<form autocomplete="off" action="/interaction/${escapeHtml(uid)}/login" method="post">
  <input type="hidden" name="prompt" value="login">
  <input required type="text" name="login" placeholder="Enter any login">
  <input required type="password" name="password" placeholder="and any password">
  <button type="submit">Sign-in</button>
</form>
</body></html>`;
}

async function readForm(req, limit = 16 * 1024) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > limit) {
      throw new Error('form too large');
    }
  }
  return new URLSearchParams(body);
}

// Koa middleware mounted in front of the provider's own routes.
export function interactionRoutes(provider) {
  return async (ctx, next) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(ctx.path);
    if (!match) {
      return next();
    }
    ctx.set('Cache-Control', 'no-store');
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === 'GET' && !match[2]) {
      ctx.type = 'html';
      ctx.body = loginPage(details.uid, details.params.client_id);
      return undefined;
    }
    if (ctx.method !== 'POST' || !match[2]) {
      ctx.status = 405;
      return undefined;
    }
    const form = await readForm(ctx.req);
    const accountId = form.get('login') ?? '';
    if (!accountId || !form.get('password')) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = loginPage(details.uid, details.params.client_id);
      return undefined;
    }
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    const result = {
      select_account: {},
      login: { accountId },
      consent: { grantId: await grant.save() },
    };
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, {
      mergeWithLastSubmission: false,
    });
    ctx.status = 303;
    ctx.redirect(returnTo);
    return undefined;
  };
}
