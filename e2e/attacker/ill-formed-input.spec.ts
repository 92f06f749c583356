import postgres from "postgres";
import { indexOf } from "../support/data";
import { expect, test } from "../support/fixtures";
import { petitionSlug } from "../support/site";

// Text that breaks storage or disguises a name, sent straight at the sign API: a clear 4xx, nothing stored.

const url = `/api/v1/petitions/${petitionSlug}/signatures`;
const json = { Accept: "application/json" };

test("ill-formed or invisible characters in a name are refused with a message and store nothing", async ({ request }) => {
  const stamp = Date.now().toString(36);
  const cases: Array<[string, string]> = [
    ["lone surrogate", "A \ud800"],
    ["zero-width space", "Ali\u200bya"],
    ["right-to-left override", "Aliya \u202eayilA"],
    ["line separator", "Aliya\u2028Nur"],
    ["stacked combining marks", "Z\u0301\u0302\u0303\u0304algo"],
  ];
  const emails: string[] = [];
  for (const [label, name] of cases) {
    const email = `ill-formed.${label.replace(/\W/g, "")}.${stamp}@example.org`;
    emails.push(email);
    const response = await request.post(url, { headers: json, data: { name, email, locale: "en" } });
    expect(response.status(), label).toBe(422);
    expect(await response.json(), label).toMatchObject({ error: "invalid_input", fields: { name: "name_invalid" } });
  }
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select count(*)::int as n from signatures where email_index in ${sql(emails.map(indexOf))}`;
    expect(row!.n).toBe(0);
  } finally {
    await sql.end();
  }
});

test("a form body that is not UTF-8 is a 400, not a 5xx", async ({ request }) => {
  const response = await request.post(url, {
    headers: { ...json, "Content-Type": "application/x-www-form-urlencoded" },
    data: Buffer.from("name=A%20%ED%A0%80&email=a%40example.org&locale=en".replace("%ED%A0%80", "\u00ed\u00a0\u0080"), "latin1"),
  });
  expect(response.status()).toBe(400);
});
