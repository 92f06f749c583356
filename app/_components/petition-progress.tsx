import { getTranslations } from "next-intl/server";

/** Count and goal as text a screen reader reads, and a native <progress> bar (no inline styles under our CSP). */
export async function PetitionProgress({ count, goal }: { count: number; goal: number }) {
  const t = await getTranslations("petitions");
  const label = t("progress", { count, goal });
  return (
    <div className="progress">
      <p className="count" data-testid="signature-count" data-count={count}>
        <strong>{t("count", { count })}</strong>
      </p>
      <progress max={goal} value={Math.min(count, goal)} aria-label={label}>
        {label}
      </progress>
      <p className="muted">{t("goal", { goal })}</p>
    </div>
  );
}
