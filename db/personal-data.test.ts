import { describe, expect, it } from "vitest";
import { PersonalDataError, configurePersonalData, currentKeyId, emailDomain, emailIndex, open, openOr, seal, sealedKeyId } from "./personal-data";

const keys = { current: "unit-test-data-key-0123456789abcdef", index: "unit-test-index-key-0123456789abcdef" };

describe("personal data at rest", () => {
  it("seals with a fresh IV each time, names its key, and opens back", () => {
    configurePersonalData(keys);
    const a = seal("signatures.name", "Әлия Нұрланқызы");
    const b = seal("signatures.name", "Әлия Нұрланқызы");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealedKeyId(a)).toBe(currentKeyId());
    expect(a).not.toContain("Әлия");
    expect(open("signatures.name", a)).toBe("Әлия Нұрланқызы");
    expect(open("signatures.email", seal("signatures.email", ""))).toBe("");
  });

  it("refuses a value moved to another column, changed, truncated or under an unknown key", () => {
    configurePersonalData(keys);
    const email = seal("signatures.email", "aliya@example.org");
    expect(() => open("signatures.name", email)).toThrow(PersonalDataError);
    expect(() => open("subscribers.email", email)).toThrow(PersonalDataError);
    const parts = email.split(".");
    const flipped = [...parts.slice(0, 3), (parts[3]![0] === "A" ? "B" : "A") + parts[3]!.slice(1)].join(".");
    expect(() => open("signatures.email", flipped)).toThrow(PersonalDataError);
    expect(() => open("signatures.email", parts.slice(0, 3).join("."))).toThrow(PersonalDataError);
    expect(() => open("signatures.email", "aliya@example.org")).toThrow(PersonalDataError);
    configurePersonalData({ ...keys, current: "another-key-entirely-0123456789abcdef" });
    expect(() => open("signatures.email", email)).toThrow(/unknown key/);
    expect(openOr("signatures.email", email, "?")).toBe("?");
  });

  it("opens what an earlier key sealed while it is listed as previous; seals with the current one", () => {
    configurePersonalData(keys);
    const old = seal("rsvps.name", "Ерлан");
    const oldId = currentKeyId();
    configurePersonalData({ current: "the-new-data-key-0123456789abcdef", previous: [keys.current], index: keys.index });
    expect(currentKeyId()).not.toBe(oldId);
    expect(open("rsvps.name", old)).toBe("Ерлан");
    expect(sealedKeyId(seal("rsvps.name", "Ерлан"))).toBe(currentKeyId());
  });

  it("indexes an address the same under every encryption key, and differently under another index key", () => {
    configurePersonalData(keys);
    const before = emailIndex("aliya@example.org");
    configurePersonalData({ ...keys, current: "rotated-data-key-0123456789abcdef" });
    expect(emailIndex("Aliya@Example.org")).toBe(before);
    expect(emailIndex("other@example.org")).not.toBe(before);
    configurePersonalData({ ...keys, index: "another-index-key-0123456789abcdef" });
    expect(emailIndex("aliya@example.org")).not.toBe(before);
    expect(before).not.toContain("aliya");
    expect(emailDomain("aliya@Mail.Example.org")).toBe("mail.example.org");
  });
});
