import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import SignatureConfirmation from "@/emails/signature-confirmation";
import { placeholder } from "./kinds";
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
    expect(filled.html).toBe(direct.html);
    expect(filled.text.replace(/\s+/g, " ")).toBe(direct.text.replace(/\s+/g, " "));
    expect(filled.html).not.toContain("<b>");
  });
});
