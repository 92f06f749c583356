import { getTranslations } from "next-intl/server";
import { CopyLink } from "./copy-link";

/** Plain share links: no third-party script or image is loaded until the person chooses one. */
export async function ShareLinks({ url, title }: { url: string; title: string }) {
  const t = await getTranslations("share");
  const text = t("text", { title });
  const u = encodeURIComponent(url);
  const links: Array<[string, string]> = [
    [t("telegram"), `https://t.me/share/url?url=${u}&text=${encodeURIComponent(text)}`],
    [t("whatsapp"), `https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}`],
    [t("facebook"), `https://www.facebook.com/sharer/sharer.php?u=${u}`],
    [t("x"), `https://x.com/intent/post?url=${u}&text=${encodeURIComponent(text)}`],
    [t("email"), `mailto:?subject=${encodeURIComponent(text)}&body=${encodeURIComponent(`${text}\n\n${url}`)}`],
  ];
  return (
    <>
      <ul className="share-links">
        {links.map(([label, href]) => (
          <li key={label}>
            <a href={href} rel="noopener noreferrer" target="_blank">
              {label}
            </a>
          </li>
        ))}
      </ul>
      <CopyLink url={url} label={t("copy")} copy={t("copyButton")} copied={t("copied")} />
    </>
  );
}
