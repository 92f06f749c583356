import { describe, expect, it } from "vitest";
import { acceptsRsvps, availableActions, canTransition, editableStates, isUpcoming, liveStates, rallyTransitions, rsvpActions, visibleStates } from "./state";

describe("rally lifecycle", () => {
  it("derives its transitions from the one table", () => {
    expect(rallyTransitions).toEqual({
      draft: ["announced"],
      announced: ["changed", "held", "cancelled"],
      changed: ["changed", "held", "cancelled"],
      held: [],
      cancelled: [],
    });
    expect(canTransition("held", "announced")).toBe(false);
    expect(canTransition("cancelled", "announced")).toBe(false);
  });

  it("names the groups pages use", () => {
    expect([...visibleStates].sort()).toEqual(["announced", "cancelled", "changed", "held"]);
    expect(visibleStates).not.toContain("draft");
    expect([...liveStates]).toEqual(["announced", "changed"]);
    expect([...editableStates]).toEqual(["draft", "announced", "changed"]);
    expect(availableActions("draft")).toEqual(["announce"]);
    expect(availableActions("changed")).toEqual(["hold", "cancel"]);
    expect(availableActions("cancelled")).toEqual([]);
  });

  it("takes RSVPs only before the start of a live rally", () => {
    const now = new Date("2026-11-05T10:00:00Z");
    const later = new Date("2026-11-05T12:00:00Z");
    expect(acceptsRsvps({ state: "announced", startsAt: later }, now)).toBe(true);
    expect(acceptsRsvps({ state: "cancelled", startsAt: later }, now)).toBe(false);
    expect(acceptsRsvps({ state: "announced", startsAt: now }, now)).toBe(false);
    expect(isUpcoming({ state: "changed", endsAt: later }, now)).toBe(true);
    expect(isUpcoming({ state: "held", endsAt: later }, now)).toBe(false);
  });

  it("lets an attendee cancel from any state but cancelled", () => {
    expect([...rsvpActions.cancel.from]).toEqual(["pending", "confirmed", "waitlisted"]);
    expect([...rsvpActions.promote.from]).toEqual(["waitlisted"]);
  });
});
