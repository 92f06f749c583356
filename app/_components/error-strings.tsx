"use client";

import { type ReactNode, createContext, useContext } from "react";

export type ErrorStrings = { title: string; body: string; retry: string; home: string; homeHref: string };

const Strings = createContext<ErrorStrings | null>(null);

/**
 * The error page's words, in the page's language, handed down by the layout: the error boundary is a client
 * component, and this keeps a message runtime out of every public page's JavaScript.
 */
export function ErrorStringsProvider({ strings, children }: { strings: ErrorStrings; children: ReactNode }) {
  return <Strings.Provider value={strings}>{children}</Strings.Provider>;
}

export function useErrorStrings(): ErrorStrings {
  return useContext(Strings) ?? { title: "Something went wrong", body: "", retry: "Try again", home: "Home", homeHref: "/" };
}
