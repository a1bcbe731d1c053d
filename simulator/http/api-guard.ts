// The faked API's front door: faults, body limit, TSA/Basic authentication, rate limit, journal.
import type { MiddlewareHandler } from 'hono';
import { stringToSign } from '../../lib/telesign-signing';
import { parseAuthorization } from '../backend/authenticate';
import type { Backend } from '../backend/backend';
import { journalMessage } from '../backend/journal-message';
import type { ApiEnv } from './api-env';
import { MAX_BODY_BYTES, readBodyText, signedResource } from './read-body';
import { teleSignError } from './telesign-envelope';

export interface ApiGuardOptions {
  backend: Backend;
  basePath: string;
  /** Real-time ceiling of a `hang` fault (it also ends when faults are cleared). */
  hangMs: number;
  /** Resolves when the simulator closes, releasing hung requests. */
  closing: Promise<void>;
}

export function apiGuard(options: ApiGuardOptions): MiddlewareHandler<ApiEnv> {
  const { backend, basePath } = options;
  const hang = (): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      const timer = setTimeout(done, options.hangMs);
      timer.unref?.();
      const unsubscribe = backend.faults.onClear(done);
      void options.closing.then(done);
    });

  return async (c, next) => {
    const started = performance.now();
    const now = (): number => backend.clock.now();
    const authorization = c.req.header('authorization');
    const hinted = authorization ? parseAuthorization(authorization)?.customerId : undefined;
    const hintedCid = hinted?.toUpperCase();
    const method = c.req.method;
    const path = c.req.path;

    let requestBody = '';
    const finish = async (what: string, customerId = hintedCid): Promise<void> => {
      // The answer as sent: read from a copy, so the client still gets the original.
      const responseBody = await c.res
        .clone()
        .text()
        .catch(() => '');
      const code = c.get('teleSignCode');
      const referenceId = c.get('referenceId');
      const hint = c.get('hint');
      const notes = c.get('notes') ?? [];
      const detail = [what, ...(hint !== undefined ? [hint] : []), ...notes].join('; ');
      const phone = c.get('phone');
      backend.journal.record({
        kind: 'api',
        ...(customerId !== undefined ? { customerId } : {}),
        ...(referenceId !== undefined ? { referenceId } : {}),
        ...(phone !== undefined ? { phone } : {}),
        method,
        path,
        status: c.res.status,
        ...(code !== undefined ? { code } : {}),
        latencyMs: Math.round((performance.now() - started) * 100) / 100,
        ...(authorization?.startsWith('TSA ')
          ? {
              signature: authorization.split(':')[1] ?? '',
              signed: stringToSign({
                method,
                contentType: c.req.header('content-type') ?? '',
                date: c.req.header('date'),
                xTsDate: c.req.header('x-ts-date'),
                authMethod: c.req.header('x-ts-auth-method'),
                nonce: c.req.header('x-ts-nonce'),
                body: requestBody,
                resource: signedResource(c.req.url, basePath),
              }),
            }
          : {}),
        request: journalMessage({
          method,
          url: c.req.url,
          headers: c.req.raw.headers,
          body: requestBody,
        }),
        response: journalMessage({
          status: c.res.status,
          headers: c.res.headers,
          body: responseBody,
        }),
        detail,
      });
    };

    const fault = backend.faults.takeApi(hintedCid);
    if (fault) {
      if (fault === 'hang') await hang();
      if (fault === 'non-json') {
        c.res = c.text('Internal Server Error', 500);
      } else if (fault === 'empty') {
        c.res = c.body(null, 500);
      } else {
        c.res = teleSignError(c, { code: -90001, hint: 'injected fault: unavailable' }, now());
      }
      await finish(`injected fault: ${fault}`);
      return c.res;
    }

    const body = await readBodyText(c);
    requestBody = body ?? '';
    if (body === null) {
      c.res = teleSignError(
        c,
        { code: -40006, hint: `the body is larger than ${MAX_BODY_BYTES / 1024} KB` },
        now(),
      );
      await finish('body too large');
      return c.res;
    }
    const verdict = backend.authenticate({
      method,
      resource: signedResource(c.req.url, basePath),
      contentType: c.req.header('content-type') ?? '',
      body,
      authorization,
      date: c.req.header('date'),
      xTsDate: c.req.header('x-ts-date'),
      authMethod: c.req.header('x-ts-auth-method'),
      nonce: c.req.header('x-ts-nonce'),
    });
    if (!verdict.ok) {
      c.res = teleSignError(c, verdict.problem, now());
      await finish('authentication failed');
      return c.res;
    }
    const { account } = verdict;
    if (!backend.rateLimiter.take(account.customerId, account.rateLimitPerSecond)) {
      c.res = teleSignError(
        c,
        {
          code: 10019,
          hint: `at most ${account.rateLimitPerSecond} requests per second for this account`,
        },
        now(),
      );
      await finish('rate limited', account.customerId);
      return c.res;
    }
    c.set('account', account);
    c.set('body', body);
    await next();
    await finish(`${verdict.scheme} ${method} ${path}`, account.customerId);
  };
}
