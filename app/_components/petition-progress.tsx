import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

/**
 * Count and goal as text a screen reader reads, and a native <progress> bar (no inline styles under our CSP).
 * `final`: signing has ended, so the count is the final one.
 */
export async function PetitionProgress({ count, goal, locale, final = false }: { count: number; goal: number; locale?: Locale; final?: boolean }) {
  const t = translator(locale ?? ((await getLocale()) as Locale));
  const label = t("petitions.progress", { count, goal });
  return (
    <div className="progress">
      <p className="count" data-testid="signature-count" data-count={count}>
        <strong>{final ? t("petitions.finalCount", { count }) : t("petitions.count", { count })}</strong>
      </p>
      <progress max={goal} value={Math.min(count, goal)} aria-label={label}>
        {label}
      </progress>
      <p className="muted">{t("petitions.goal", { goal })}</p>
    </div>
  );
}
