import type { UpdateTexts } from "@/db/queries/updates";
import { AppError } from "@/lib/errors";
import { type Locale, locales } from "@/lib/i18n/locales";
import type { UpdateFieldsInput } from "@/lib/validation/updates";
import { hasText } from "./content";
import { markdownProblem } from "./markdown";

/** The form's fields as stored texts, refused field by field when a body breaks the Markdown rules. */
export function checkedTexts(input: UpdateFieldsInput): UpdateTexts {
  const errors: Record<string, string> = {};
  const texts: UpdateTexts = {};
  for (const l of locales) {
    const problem = markdownProblem(input.body[l]);
    if (problem) errors[`body.${l}`] = `markdown_${problem}`;
    if (input.title[l] || input.body[l]) texts[l] = { title: input.title[l], body: input.body[l] };
  }
  if (Object.keys(errors).length) throw new AppError("invalid_input", errors);
  return texts;
}

/** What must hold before an update goes out: its default language has a title and a body; each body is clean. */
export function assertSendable(u: { texts: UpdateTexts; defaultLocale: string }): void {
  const errors: Record<string, string> = {};
  const l = u.defaultLocale as Locale;
  if (!hasText(u.texts, l)) errors.form = "update_empty";
  for (const [locale, t] of Object.entries(u.texts)) {
    if (t && markdownProblem(t.body)) errors[`body.${locale}`] = `markdown_${markdownProblem(t.body)}`;
    if (t && Boolean(t.title.trim()) !== Boolean(t.body.trim())) errors.form ??= "update_half_written";
  }
  if (Object.keys(errors).length) throw new AppError("invalid_input", { form: errors.form ?? "summary", ...errors });
}
