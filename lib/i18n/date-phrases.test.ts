import { describe, expect, it } from "vitest";
import { datePhrase } from "./date-phrases";
import { kazakhCase } from "./kazakh-case";

/** Every month, in each case a date phrase uses. Checked against Kazakh grammar (vowel harmony, voicing, nasals). */
const months: Array<[string, string, string, string]> = [
  // nominative, dative (… дейін), locative (… күні), ablative (… бастап)
  ["қаңтар", "қаңтарға", "қаңтарда", "қаңтардан"],
  ["ақпан", "ақпанға", "ақпанда", "ақпаннан"],
  ["наурыз", "наурызға", "наурызда", "наурыздан"],
  ["сәуір", "сәуірге", "сәуірде", "сәуірден"],
  ["мамыр", "мамырға", "мамырда", "мамырдан"],
  ["маусым", "маусымға", "маусымда", "маусымнан"],
  ["шілде", "шілдеге", "шілдеде", "шілдеден"],
  ["тамыз", "тамызға", "тамызда", "тамыздан"],
  ["қыркүйек", "қыркүйекке", "қыркүйекте", "қыркүйектен"],
  ["қазан", "қазанға", "қазанда", "қазаннан"],
  ["қараша", "қарашаға", "қарашада", "қарашадан"],
  ["желтоқсан", "желтоқсанға", "желтоқсанда", "желтоқсаннан"],
];

describe("Kazakh case endings of the months", () => {
  it.each(months)("%s → %s, %s, %s", (nominative, dative, locative, ablative) => {
    expect(kazakhCase(nominative, "nominative")).toBe(nominative);
    expect(kazakhCase(nominative, "dative")).toBe(dative);
    expect(kazakhCase(nominative, "locative")).toBe(locative);
    expect(kazakhCase(nominative, "ablative")).toBe(ablative);
  });
});

/** Intl puts no-break spaces in dates; the table is written with plain ones. */
const plain = (s: string) => s.replace(/\s/g, " ");

describe("date phrases", () => {
  // A date at noon in Almaty each month, so no zone moves it.
  const table: Array<[string, string, string, string]> = [
    // date, kk dative (for "… дейін"), ru, en
    ["2027-06-30", "2027 ж. 30 маусымға", "30 июня 2027 г.", "June 30, 2027"],
    ["2027-01-01", "2027 ж. 1 қаңтарға", "1 января 2027 г.", "January 1, 2027"],
    ["2026-09-15", "2026 ж. 15 қыркүйекке", "15 сентября 2026 г.", "September 15, 2026"],
    ["2026-07-20", "2026 ж. 20 шілдеге", "20 июля 2026 г.", "July 20, 2026"],
    ["2026-04-03", "2026 ж. 3 сәуірге", "3 апреля 2026 г.", "April 3, 2026"],
    ["2026-12-31", "2026 ж. 31 желтоқсанға", "31 декабря 2026 г.", "December 31, 2026"],
  ];
  it.each(table)("%s: «%s дейін», «до %s», “until %s”", (iso, kk, ru, en) => {
    const date = new Date(`${iso}T12:00:00+05:00`);
    expect(plain(datePhrase("kk", date, { case: "dative" }))).toBe(kk);
    // Russian and English take the date as Intl writes it, whatever case is asked for.
    expect(plain(datePhrase("ru", date, { case: "dative" }))).toBe(ru);
    expect(plain(datePhrase("en", date, { case: "dative" }))).toBe(en);
  });

  it("leaves the nominative as Intl writes it", () => {
    expect(plain(datePhrase("kk", new Date("2027-06-30T12:00:00+05:00")))).toBe("2027 ж. 30 маусым");
  });

  it("takes the date in Almaty, not in the server's zone", () => {
    // 23:30 UTC on 30 June is 04:30 on 1 July in Almaty.
    expect(plain(datePhrase("kk", new Date("2027-06-30T23:30:00Z"), { case: "dative" }))).toBe("2027 ж. 1 шілдеге");
  });
});
