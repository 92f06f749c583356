import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import { formatter, translator } from "@/lib/i18n/translator";
import { paragraphs } from "@/lib/i18n/localized";
import { csvBom, csvLine } from "./csv";
import type { DeliveryPack } from "./build-delivery-pack";

/** The pack's texts in its language, with the petition's public address for reference. */
function texts(pack: DeliveryPack, siteUrl: string) {
  const t = translator(pack.locale);
  const l = pack.locale;
  return {
    t,
    title: pack.petition.title[l],
    target: pack.petition.target[l],
    summary: pack.petition.summary[l],
    body: pack.petition.body[l],
    prepared: t("deliveryPack.prepared", {
      date: formatter(l).dateTime(pack.preparedAt, { dateStyle: "long" }),
      url: `${siteUrl}/${l}/petitions/${pack.petition.slug}`,
    }),
  };
}

/** The pack as CSV: the petition's text and count as label/value rows, a blank row, then one name per row. */
export async function* deliveryPackCsv(pack: DeliveryPack, siteUrl: string): AsyncGenerator<string> {
  const { t, title, target, summary, body, prepared } = texts(pack, siteUrl);
  yield csvBom;
  yield csvLine([t("deliveryPack.csvPetition"), title]);
  yield csvLine([t("deliveryPack.csvTarget"), target]);
  yield csvLine([t("deliveryPack.csvText"), [summary, body].filter(Boolean).join("\n\n")]);
  yield csvLine([t("deliveryPack.csvCount"), String(pack.count)]);
  yield csvLine([t("deliveryPack.csvNamed"), String(pack.named)]);
  yield csvLine([prepared]);
  yield "\r\n";
  yield csvLine([t("deliveryPack.csvName")]);
  for await (const name of pack.names) yield csvLine([name]);
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** DejaVu Sans, shipped in assets/fonts (licence beside it): it has every Kazakh and Russian letter. */
function packFonts() {
  const dir = path.join(process.cwd(), "assets", "fonts");
  fonts ??= { regular: readFileSync(path.join(dir, "DejaVuSans.ttf")), bold: readFileSync(path.join(dir, "DejaVuSans-Bold.ttf")) };
  return fonts;
}

/**
 * The pack as a PDF rendered on the server (pdfkit, the font embedded and subset): title, addressee, text,
 * the count, then the names numbered. Streams while the names are read.
 */
export function deliveryPackPdf(pack: DeliveryPack, siteUrl: string): ReadableStream<Uint8Array> {
  const { t, title, target, summary, body, prepared } = texts(pack, siteUrl);
  const { regular, bold } = packFonts();
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    font: regular as unknown as string,
    lang: pack.locale,
    displayTitle: true,
    info: { Title: title, Author: "Qoldau", Subject: t("deliveryPack.to", { target }) },
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  const heading = (text: string, size = 14) => doc.moveDown(0.8).font("bold").fontSize(size).text(text).moveDown(0.3).font("regular").fontSize(11);

  void (async () => {
    try {
      doc.font("bold").fontSize(18).text(title);
      doc.moveDown(0.4).font("regular").fontSize(12).text(t("deliveryPack.to", { target }));
      doc.moveDown(0.2).fontSize(9).fillColor("#444").text(prepared).fillColor("black");
      heading(t("deliveryPack.textHeading"));
      for (const p of paragraphs([summary, body].filter(Boolean).join("\n\n"))) doc.text(p, { align: "left" }).moveDown(0.5);
      heading(t("deliveryPack.signaturesHeading"));
      doc.text(t("deliveryPack.count", { count: pack.count }));
      doc.moveDown(0.3).text(t("deliveryPack.named", { named: pack.named }));
      if (pack.named > 0) heading(t("deliveryPack.namesHeading"), 12);
      let n = 0;
      for await (const name of pack.names) doc.text(`${++n}. ${name}`);
      doc.end();
    } catch (error) {
      doc.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return Readable.toWeb(doc) as unknown as ReadableStream<Uint8Array>;
}
