import { describe, expect, it } from "vitest";
import {
  canTransition,
  isOpenForSigning,
  isVisible,
  petitionStates,
  signableStates,
  transitions,
  visibleStates,
} from "./state";

describe("petition lifecycle", () => {
  it("derives its transitions from the one table of actions", () => {
    expect(transitions).toEqual({
      draft: ["published", "archived"],
      published: ["closed"],
      closed: ["published", "delivered", "archived"],
      delivered: ["archived"],
      archived: [],
    });
  });

  it("names a transition list for every state, only to known states", () => {
    expect(Object.keys(transitions).sort()).toEqual([...petitionStates].sort());
    for (const targets of Object.values(transitions)) {
      for (const to of targets) expect(petitionStates).toContain(to);
    }
  });

  it("allows the normal path draft → published → closed → delivered → archived", () => {
    expect(canTransition("draft", "published")).toBe(true);
    expect(canTransition("published", "closed")).toBe(true);
    expect(canTransition("closed", "delivered")).toBe(true);
    expect(canTransition("delivered", "archived")).toBe(true);
  });

  it("refuses going back to draft, skipping closing, and leaving archived", () => {
    expect(canTransition("published", "draft")).toBe(false);
    expect(canTransition("published", "delivered")).toBe(false);
    expect(canTransition("draft", "closed")).toBe(false);
    for (const to of petitionStates) expect(canTransition("archived", to)).toBe(false);
  });

  it("never lists a state as a transition to itself", () => {
    for (const state of petitionStates) expect(canTransition(state, state)).toBe(false);
  });

  it("shows published, closed and delivered petitions; hides drafts and archived ones", () => {
    expect([...visibleStates].sort()).toEqual(["closed", "delivered", "published"]);
    expect(isVisible("draft")).toBe(false);
    expect(isVisible("archived")).toBe(false);
    expect(isVisible("closed")).toBe(true);
  });

  it("only published petitions are signable", () => {
    expect([...signableStates]).toEqual(["published"]);
  });
});

describe("isOpenForSigning", () => {
  const now = new Date("2026-01-01T00:00:00Z");

  it("is open when published and before the deadline, or with no deadline", () => {
    expect(isOpenForSigning({ state: "published", deadline: new Date("2026-01-02T00:00:00Z") }, now)).toBe(true);
    expect(isOpenForSigning({ state: "published", deadline: null }, now)).toBe(true);
  });

  it("is closed at and after the deadline", () => {
    expect(isOpenForSigning({ state: "published", deadline: now }, now)).toBe(false);
    expect(isOpenForSigning({ state: "published", deadline: new Date("2025-12-31T00:00:00Z") }, now)).toBe(false);
  });

  it("is closed in every state but published", () => {
    for (const state of petitionStates.filter((s) => s !== "published")) {
      expect(isOpenForSigning({ state, deadline: null }, now)).toBe(false);
    }
  });
});
