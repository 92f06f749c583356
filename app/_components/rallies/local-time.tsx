/**
 * Where public/enhance.js adds the rally's time in the reader's own zone, when JavaScript runs and the browser's
 * zone is not the rally's (the page itself always states the rally's local time and zone). Empty without it.
 */
export function YourLocalTime({ startsAt, endsAt, timeZone, label, locale }: { startsAt: string; endsAt: string; timeZone: string; label: string; locale: string }) {
  return <span hidden data-local-time="" data-starts-at={startsAt} data-ends-at={endsAt} data-time-zone={timeZone} data-label={label} data-locale={locale} />;
}
