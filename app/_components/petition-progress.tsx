import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

/** Count and goal as text a screen reader reads, and a native <progress> bar (no inline styles under our CSP). */
export async function PetitionProgress({ count, goal, locale }: { count: number; goal: number; locale?: Locale }) {
  const t = translator(locale ?? ((await getLocale()) as Locale));
  const label = t("petitions.progress", { count, goal });
  return (
    <div className="progress">
      <p className="count" data-testid="signature-count" data-count={count}>
        <strong>{t("petitions.count", { count })}</strong>
      </p>
      <progress max={goal} value={Math.min(count, goal)} aria-label={label}>
        {label}
      </progress>
      <p className="muted">{t("petitions.goal", { goal })}</p>
    </div>
  );
}
