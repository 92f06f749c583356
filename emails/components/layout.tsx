import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { YourDataFooter } from "./your-data-footer";

const body = { backgroundColor: "#f3f5f7", fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif", color: "#1b1f24" };
const container = { backgroundColor: "#ffffff", margin: "24px auto", padding: "24px", maxWidth: "560px", borderRadius: "8px" };
const footer = { color: "#4d5560", fontSize: "13px", lineHeight: "20px" };

/**
 * Every email: our name at the top, one message, why you got it and the recipient's "your data" link at the bottom.
 * No remote images or fonts.
 */
export function EmailLayout({ lang, preview, children, footerText }: { lang: string; preview: string; children: ReactNode; footerText: string[] }) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={{ fontWeight: 700, fontSize: "18px", margin: "0 0 16px" }}>Qoldau</Text>
          <Section>{children}</Section>
          <Hr />
          {footerText.map((line, i) => (
            <Text key={i} style={footer}>
              {line}
            </Text>
          ))}
          <YourDataFooter lang={lang} style={footer} />
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: "16px", lineHeight: "24px" };
export const button = {
  backgroundColor: "#0b5cad",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: "6px",
  fontWeight: 600,
  textDecoration: "none",
  display: "inline-block",
};
