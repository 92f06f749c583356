/**
 * The landing of every emailed confirmation link (lib/confirmations): opening it changes nothing — mail
 * scanners open links — and its one button POSTs the token to the kind's confirm route.
 */
export function ConfirmLanding({ title, body, button, action, token, locale }: { title: string; body: string; button: string; action: string; token: string; locale: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{body}</p>
      <form method="post" action={action}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="button button-primary">
          {button}
        </button>
      </form>
    </>
  );
}

/** An unknown, expired or closed link, or one already used: what to say instead of the button. */
export function ConfirmLandingNotice({ title, body, href, linkText }: { title: string; body: string; href: string; linkText: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p role="status">{body}</p>
      <p>
        <a href={href}>{linkText}</a>
      </p>
    </>
  );
}
