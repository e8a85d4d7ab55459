import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** A fresh nonce per response: the only scripts that run are the ones the portal rendered. */
export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/** `formTargets`: where a form may lead after its redirects (the broker, for logout). */
export function contentSecurityPolicy(nonce: string, production: boolean, formTargets: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // Vite's development client talks to its server over a WebSocket; nothing else leaves.
    `connect-src 'self'${production ? '' : ' ws://127.0.0.1:* ws://localhost:*'}`,
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers on every response, pages and assets alike. */
export function securityHeaders(production: boolean, formTargets: string[]) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = newNonce();
    res.locals.nonce = nonce;
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce, production, formTargets));
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (production) res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
    next();
  };
}

/**
 * A second wall behind the per-session CSRF token: a state-changing request that says it comes from
 * another site is refused before it reaches an action.
 */
export function sameOriginWrites(origin: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const from = req.get('origin');
    const site = req.get('sec-fetch-site');
    if ((from && from !== origin) || site === 'cross-site') {
      res.status(403).type('text/plain').send('Förfrågan kom från en annan webbplats och stoppades.');
      return;
    }
    next();
  };
}
