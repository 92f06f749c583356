import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { locales, type Localized } from "@/lib/i18n/locales";
import { findProfile, findPublishedCampaign, listSources, listTimeline } from "./queries/campaigns";
import { findVisiblePetitionBySlug, listVisiblePetitions } from "./queries/petitions";
import { campaigns, petitionCountShards, petitions, profiles, sources, timelineEvents } from "./schema";
import { seed } from "./seed";
import { testDriver } from "./testing";
import { setUpTestDatabase } from "./test-database";

const database = setUpTestDatabase();
let firstRun: { created: boolean };
beforeAll(async () => {
  firstRun = await seed(database().db);
});

function expectAllLocales(text: Localized, what: string) {
  for (const l of locales) expect(text[l].trim(), `${what} in ${l}`).not.toBe("");
}

async function campaign() {
  const row = await findPublishedCampaign(database().db);
  if (!row) throw new Error("no published campaign after seeding");
  return row;
}

describe(`seed on ${testDriver}`, () => {
  it("creates the published campaign for Marat Turymbetov", async () => {
    expect(firstRun.created).toBe(true);
    const c = await campaign();
    expect(c.slug).toBe("marat-turymbetov");
    expect(c.name.en).toContain("Marat Turymbetov");
    expectAllLocales(c.name, "campaign name");
    expectAllLocales(c.tagline, "campaign tagline");
  });

  it("creates his profile from the source: born 1969-03-03, Almaty, Article 274(4)", async () => {
    const profile = await findProfile(database().db, (await campaign()).id);
    expect(profile).not.toBeNull();
    if (!profile) return;
    expect(profile.dateOfBirth).toBe("1969-03-03");
    expect(profile.residence).toEqual({ ru: "Алматы", kk: "Алматы", en: "Almaty" });
    expect(profile.article.en).toContain("Article 274(4)");
    expect(profile.article.ru).toContain("статьи 274");
    expect(profile.article.kk).toContain("274-бабының 4-бөлігі");
    expect(profile.health.en).toMatch(/haemodialysis/);
    expect(profile.role.en).toBe("civil society activist, blogger");
    for (const field of ["name", "role", "residence", "article", "health", "summary", "biography"] as const) {
      expectAllLocales(profile[field], `profile.${field}`);
    }
  });

  it("creates the case timeline in date order with the dates from the source", async () => {
    const timeline = await listTimeline(database().db, (await campaign()).id);
    const dates = timeline.map((e) => e.occurredOn);
    expect(dates).toEqual([...dates].sort());
    const days = timeline.filter((e) => e.precision === "day").map((e) => e.occurredOn);
    expect(days).toEqual(["2020-04-20", "2020-05-05", "2020-07-20", "2020-07-27"]);
    // Earlier events the source dates only to the month or year.
    expect(timeline.filter((e) => e.precision !== "day").map((e) => [e.occurredOn, e.precision])).toEqual([
      ["2017-01-01", "year"],
      ["2019-03-01", "month"],
      ["2019-05-01", "month"],
      ["2019-09-01", "month"],
    ]);
    for (const e of timeline) {
      expectAllLocales(e.title, `timeline ${e.occurredOn} title`);
      expectAllLocales(e.body, `timeline ${e.occurredOn} body`);
    }
  });

  it("cites the KIBHR profile of 27 July 2020 as the source", async () => {
    const list = await listSources(database().db, (await campaign()).id);
    expect(list).toHaveLength(1);
    const [source] = list;
    expect(source?.publisher.en).toBe("Kazakhstan International Bureau for Human Rights and the Rule of Law");
    expect(source?.publishedOn).toBe("2020-07-27");
    expect(source?.url).toMatch(/^https:\/\/bureau\.kz\//);
    if (source) expectAllLocales(source.title, "source title");
  });

  it("creates one published petition to the Prosecutor General, written in all three languages", async () => {
    const visible = await listVisiblePetitions(database().db, (await campaign()).id);
    expect(visible).toHaveLength(1);
    const row = await findVisiblePetitionBySlug(database().db, "drop-the-charges");
    expect(row).not.toBeNull();
    if (!row) return;
    const { petition, count: signatures } = row;
    expect(petition.state).toBe("published");
    expect(petition.target.en).toBe("Prosecutor General of the Republic of Kazakhstan");
    expect(petition.goal).toBeGreaterThan(0);
    expect(petition.deadline).toBeInstanceOf(Date);
    expect(petition.deadline?.getTime()).toBeGreaterThan(petition.publishedAt?.getTime() ?? Infinity);
    expect(signatures).toBe(0);
    for (const field of ["title", "summary", "body", "target"] as const) expectAllLocales(petition[field], `petition.${field}`);
    expect(petition.title.en).toContain("274(4)");
  });

  it("changes nothing when run again", async () => {
    const snapshot = async () => ({
      campaigns: await database().db.select().from(campaigns),
      profiles: await database().db.select().from(profiles),
      timeline: await database().db.select().from(timelineEvents),
      sources: await database().db.select().from(sources),
      petitions: await database().db.select().from(petitions),
      shards: await database().db.select({ n: count() }).from(petitionCountShards),
    });
    const before = await snapshot();
    expect(await seed(database().db)).toEqual({ created: false });
    expect(await seed(database().db)).toEqual({ created: false });
    expect(await snapshot()).toEqual(before);
  });

  it("leaves an organizer's later edits alone", async () => {
    const c = await campaign();
    const edited = { ...c.tagline, en: "Edited by the organizers" };
    await database().db.update(campaigns).set({ tagline: edited }).where(eq(campaigns.id, c.id));
    await seed(database().db);
    expect((await campaign()).tagline.en).toBe("Edited by the organizers");
  });
});
