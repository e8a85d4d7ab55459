import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { BANKID_ACR } from '@spindeln/bankid';
import { PERSONAS } from '@spindeln/demo-personas';
import { parsePersonnummer } from '@spindeln/personnummer';
import express from 'express';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { SimulatorConfig } from './config';
import { errorPage, loginPage, waitPage } from './pages';

/** An acr no real BankID login returns: lets tests check that a weaker method is refused. */
export const WEAK_ACR = 'urn:spindeln:sim:weak';

const METHOD_ACR: Record<string, string> = {
  'same-device': BANKID_ACR.sameDevice,
  'other-device': BANKID_ACR.otherDevice,
};

interface Order {
  personnummer: string;
  acr: string;
  outcome: 'ok' | 'timeout' | 'bad-number';
}

/** Test case: the broker sends a personnummer with a wrong check digit. */
const BAD_NUMBER = 'bad-number:';

function nameOf(personnummer: string): { given_name: string; family_name: string } {
  const p = Object.values(PERSONAS).find((x) => x.personnummer === personnummer);
  return p ? { given_name: p.givenName, family_name: p.familyName } : { given_name: 'Test', family_name: 'Testsson' };
}

/**
 * A local BankID broker: a real OpenID Provider (oidc-provider) with a BankID-like login page. PKCE
 * is required for every client; tokens carry the configured personnummer claim, names and acr.
 */
export async function createSimulator(config: SimulatorConfig) {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = {
    ...(await exportJWK(privateKey)),
    kid: `sim-${randomBytes(4).toString('hex')}`,
    alg: 'RS256',
    use: 'sig',
  };
  const claims = ['sub', config.claim, 'given_name', 'family_name', 'name'];
  const orders = new Map<string, Order>();

  const provider = new Provider(config.issuer, {
    clients: [
      {
        client_id: config.BANKID_SIM_CLIENT_ID,
        client_secret: config.BANKID_SIM_CLIENT_SECRET,
        redirect_uris: config.BANKID_SIM_REDIRECT_URIS.split(',').map((s) => s.trim()),
        post_logout_redirect_uris: config.BANKID_SIM_POST_LOGOUT_URIS.split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true, methods: ['S256'] },
    acrValues: [BANKID_ACR.sameDevice, BANKID_ACR.otherDevice, WEAK_ACR],
    claims: { openid: claims },
    // Brokers put the identity in the ID token itself.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    jwks: { keys: [signingKey as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    ttl: { AuthorizationCode: 60, IdToken: 300, AccessToken: 300, Interaction: 600, Session: 600, Grant: 600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, accountId) {
      const bad = accountId.startsWith(BAD_NUMBER);
      const personnummer = bad ? accountId.slice(BAD_NUMBER.length) : accountId;
      return {
        accountId,
        async claims() {
          const names = nameOf(personnummer);
          return {
            // `sub` differs per broker; the personnummer is the key.
            sub: createHash('sha256').update(`${config.issuer}|${personnummer}`).digest('hex').slice(0, 32),
            [config.claim]: bad
              ? personnummer.slice(0, 11) + String((Number(personnummer[11]) + 1) % 10)
              : personnummer,
            ...names,
            name: `${names.given_name} ${names.family_name}`,
          };
        },
      };
    },
    // The portal is first-party: no consent screen, as with a broker.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const clientId = ctx.oidc.client!.clientId;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope('openid profile');
      grant.addOIDCClaims(claims);
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage(`${out.error}: ${out.error_description ?? ''}`);
    },
  });

  const app = express();
  app.disable('x-powered-by');
  const form = express.urlencoded({ extended: false, limit: '8kb' });

  // Own routes come before the provider's.
  app.get('/interaction/:uid', async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      res.type('html').send(loginPage(details.uid));
    } catch (e) {
      next(e);
    }
  });

  app.post('/interaction/:uid/login', form, async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const typed = String(req.body.personnummer ?? '').trim();
      const parsed = parsePersonnummer(typed || String(req.body.persona ?? ''));
      if (!parsed.ok) {
        res
          .status(400)
          .type('html')
          .send(loginPage(details.uid, 'Välj en testperson eller skriv ett giltigt personnummer.'));
        return;
      }
      const method = String(req.body.method ?? 'same-device');
      const outcome = String(req.body.outcome ?? 'ok');
      orders.set(details.uid, {
        personnummer: parsed.value,
        acr: outcome === 'weak' ? WEAK_ACR : (METHOD_ACR[method] ?? BANKID_ACR.sameDevice),
        outcome: outcome === 'timeout' || outcome === 'bad-number' ? outcome : 'ok',
      });
      res.type('html').send(waitPage(details.uid, method, config.BANKID_SIM_WAIT_MS));
    } catch (e) {
      next(e);
    }
  });

  app.get('/interaction/:uid/complete', async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const order = orders.get(details.uid);
      orders.delete(details.uid);
      if (!order) {
        res.status(400).type('html').send(loginPage(details.uid, 'Börja om: välj en person och en metod.'));
        return;
      }
      const result =
        order.outcome === 'timeout'
          ? { error: 'access_denied', error_description: 'The BankID order expired (expiredTransaction)' }
          : {
              login: {
                accountId: order.outcome === 'bad-number' ? `${BAD_NUMBER}${order.personnummer}` : order.personnummer,
                acr: order.acr,
                amr: ['bankid'],
                remember: false,
              },
            };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    } catch (e) {
      next(e);
    }
  });

  app.post('/interaction/:uid/cancel', form, async (req, res, next) => {
    try {
      orders.delete(String(req.params.uid));
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The user cancelled the BankID order (userCancel)' },
        { mergeWithLastSubmission: false },
      );
    } catch (e) {
      next(e);
    }
  });

  app.use(provider.callback());
  app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res
      .status(400)
      .type('html')
      .send(errorPage(err.name === 'SessionNotFound' ? 'Inloggningen har gått ut. Börja om.' : 'Något gick fel.'));
  });

  let server: Server | undefined;
  return {
    provider,
    app,
    listen: (port = config.BANKID_SIM_PORT, host = config.BANKID_SIM_HOST) =>
      new Promise<Server>((resolve) => {
        server = app.listen(port, host, () => resolve(server!));
      }),
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}
