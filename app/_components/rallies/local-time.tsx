"use client";

import { useEffect, useState } from "react";

/**
 * The rally's time in the reader's own zone, added only when JavaScript runs and the browser's zone is not
 * the rally's (the page itself always states the rally's local time and zone).
 */
export function YourLocalTime({ startsAt, endsAt, timeZone, label, locale }: { startsAt: string; endsAt: string; timeZone: string; label: string; locale: string }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const at = new Date(startsAt);
    const sameOffset = (zone: string) => new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" }).format(at).split(" ").pop();
    if (!mine || mine === timeZone || sameOffset(mine) === sameOffset(timeZone)) return;
    const f = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" });
    setText(f.formatRange(at, new Date(endsAt)));
  }, [startsAt, endsAt, timeZone, locale]);
  if (!text) return null;
  return (
    <p className="muted" data-testid="your-local-time">
      {label}: {text}
    </p>
  );
}
