import type { Locale } from "@/lib/i18n/locales";
import { formatter } from "@/lib/i18n/translator";
import { calendarDate } from "./dates";

/** Names signers let be shown, each with the day they signed (nothing finer). */
export function SignerList({ signers, locale, start = 1 }: { signers: { name: string; day: string }[]; locale: Locale; start?: number }) {
  const f = formatter(locale);
  return (
    <ol className="signer-list" start={start}>
      {signers.map((s, i) => (
        <li key={`${start + i}`}>
          <span className="signer-name">{s.name}</span>{" "}
          <time className="muted" dateTime={s.day}>
            {f.dateTime(calendarDate(s.day), { dateStyle: "long", timeZone: "UTC" })}
          </time>
        </li>
      ))}
    </ol>
  );
}
