"use client";

import { useErrorStrings } from "@/app/_components/error-strings";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useErrorStrings();
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <p>
        <button type="button" className="button" onClick={() => reset()}>
          {t.retry}
        </button>{" "}
        <a href={t.homeHref}>{t.home}</a>
      </p>
    </>
  );
}
