import { getTranslations } from "next-intl/server";

/**
 * The not-found page of a link from an email (confirmation, your data, preferences, unsubscribe) that names
 * nothing — tampered, cut or made up: said plainly, with one way on; nothing was changed. A not-found page has no
 * metadata of its own, so React puts its <title> in the head.
 */
export async function BadLinkPage(p: { title: string; body: string; link: { href: string; text: string; button?: boolean } }) {
  const site = await getTranslations("meta");
  return (
    <>
      <title>{`${p.title} · ${site("siteName")}`}</title>
      <h1>{p.title}</h1>
      <p>{p.body}</p>
      <p>
        <a className={p.link.button ? "button" : undefined} href={p.link.href}>
          {p.link.text}
        </a>
      </p>
    </>
  );
}
