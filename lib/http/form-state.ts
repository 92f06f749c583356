/** What a dashboard form action answers when it does not redirect: messages already in the page's language. */
export type FormState = {
  /** Field path (`title.kk`) → message. */
  errors: Record<string, string>;
  /** One message about the whole form (a conflict, a refused transition), or null. */
  message: string | null;
  /** What was typed, so the form comes back as it was sent. */
  values: Record<string, unknown> | null;
};

export const initialFormState: FormState = { errors: {}, message: null, values: null };

export function valueAt(values: Record<string, unknown> | null | undefined, path: string): string {
  let node: unknown = values;
  for (const part of path.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return node === undefined || node === null ? "" : String(node);
}
