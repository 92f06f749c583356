import type { Db } from "@/db";
import { confirmedPerDay, consentCounts, countSignaturesByState } from "@/db/queries/signature-reports";
import type { Actor } from "@/lib/organizers/access";
import { authorizePetition } from "@/lib/organizers/authorize";
import { timeZone } from "@/lib/i18n/locales";

/** Days of the per-day chart: from the first signature to today at most this many. */
const maxDays = 60;

function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date in Almaty, as YYYY-MM-DD. */
export function almatyToday(now = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone }).format(now);
}

/** Fills the days without signatures with zero so the chart's bars stand for consecutive days. */
export function fillDays(perDay: { day: string; n: number }[], today: string): { day: string; n: number }[] {
  if (perDay.length === 0) return [];
  const counts = new Map(perDay.map((d) => [d.day, d.n]));
  let start = perDay[0]!.day;
  const earliest = addDays(today, -(maxDays - 1));
  if (start < earliest) start = earliest;
  const out: { day: string; n: number }[] = [];
  for (let day = start; day <= today; day = addDays(day, 1)) out.push({ day, n: counts.get(day) ?? 0 });
  return out;
}

/** A petition's figures for its organizers: signatures by state, confirmations per day, consents. */
export async function getPetitionFigures(db: Db, actor: Actor | null, petitionId: string, now = new Date()) {
  const { petition } = await authorizePetition(db, actor, petitionId);
  const [byState, perDay, consents] = await Promise.all([
    countSignaturesByState(db, petition.id),
    confirmedPerDay(db, petition.id, timeZone),
    consentCounts(db, petition.id),
  ]);
  return { petition, byState, perDay: fillDays(perDay, almatyToday(now)), consents };
}
