import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import SignatureConfirmation from "@/emails/signature-confirmation";
import { placeholder } from "./kinds";
import { YOUR_DATA_TOKEN, emailOfYourDataToken } from "@/lib/your-data/link";
import { renderEmail } from "./sender";

describe("a template rendered once and filled in", () => {
  it("gives the same HTML and text as rendering each email, with the values escaped in the HTML", async () => {
    const props = {
      locale: "kk" as const,
      name: `Әлия <b>"Ali" & 'co'</b>`,
      petitionTitle: "Drop the charges",
      confirmUrl: "http://qoldau.test/kk/confirm/AbC_dEf-123",
      siteUrl: "http://qoldau.test",
    };
    const direct = { html: await render(SignatureConfirmation(props)), text: await render(SignatureConfirmation(props), { plainText: true }) };
    const filled = await renderEmail({
      to: "a@example.org",
      subject: "s",
      template: "signature-confirmation",
      idempotencyKey: "k",
      element: SignatureConfirmation({ ...props, name: placeholder("name"), confirmUrl: placeholder("confirmUrl") }),
      fill: { templateKey: "test/kk", values: { name: props.name, confirmUrl: props.confirmUrl } },
    });
    // Every email's footer gets its recipient's own "your data" token (a fresh seal each time) in place of the placeholder.
    const link = /\/kk\/your-data\/(v1\.[A-Za-z0-9_.-]+)/.exec(filled.text)?.[1];
    expect(emailOfYourDataToken(link)).toBe("a@example.org");
    const same = (s: string) => s.replaceAll(link!, YOUR_DATA_TOKEN);
    expect(same(filled.html)).toBe(direct.html);
    expect(same(filled.text).replace(/\s+/g, " ")).toBe(direct.text.replace(/\s+/g, " "));
    expect(filled.html).not.toContain("<b>");
  });
});
