import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/boundary";
import { readForm } from "@/lib/http/read-form";
import { seeOther } from "@/lib/http/responses";
import { isLocale } from "@/lib/i18n/locales";
import { yourDataActionSchema } from "@/lib/validation/your-data";
import { deleteYourData } from "@/lib/your-data/delete-your-data";
import { exportYourData } from "@/lib/your-data/export-your-data";
import { addressOfLink } from "@/lib/your-data/read-your-data";
import { resumeEmail, stopAllEmail } from "@/lib/your-data/stop-all-email";
import { withdrawSignature } from "@/lib/your-data/withdraw-signature";
import { yourDataPath } from "@/lib/your-data/link";

/**
 * The "your data" page's forms (POST only: opening the emailed link changes nothing). Each answers 303 back to
 * the page, which says what happened — except the download, which answers the JSON file. A tampered or
 * malformed link: the translated "link not valid" page (404), nothing changed.
 */
export const POST = route(
  "your data",
  async (request, _ctx, scope) => {
    const body = await readForm(request);
    if (isLocale(body.locale)) scope.locale = body.locale;
    addressOfLink(body.token); // a tampered link is refused before anything else is looked at
    const parsed = yourDataActionSchema.safeParse(body);
    if (!parsed.success) {
      // The only mistake a person can make on the page: "delete everything" without ticking the box.
      if (body.action === "delete") return seeOther(`${yourDataPath(scope.locale, String(body.token))}?error=confirm#delete`);
      throw new AppError("invalid_input");
    }
    const input = parsed.data;
    const db = await getDb();
    const back = (done: string) =>
      scope.json ? Response.json({ status: done }, { headers: { "Cache-Control": "no-store" } }) : seeOther(`${yourDataPath(input.locale, input.token)}?done=${done}`);
    switch (input.action) {
      case "withdraw":
        return back((await withdrawSignature(db, input.token, input.signatureId)).outcome);
      case "stop_email":
        await stopAllEmail(db, input.token);
        return back("email_stopped");
      case "resume_email":
        await resumeEmail(db, input.token);
        return back("email_resumed");
      case "delete":
        await deleteYourData(db, input.token);
        return back("deleted");
      case "export": {
        const data = await exportYourData(db, input.token);
        return new Response(`${JSON.stringify(data, null, 2)}\n`, {
          headers: {
            "Content-Type": "application/json; charset=utf-8",
            "Content-Disposition": 'attachment; filename="qoldau-your-data.json"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
          },
        });
      }
    }
  },
);
