/**
 * CSRF protection for forms filled in without a staff session: the sign-in form and citizens' forms (error reports,
 * later disclosure requests, comments, messages). A visitor gets a random secret in a cookie and the form carries a
 * token derived from it (@fastify/csrf, HMAC-keyed with the server's secret, valid for a day): the double-submit
 * pattern, so no session row is written for someone who only looks at a form.
 */
import Tokens from '@fastify/csrf';
import type { FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the route's form is protected by the anonymous form token instead of the session's */
    anonymousForm?: boolean;
  }
}

const COOKIE = 'gk_form';
/** A form left open longer than this must be reloaded. */
const TOKEN_VALIDITY_MS = 24 * 3_600_000;

const tokensBySecret = new WeakMap<object, Tokens.TokensSimple>();

function tokensFor(request: FastifyRequest): Tokens.TokensSimple {
  const config = request.server.config;
  let tokens = tokensBySecret.get(config);
  if (!tokens) {
    tokens = Tokens({ hmacKey: config.sessionSecret, validity: TOKEN_VALIDITY_MS });
    tokensBySecret.set(config, tokens);
  }
  return tokens;
}

function secretOf(request: FastifyRequest): string | null {
  const value = request.cookies?.[COOKIE];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(value) ? value : null;
}

/** A token for an anonymous form; sets the secret cookie on first use. */
export function anonymousFormToken(request: FastifyRequest, reply: FastifyReply): string {
  const tokens = tokensFor(request);
  let secret = secretOf(request);
  if (!secret) {
    secret = tokens.secretSync();
    reply.setCookie(COOKIE, secret, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.server.config.cookieSecure,
    });
    // Later reads in this request (a re-rendered form) must see the same secret.
    request.cookies[COOKIE] = secret;
  }
  return tokens.create(secret);
}

/** Whether the submitted token matches this visitor's secret. */
export function verifyAnonymousForm(request: FastifyRequest, token: string | undefined): boolean {
  const secret = secretOf(request);
  return secret !== null && typeof token === 'string' && tokensFor(request).verify(secret, token);
}
