import { describe, expect, it } from "vitest";
import { availableActions, canPerform, canTransition, isEditable, petitionActions, petitionStates, transitions } from "./state";

describe("petition actions", () => {
  it("every action is an allowed transition, and every transition has exactly one action", () => {
    const pairs = Object.values(petitionActions).flatMap(({ from, to }) => from.map((f) => `${f}→${to}`));
    for (const pair of pairs) {
      const [from, to] = pair.split("→") as [(typeof petitionStates)[number], (typeof petitionStates)[number]];
      expect(canTransition(from, to), pair).toBe(true);
    }
    const all = Object.entries(transitions).flatMap(([from, tos]) => tos.map((to) => `${from}→${to}`));
    expect([...pairs].sort()).toEqual([...all].sort());
  });

  it("offers what each state allows, and nothing for archived", () => {
    expect(availableActions("draft")).toEqual(["publish", "archive"]);
    expect(availableActions("published")).toEqual(["close"]);
    expect(availableActions("closed")).toEqual(["reopen", "deliver", "archive"]);
    expect(availableActions("delivered")).toEqual(["archive"]);
    expect(availableActions("archived")).toEqual([]);
  });

  it("refuses illegal moves", () => {
    expect(canPerform("draft", "close")).toBe(false);
    expect(canPerform("published", "publish")).toBe(false);
    expect(canPerform("published", "deliver")).toBe(false);
    expect(canPerform("published", "archive")).toBe(false);
    expect(canPerform("delivered", "reopen")).toBe(false);
    for (const action of Object.keys(petitionActions) as (keyof typeof petitionActions)[]) {
      expect(canPerform("archived", action)).toBe(false);
    }
  });

  it("only drafts are editable", () => {
    expect(petitionStates.filter(isEditable)).toEqual(["draft"]);
  });
});
