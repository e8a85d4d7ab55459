import { PERSONAS } from '@spindeln/demo-personas';
import { formatPersonnummer } from '@spindeln/personnummer';

/** The simulator's pages: plain Swedish, large and clear, like a BankID broker's. */

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function layout(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – BankID (simulator)</title>
${head}
<style>
  body { font-family: system-ui, sans-serif; font-size: 1.25rem; line-height: 1.5; margin: 0; background: #f4f4f4; color: #1a1a1a; }
  main { max-width: 40rem; margin: 0 auto; padding: 1.5rem; background: #fff; min-height: 100vh; }
  h1 { font-size: 1.75rem; }
  .sim { background: #fff3cd; border: 2px solid #8a6d00; padding: .5rem 1rem; font-size: 1rem; }
  fieldset { border: 0; padding: 0; margin: 1rem 0; }
  legend { font-weight: 700; margin-bottom: .5rem; }
  label { display: block; padding: .5rem 0; }
  input[type=text] { font-size: 1.25rem; padding: .5rem; width: 100%; box-sizing: border-box; border: 2px solid #333; }
  button { font-size: 1.25rem; padding: .75rem 1.25rem; margin: .5rem .5rem .5rem 0; border: 2px solid #193e4f; background: #193e4f; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #193e4f; }
  :focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
  .error { color: #b00020; font-weight: 700; }
  details { margin-top: 1.5rem; font-size: 1rem; }
</style>
</head>
<body><main>
<p class="sim">Detta är en BankID-simulator för utveckling och test. Ingen riktig legitimering sker.</p>
${body}
</main></body></html>`;
}

const GROUPS: { title: string; keys: (keyof typeof PERSONAS)[] }[] = [
  { title: 'Omsorgstagare', keys: ['elsa', 'gunnar', 'britt', 'ingrid', 'hedvig'] },
  { title: 'Närstående', keys: ['maria', 'johan', 'lars', 'karin', 'pia'] },
  { title: 'Personal', keys: ['anna', 'mohammed', 'sara', 'peter', 'lena', 'olof', 'fatima'] },
];

export function loginPage(uid: string, error?: string): string {
  const personas = GROUPS.map(
    (g) =>
      `<fieldset><legend>${g.title}</legend>${g.keys
        .map((k) => {
          const p = PERSONAS[k];
          return `<label><input type="radio" name="persona" value="${p.personnummer}"> ${escapeHtml(p.givenName)} ${escapeHtml(p.familyName)}: ${escapeHtml(p.hint)} <small>(${formatPersonnummer(p.personnummer)})</small></label>`;
        })
        .join('')}</fieldset>`,
  ).join('');
  return layout(
    'Logga in',
    `<h1>Logga in med BankID</h1>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
  <h2>Välj en testperson</h2>
  ${personas}
  <label for="personnummer">… eller skriv ett personnummer (ÅÅÅÅMMDD-NNNN)</label>
  <input type="text" id="personnummer" name="personnummer" inputmode="numeric" autocomplete="off">
  <h2>Hur vill du legitimera dig?</h2>
  <button type="submit" name="method" value="same-device">BankID på den här enheten</button>
  <button type="submit" name="method" value="other-device" class="secondary">Mobilt BankID på annan enhet</button>
  <details><summary>Testfall</summary>
    <label><input type="radio" name="outcome" value="ok" checked> Lyckad legitimering</label>
    <label><input type="radio" name="outcome" value="timeout"> Ordern går ut (ingen svarar)</label>
    <label><input type="radio" name="outcome" value="weak"> Svara med en svagare inloggningsmetod</label>
    <label><input type="radio" name="outcome" value="bad-number"> Skicka ett ogiltigt personnummer</label>
  </details>
</form>
<form method="post" action="/interaction/${uid}/cancel"><button type="submit" class="secondary">Avbryt</button></form>`,
  );
}

export function waitPage(uid: string, method: string, waitMs: number): string {
  const text =
    method === 'other-device'
      ? 'Starta BankID-appen på din mobil och skanna QR-koden. (Simulerad.)'
      : 'Öppnar BankID-appen på den här enheten …';
  return layout(
    'Väntar på BankID',
    `<h1>Väntar på BankID</h1>
<p role="status">${text}</p>
<form method="get" action="/interaction/${uid}/complete"><button type="submit" id="continue">Fortsätt</button></form>
<form method="post" action="/interaction/${uid}/cancel"><button type="submit" class="secondary">Avbryt</button></form>`,
    `<meta http-equiv="refresh" content="${Math.ceil(waitMs / 1000)};url=/interaction/${uid}/complete">`,
  );
}

export function errorPage(message: string): string {
  return layout('Något gick fel', `<h1>Något gick fel</h1><p>${escapeHtml(message)}</p>`);
}
